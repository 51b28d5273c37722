#!/usr/bin/env bash
# Runs every benchmark in release and prints one table (Markdown).
#   Benchmarks/run.sh            # all
# In-process figures come from flightdeck-bench; terminal figures (bytes
# written, start to first frame) from the real binary in tmux.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "Benchmarks/run.sh needs tmux"; exit 2; }

swift build -c release --product flightdeck >/dev/null
swift build -c release --product flightdeck-bench >/dev/null
BIN=$(swift build -c release --show-bin-path)/flightdeck
BENCH=$(swift build -c release --show-bin-path)/flightdeck-bench

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
echo "date: $(date -u +%Y-%m-%d)"
echo
"$BENCH"

WORK=$(mktemp -d)
SOCK="fd-bench-$$"
T=(tmux -L "$SOCK" -f /dev/null)
trap '"${T[@]}" kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT

wait_for() {  # wait_for SESSION TEXT
    for _ in $(seq 1 100); do
        "${T[@]}" capture-pane -p -t "$1" | grep -qF -- "$2" && return 0
        sleep 0.1
    done
    echo "benchmark: '$2' never appeared" >&2; exit 1
}

# Bytes written to the terminal in 10 s at 120x40 and 4 Hz: paused (nothing
# changes) vs running (the clock ticks) in the same run.
bytes_for() {  # bytes_for MODE -> bytes in 10 s
    local mode=$1 s="bytes-$1"
    mkdir -p "$WORK/$s"
    "${T[@]}" new-session -d -s "$s" -x 120 -y 40 -c "$WORK/$s" "TERM=xterm-256color $BIN --refresh 4 --speed 60"
    wait_for "$s" "1 Overview"
    if [ "$mode" = paused ]; then "${T[@]}" send-keys -t "$s" Space; wait_for "$s" "PAUSED"; fi
    sleep 1
    "${T[@]}" pipe-pane -o -t "$s" "cat > $WORK/$s.out"
    sleep 10
    "${T[@]}" pipe-pane -t "$s"
    "${T[@]}" send-keys -t "$s" q
    sleep 0.3
    "${T[@]}" kill-session -t "$s" 2>/dev/null || true
    stat -c %s "$WORK/$s.out"
}
paused=$(bytes_for paused)
running=$(bytes_for running)

# Process start to first complete frame: `flightdeck --max-frames 1` (start,
# terminal set-up, first frame, restore) vs `flightdeck --version` (process
# start only), 30 runs each inside a tmux pane.
# In a fresh directory, so the state directory starts empty (a long history
# with due schedules would add engine work to the first frame).
mkdir -p "$WORK/startup"
cat > "$WORK/startup.sh" <<SCRIPT
cd "$WORK/startup"
for i in \$(seq 1 30); do
  a=\$(date +%s%N); "$BIN" --max-frames 1 >/dev/null 2>&1 || true; b=\$(date +%s%N)
  "$BIN" --version >/dev/null 2>&1; c=\$(date +%s%N)
  echo "\$((b - a)) \$((c - b))" >> "$WORK/startup.txt"
done
touch "$WORK/startup.done"
SCRIPT
# --max-frames needs a terminal on stdout; run the loop in a pane, but
# --version's output goes to /dev/null either way.
sed -i "s|\"$BIN\" --max-frames 1 >/dev/null 2>&1|TERM=xterm-256color \"$BIN\" --max-frames 1|" "$WORK/startup.sh"
"${T[@]}" new-session -d -s startup -x 120 -y 40 "bash $WORK/startup.sh"
for _ in $(seq 1 600); do [ -e "$WORK/startup.done" ] && break; sleep 0.1; done

python3 - "$WORK/startup.txt" "$paused" "$running" <<'PY'
import statistics, sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
first = statistics.median(r[0] for r in rows) / 1e6
base = statistics.median(r[1] for r in rows) / 1e6
paused, running = int(sys.argv[2]), int(sys.argv[3])
print("| benchmark | median | baseline (same run) | ratio | target |")
print("|---|---|---|---|---|")
print(f"| start to first frame (release, 120x40) | {first:.1f} ms | `--version`: {base:.1f} ms | {first/base:.1f}x | < 50 ms |")
print(f"| bytes written while paused, 120x40, 4 Hz, 10 s | {paused} B | running (clock ticks): {running} B = {running/10:.0f} B/s | - | 0 |")
PY
