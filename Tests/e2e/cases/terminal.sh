# Terminal robustness: resize storms, sizes from 1x1 up, an unknown TERM,
# LANG=C, SIGHUP, and a terminal that closes under the running program.
# Sourced by Tests/e2e/run.sh (uses start/keys/wait_for/finish from there).

# fd_pid: the pid of the flightdeck started by the current case's wrapper.
fd_pid() {
    local shell_pid
    shell_pid=$("${TMUX_CMD[@]}" display-message -p -t "$current" '#{pane_pid}' 2>/dev/null) || return 1
    pgrep -P "$shell_pid" -f "^$BIN" | head -n 1
}

# wait_pid_gone PID [SECONDS]: poll until the process has ended.
wait_pid_gone() {
    local pid=$1 deadline=$((SECONDS + ${2:-10}))
    while [ $SECONDS -lt $deadline ]; do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    fail "process $pid still running after ${2:-10}s"; return 1
}

# Resize storm: ~40 resizes a second for 6 seconds while the demo runs at
# 600x, through sizes below and above the minimum (LANG=C, so the ASCII
# glyph set is drawn at every size). Afterwards it answers keys, draws only
# ASCII and quits cleanly with the terminal restored.
start "resize-storm" 120 40 xterm-256color C --speed 600
wait_for "1 Overview"
storm_sizes=("80 24" "1 1" "200 60" "79 23" "33 7" "120 40" "2 1" "100 30" "10 3" "81 25")
storm_end=$((SECONDS + 6)); storm_count=0
while [ $SECONDS -lt $storm_end ]; do
    set -- ${storm_sizes[$((storm_count % ${#storm_sizes[@]}))]}
    "${TMUX_CMD[@]}" resize-window -t "$current" -x "$1" -y "$2"
    storm_count=$((storm_count + 1))
    sleep 0.02
done
"${TMUX_CMD[@]}" resize-window -t "$current" -x 120 -y 40
[ -n "$(fd_pid)" ] || fail "flightdeck is gone after $storm_count resizes"
wait_for "1 Overview"
keys 2; wait_for "feature-build"
keys 6; wait_for "Events"
if pane | LC_ALL=C grep -q '[^ -~]'; then fail "non-ASCII characters on screen with LANG=C after the storm"; fi
keys q; finish 0
echo "       ($storm_count resizes in 6s)"

# Every size from 1x1 up: no crash, the notice where it fits, q quits.
for size in "1 1" "2 1" "10 3" "20 5" "40 12" "79 23" "80 24"; do
    set -- $size
    start "size-$1x$2" "$1" "$2" xterm-256color C.UTF-8 --speed 600
    case "$1x$2" in
        80x24) wait_for "1 Overview" ;;
        1x1|2x1) sleep 1.5 ;;          # nothing legible fits: give it time to draw
        10x3) wait_for "Too small" ;;
        20x5) wait_for "Too small: 20x5"; wait_for "q quits" ;;
        *) wait_for "Terminal too small: $1x$2" ;;
    esac
    [ -n "$(fd_pid)" ] || fail "flightdeck is not running at $1x$2"
    keys q; finish 0
done

# An unknown TERM falls back to xterm-256color and says so on screen.
start "term-unknown" 100 30 xterm-nonexistent C.UTF-8
wait_for "1 Overview"
wait_for "TERM=xterm-nonexistent is unknown"
keys 2; wait_for "feature-build"
keys q; finish 0

# SIGHUP during a resize storm: exit 129, the terminal restored.
start "sighup-storm" 100 30 xterm-256color C.UTF-8 --speed 600
wait_for "1 Overview"
hup_pid=$(fd_pid)
for i in $(seq 1 40); do
    "${TMUX_CMD[@]}" resize-window -t "$current" -x $((60 + i % 7 * 10)) -y $((20 + i % 5 * 4))
    [ "$i" = 20 ] && kill -HUP "$hup_pid"
done
finish 129

# Closing the terminal under it (kill-pane, like a closed window or a
# dropped connection): flightdeck ends by itself within a few seconds,
# leaves no process behind, and what it did is in the store.
mkdir -p "$WORK/pane-close"
cat > "$WORK/pane-close/flightdeck.yaml" <<'YAML'
project: pane-close
pipelines:
  nightly:
    steps:
      load: {simulate: {duration: 2h}}
      work: {needs: [load], run: "sleep 53.75"}
  quick:
    steps:
      only: {simulate: {duration: 1s}}
YAML
start "pane-close" 100 30 xterm-256color C.UTF-8 --speed 600
wait_for "1 Overview"
keys 2 t; wait_for "Trigger nightly"; keys Enter; wait_for "triggered nightly"
close_deadline=$((SECONDS + 20))
until pgrep -f "sleep 53.75" >/dev/null || [ $SECONDS -ge $close_deadline ]; do sleep 0.1; done
pgrep -f "sleep 53.75" >/dev/null || fail "the shell step did not start"
close_pid=$(fd_pid)
"${TMUX_CMD[@]}" kill-pane -t "$current"
if [ -n "$close_pid" ]; then
    wait_pid_gone "$close_pid" 5
else
    fail "no flightdeck process found before closing the pane"
fi
sleep 0.3
pgrep -f "sleep 53.75" >/dev/null && fail "the shell step outlived the closed terminal"
grep -E "Fatal error|Backtrace|Segmentation" "$WORK/pane-close/stderr" && fail "crash output after the pane closed"
out=$(cd "$WORK/pane-close" && "$BIN" runs 2>&1)
echo "$out" | grep -q "nightly" || fail "the triggered run is not in the store: $out"
out=$(cd "$WORK/pane-close" && "$BIN" trigger quick 2>&1 </dev/null)
echo "$out" | grep -q "running the pipeline here" || fail "the state directory is still held after the pane closed: $out"
"${TMUX_CMD[@]}" kill-session -t "$current" 2>/dev/null
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [pane-close]"; }

# A closed terminal and no SIGHUP: flightdeck runs in a session of its own
# (setsid), so neither the kernel nor tmux signals it when the pane closes.
# It must notice the hung-up input by itself and end, not spin.
current="hangup-no-signal"; CASE_OK=1
mkdir -p "$WORK/$current"
"${TMUX_CMD[@]}" new-session -d -s "$current" -x 100 -y 30 \
    "cd $WORK/$current && TERM=xterm-256color LANG=C.UTF-8 exec setsid -w $BIN --speed 600 2> stderr"
wait_for "1 Overview"
nosig_pid=$(pgrep -f "^$BIN --speed 600" | head -n 1)
"${TMUX_CMD[@]}" kill-pane -t "$current"
if [ -n "$nosig_pid" ]; then wait_pid_gone "$nosig_pid" 5 || kill -9 "$nosig_pid" 2>/dev/null; else fail "flightdeck did not start"; fi
grep -E "Fatal error|Backtrace|Segmentation" "$WORK/$current/stderr" && fail "crash output after the terminal hung up"
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [$current]"; }
