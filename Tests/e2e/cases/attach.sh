# Several operators: a second flightdeck on a held state directory attaches
# to the running engine (same live state, actions through the command
# channel); when the engine's process dies it says so, and T takes over,
# resuming from the store.
STATE_ATTACH="$WORK/attach-state"
start "attach-engine" 120 40 xterm-256color C.UTF-8 --speed 600 --state "$STATE_ATTACH"
wait_for "1 Overview"
start "attach-viewer" 120 40 xterm-256color C.UTF-8 --state "$STATE_ATTACH"
wait_for "attached to pid"
wait_for "fraud-api"
current="attach-engine"; wait_for "1 attached: $(id -un)"
current="attach-viewer"
keys 2 t; wait_for "Trigger retrain"; keys Enter
wait_for "triggered retrain run"
# The engine's own screen and the CLI see the run the viewer triggered.
# (At 600x the run may already have finished: running or done both count.)
current="attach-engine"; keys 2
deadline=$((SECONDS + 15))
until pane | grep -qE "retrain +(▶|✓|✗)"; do
    [ $SECONDS -ge $deadline ] && { fail "the engine's Pipelines screen does not show the triggered retrain run"; pane; break; }
    sleep 0.1
done
out=$("$BIN" runs --state "$STATE_ATTACH" 2>&1)
echo "$out" | grep -q "retrain" || fail "runs does not list the run triggered by the attached operator: $out"
# The engine dies: the viewer says so and takes over with T.
engine_pid=$(cut -d' ' -f1 "$STATE_ATTACH/lock")
kill -9 "$engine_pid"
current="attach-viewer"
wait_for "has stopped"
wait_for "press T to take over"
keys T
wait_for "took over the engine"
wait_gone "has stopped"
[ "$(cut -d' ' -f1 "$STATE_ATTACH/lock")" != "$engine_pid" ] || fail "the lock still names the dead engine"
keys 2; wait_for "retrain"
keys q; finish 0
out=$("$BIN" runs --state "$STATE_ATTACH" 2>&1)
echo "$out" | grep -q "retrain" || fail "after the take-over the run history lacks the retrain run: $out"
current="attach-engine"; "${TMUX_CMD[@]}" kill-session -t "$current" 2>/dev/null
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [attach-engine]"; }
