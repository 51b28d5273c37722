#!/usr/bin/env bash
# End-to-end tests of the real flightdeck binary in detached tmux sessions.
# Usage: Tests/e2e/run.sh [path/to/flightdeck]   (default: .build/debug/flightdeck)
# Each check polls the pane with a deadline instead of sleeping.
set -u
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:-.build/debug/flightdeck}")
[ -x "$BIN" ] || { echo "e2e: no binary at $BIN (run swift build first)"; exit 2; }
command -v tmux >/dev/null || { echo "e2e: tmux is not installed"; exit 2; }

WORK=$(mktemp -d)
SOCKET="fd-e2e-$$"
TMUX_CMD=(tmux -L "$SOCKET" -f /dev/null)
trap '"${TMUX_CMD[@]}" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
passed=0
failed=0
current=""

fail() { echo "  FAIL [$current]: $*"; failed=$((failed + 1)); CASE_OK=0; }
pane() { "${TMUX_CMD[@]}" capture-pane -p -t "$current" 2>/dev/null; }

# wait_for TEXT [SECONDS]: poll until the pane shows TEXT.
wait_for() {
    local text=$1 deadline=$((SECONDS + ${2:-15}))
    while [ $SECONDS -lt $deadline ]; do
        pane | grep -qF -- "$text" && return 0
        sleep 0.1
    done
    fail "did not see '$text'"; echo "----- pane -----"; pane; echo "----------------"
    return 1
}

# wait_gone TEXT [SECONDS]: poll until the pane no longer shows TEXT.
wait_gone() {
    local text=$1 deadline=$((SECONDS + ${2:-10}))
    while [ $SECONDS -lt $deadline ]; do
        pane | grep -qF -- "$text" || return 0
        sleep 0.1
    done
    fail "still see '$text'"; return 1
}

# wait_file FILE [SECONDS]
wait_file() {
    local file=$1 deadline=$((SECONDS + ${2:-15}))
    while [ $SECONDS -lt $deadline ]; do
        [ -s "$file" ] && return 0
        sleep 0.1
    done
    fail "program did not end (no $file)"; return 1
}

keys() { "${TMUX_CMD[@]}" send-keys -t "$current" "$@"; }

# start NAME WIDTH HEIGHT TERM LANG [ARGS...]: run flightdeck in a shell that
# records stty -g before and after, and the exit status.
start() {
    local name=$1 w=$2 h=$3 term=$4 lang=$5; shift 5
    current=$name
    CASE_OK=1
    local dir="$WORK/$name"; mkdir -p "$dir"
    cat > "$dir/wrap.sh" <<WRAP
cd "$dir"
stty -g > "$dir/stty.before"
TERM=$term LANG=$lang LC_ALL= "$BIN" $* 2> "$dir/stderr"
echo \$? > "$dir/rc"
stty -g > "$dir/stty.after"
sleep 600
WRAP
    "${TMUX_CMD[@]}" new-session -d -s "$name" -x "$w" -y "$h" "bash $dir/wrap.sh"
}

# finish: check the terminal settings were restored, close the session, count.
finish() {
    local dir="$WORK/$current" expect_rc=${1:-0}
    if wait_file "$dir/stty.after"; then
        cmp -s "$dir/stty.before" "$dir/stty.after" || fail "stty -g differs after exit"
        local rc; rc=$(cat "$dir/rc")
        [ "$rc" = "$expect_rc" ] || fail "exit status $rc, expected $expect_rc; stderr: $(cat "$dir/stderr")"
    fi
    "${TMUX_CMD[@]}" kill-session -t "$current" 2>/dev/null
    if [ "$CASE_OK" = 1 ]; then passed=$((passed + 1)); echo "  ok   [$current]"; fi
}

# E2E_ONLY=NAME runs only Tests/e2e/cases/NAME.sh (while working on one case).
if [ -n "${E2E_ONLY:-}" ]; then
    . "Tests/e2e/cases/$E2E_ONLY.sh"
    echo "e2e: $passed passed, $failed failed"
    [ "$failed" = 0 ]; exit
fi

tour() {  # the main walk through the shell at one size and terminal type
    local name=$1 w=$2 h=$3 term=$4 lang=$5
    start "$name" "$w" "$h" "$term" "$lang" --speed 60
    wait_for "FLIGHTDECK" && wait_for "1 Overview" && wait_for "6 Events"
    wait_for "fraud-api"   # the Overview lists the demo's deployments
    keys 2; wait_for "retrain"; wait_for "feature-build"
    keys 6; wait_for "Events"
    keys 3; wait_for "serving fraud v1"
    keys : ; keys -l "models"; keys Enter; wait_for "bootstrap: first version"
    keys : ; keys -l "mon"; keys Tab; keys Enter; wait_for "fraud-inputs"
    keys '?'; wait_for "Help"; wait_for "Show this help"
    keys Escape; wait_gone "Show this help"
    keys Space; wait_for "PAUSED"
    keys Space; wait_gone "PAUSED"
    "${TMUX_CMD[@]}" resize-window -t "$current" -x 60 -y 20
    wait_for "Terminal too small: 60x20"
    "${TMUX_CMD[@]}" resize-window -t "$current" -x "$w" -y "$h"
    wait_for "fraud-inputs"
    keys q
    finish 0
}

echo "e2e: $BIN"
for size in "120 40" "80 24"; do
    set -- $size
    tour "xterm-$1x$2" "$1" "$2" xterm-256color C.UTF-8
    tour "screen-$1x$2" "$1" "$2" screen-256color C.UTF-8
    tour "langc-$1x$2" "$1" "$2" xterm-256color C
done

# LANG=C draws with the ASCII glyph set: no non-ASCII byte on screen.
start "ascii" 100 30 xterm-256color C
wait_for "1 Overview"
if pane | LC_ALL=C grep -q '[^ -~]'; then fail "non-ASCII characters on screen with LANG=C"; fi
keys q; finish 0

# Ctrl-C and SIGTERM quit and restore the terminal.
start "ctrl-c" 80 24 xterm-256color C.UTF-8
wait_for "1 Overview"; keys C-c; finish 130
start "sigterm" 80 24 xterm-256color C.UTF-8
wait_for "1 Overview"
pkill -TERM -f "^$BIN" ; finish 143
start "sighup" 80 24 xterm-256color C.UTF-8
wait_for "1 Overview"
pkill -HUP -f "^$BIN" ; finish 129

# --exit-after ends the program by itself.
start "exit-after" 80 24 xterm-256color C.UTF-8 --exit-after 1s
finish 0

# TERM=dumb is refused with a clear message and status 2.
current="dumb"; CASE_OK=1
out=$(TERM=dumb "$BIN" 2>&1 </dev/null); rc=$?
[ "$rc" = 2 ] || fail "TERM=dumb exit status $rc"
echo "$out" | grep -q "flightdeck run" || fail "TERM=dumb message does not name the headless commands: $out"
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [dumb]"; }

# A bad theme is a clear error with status 2.
current="bad-theme"; CASE_OK=1
printf 'accent = #12345\n' > "$WORK/bad.theme"
out=$("$BIN" --theme "$WORK/bad.theme" 2>&1 </dev/null); rc=$?
[ "$rc" = 2 ] || fail "bad theme exit status $rc"
echo "$out" | grep -q "bad.theme:1" || fail "bad theme message lacks file:line: $out"
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [bad-theme]"; }

# Pipelines: trigger a run by key and watch it finish; the step's output
# (with escape sequences) shows in the log panel stripped.
mkdir -p "$WORK/pipelines"
cat > "$WORK/pipelines/flightdeck.yaml" <<'YAML'
project: e2e
pipelines:
  quick:
    params:
      greeting: hello
    steps:
      prepare: {simulate: {duration: 20s}}
      shout:
        needs: [prepare]
        run: printf '\033]0;owned\007\033[31m%s from flightdeck\n' "$GREETING"
        env: {GREETING: "${params.greeting}"}
YAML
start "pipelines" 120 40 xterm-256color C.UTF-8 --speed 60
wait_for "1 Overview"
keys 2; wait_for "quick"
keys t; wait_for "Trigger quick"; wait_for "greeting"
keys Enter; wait_for "triggered quick"
wait_for "succeeded" 30
keys Enter Enter j Enter; wait_for "Log · shout"; wait_for "hello from flightdeck"
if pane | grep -q "owned"; then fail "an OSC title sequence reached the screen"; fi
keys q; finish 0

# Models: a pipeline trains and registers a real model; the header asks for
# the approval; approving by keypress (with a reason) records the decision.
mkdir -p "$WORK/approve"
cat > "$WORK/approve/flightdeck.yaml" <<'YAML'
project: e2e-models
data:
  features:
    amount: {normal: {mean: 50, sd: 20}, min: 0}
    merchant: {categorical: {online: 0.6, store: 0.4}}
  label: {intercept: -2.5, weights: {amount: 0.03, merchant=online: 1.0}, noise: 0.2}
pipelines:
  retrain:
    params: {rows: 2000}
    steps:
      sample: {builtin: sample}
      validate: {needs: [sample], builtin: validate}
      train: {needs: [validate], builtin: train}
      evaluate: {needs: [train], builtin: evaluate}
      register: {needs: [evaluate], builtin: register}
models:
  fraud:
    policy: manual
YAML
start "approve" 120 40 xterm-256color C.UTF-8 --speed 600
wait_for "1 Overview"
keys 2 t; wait_for "Trigger retrain"; keys Enter
wait_for "approval pending" 30
keys 4; wait_for "awaits approval"
keys a; wait_for "Approve fraud v1"
keys -l "e2e approval"; keys Enter
wait_for "approved by" 10
wait_gone "approval pending"
keys q; finish 0
"$BIN" versions fraud --project "$WORK/approve/flightdeck.yaml" | grep -q "approved" || fail "versions does not show the approval"
"$BIN" cleanup --project "$WORK/approve/flightdeck.yaml" >/dev/null || fail "cleanup failed"

# Deployments: the bootstrapped champion serves; a retrained candidate goes
# through a canary to its approval gate; p with a reason approves it by
# keypress and the rollout reaches all traffic; the CLI shows the history.
mkdir -p "$WORK/rollout"
cat > "$WORK/rollout/flightdeck.yaml" <<'YAML'
project: e2e-rollout
data:
  features:
    amount: {normal: {mean: 50, sd: 20}, min: 0}
    merchant: {categorical: {online: 0.6, store: 0.4}}
  label: {intercept: -2.5, weights: {amount: 0.03, merchant=online: 1.0}, noise: 0.2}
pipelines:
  retrain:
    params: {rows: 2000}
    steps:
      sample: {builtin: sample}
      train: {needs: [sample], builtin: train}
      evaluate: {needs: [train], builtin: evaluate}
      register: {needs: [evaluate], builtin: register, when: "auc > 0"}
models:
  fraud: {policy: manual, bootstrap: {rows: 1000}}
deployments:
  api:
    model: fraud
    mode: {realtime: {rate: 20}}
    promote_alias: champion
    strategy:
      canary: {steps: [{weight: 20}, {pause: 2m}, approval, {weight: 100}]}
YAML
start "rollout" 120 40 xterm-256color C.UTF-8 --speed 600
wait_for "1 Overview"
keys 3; wait_for "serving fraud v1"
keys 2 t; wait_for "Trigger retrain"; keys Enter
keys 3; wait_for "waiting for approval" 40
keys p; wait_for "Approve v2 and promote api"
keys -l "e2e canary looks right"; keys Enter
wait_for "v2 100%" 20
keys q; finish 0
out=$("$BIN" rollout history api --project "$WORK/rollout/flightdeck.yaml" 2>&1)
echo "$out" | grep -q "weight 20%" || fail "rollout history lacks the canary step: $out"
echo "$out" | grep -q "v2 100%" || fail "rollout history lacks the promotion: $out"
"$BIN" history fraud --project "$WORK/rollout/flightdeck.yaml" | grep -q "e2e canary looks right" || fail "the approval by keypress is not in the model history"
out=$("$BIN" rollout status api --json --project "$WORK/rollout/flightdeck.yaml" 2>&1)
echo "$out" | grep -q '"phase" : "promoted"' || fail "rollout status --json: $out"

# The continuous-training loop of the embedded demo: the amounts drift, the
# alert fires, retraining runs, the canary on fraud-api passes its analysis
# and waits; the Overview's story says so and the header asks for approval;
# p with a reason on Deployments approves it by keypress and the story ends
# with the promotion; the CLI shows the alert and the drift.
start "ct-loop" 120 40 xterm-256color C.UTF-8 --speed 600
wait_for "1 Overview"
wait_for "approval pending (press 3 then p)" 90
pane | grep -q "approval pending" || fail "the header does not ask for the approval"
keys 3; wait_for "fraud-api"
keys p; wait_for "Approve v2 and promote fraud-api"
keys -l "e2e drift retrain approved"; keys Enter
keys 1; wait_for "fraud-api promoted v2 to 100%" 60
out=$(cd "$WORK/ct-loop" && "$BIN" alerts --all 2>&1)
echo "$out" | grep -q "amount-drift" || fail "flightdeck alerts lacks amount-drift: $out"
out=$(cd "$WORK/ct-loop" && "$BIN" drift 2>&1)
echo "$out" | grep -q "amount" || fail "flightdeck drift lacks the amount feature: $out"
keys q; finish 0

# Quitting while a shell step runs stops it (no orphan process).
mkdir -p "$WORK/cleanup"
cat > "$WORK/cleanup/flightdeck.yaml" <<'YAML'
project: cleanup
pipelines:
  slow:
    steps:
      wait: {run: "sleep 47.25"}
YAML
start "cleanup" 100 30 xterm-256color C.UTF-8
wait_for "1 Overview"
keys 2 t; wait_for "Trigger slow"; keys Enter; wait_for "triggered slow"
pgrep -f "sleep 47.25" >/dev/null || fail "the shell step did not start"
keys q; finish 0
sleep 0.3
pgrep -f "sleep 47.25" >/dev/null && fail "the shell step outlived flightdeck"

# Command channel: while the control room holds the state directory, the
# CLI's trigger and cancel go to it through state.db and print its result.
mkdir -p "$WORK/channel"
cat > "$WORK/channel/flightdeck.yaml" <<'YAML'
project: channel
pipelines:
  nightly:
    params:
      rows: 100
    steps:
      load: {simulate: {duration: 2h}}
YAML
start "channel" 120 40 xterm-256color C.UTF-8
wait_for "1 Overview"
cd "$WORK/channel"
out=$("$BIN" trigger nightly --param rows=500 2>&1); rc=$?
[ "$rc" = 0 ] || fail "trigger exit status $rc: $out"
echo "$out" | grep -q "^submitted as command 1 to the running engine (pid [0-9]*); waiting...$" || fail "trigger did not say it submitted: $out"
echo "$out" | grep -q "triggered nightly run 1" || fail "trigger did not print the engine's result: $out"
wait_for "#1     nightly"
keys 6; wait_for "triggered nightly"
out=$("$BIN" trigger nope 2>&1); rc=$?
[ "$rc" = 2 ] || fail "trigger of an unknown pipeline: exit status $rc: $out"
out=$("$BIN" cancel 1 2>&1); rc=$?
[ "$rc" = 0 ] || fail "cancel exit status $rc: $out"
echo "$out" | grep -q "cancelled nightly run 1" || fail "cancel did not print the engine's result: $out"
out=$("$BIN" cancel 99 2>&1); rc=$?
[ "$rc" = 2 ] || fail "cancel of an unknown run through the channel: exit status $rc: $out"
cd - >/dev/null
wait_for "cancelled nightly"
keys q; finish 0
cd "$WORK/channel"
out=$("$BIN" trigger nightly 2>&1); rc=$?
[ "$rc" = 0 ] || fail "trigger without a running engine: exit status $rc: $out"
echo "$out" | grep -q "running the pipeline here" || fail "trigger without a running engine: $out"
echo "$out" | grep -q "succeeded" || fail "trigger without a running engine did not run it: $out"
cd - >/dev/null

# Headless CLI on the same project: run, runs, logs (escape sequences stripped), validate.
current="cli"; CASE_OK=1
cd "$WORK/pipelines"
out=$("$BIN" run quick --param greeting=hi 2>&1); rc=$?
[ "$rc" = 0 ] || fail "run exit status $rc: $out"
echo "$out" | grep -q "succeeded" || fail "run did not report success: $out"
"$BIN" runs | grep -q "quick" || fail "runs does not list the run"
"$BIN" runs --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d and d[0]["pipeline"]=="quick", d' || fail "runs --json"
logs=$("$BIN" logs 2 shout); echo "$logs" | grep -q "hi from flightdeck" || fail "logs lacks the output: $logs"
printf '%s' "$logs" | LC_ALL=C grep -q $'\033' && fail "logs printed an escape sequence"
"$BIN" validate >/dev/null || fail "validate rejected a valid file"
mkdir -p demo-dir; out=$(cd demo-dir && "$BIN" validate 2>&1) || fail "validate rejected the embedded demo: $out"
echo "$out" | grep -q "^  estimate: full promotion in ~.*, rollback ~" || fail "validate prints no plan estimates for the demo: $out"
printf 'project: bad\npipelines:\n  p:\n    steps:\n      a: {needs: [b], simulate: {duration: 5x}}\n' > bad.yaml
out=$("$BIN" validate bad.yaml 2>&1); rc=$?
[ "$rc" = 2 ] || fail "validate of a bad file: exit status $rc"
echo "$out" | grep -q "bad.yaml:5:" || fail "validate message lacks file:line: $out"
printf 'project: failing\npipelines:\n  p:\n    steps:\n      a: {run: "exit 3"}\n' > failing.yaml
"$BIN" run p --project failing.yaml --state st-failing >/dev/null 2>&1; rc=$?
[ "$rc" = 1 ] || fail "a failing run should exit 1, got $rc"
cd - >/dev/null
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [cli]"; }

# Headless models CLI on a project with a model and no versions yet: the
# lists work, and the state-changing commands refuse bad input with exit 2
# and a clear message (unknown model, unknown version, missing --reason).
current="models-cli"; CASE_OK=1
mkdir -p "$WORK/models" && cd "$WORK/models"
printf 'project: registry\nmodels:\n  fraud:\n    description: Fraud classifier\n    policy: two_person\n    approval_timeout: 24h\n' > flightdeck.yaml
out=$("$BIN" models 2>&1); rc=$?
[ "$rc" = 0 ] || fail "models exit status $rc: $out"
echo "$out" | grep -q "fraud  two_person" || fail "models does not list fraud with its policy: $out"
"$BIN" models --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d[0]["id"]=="fraud" and d[0]["versionCount"]==0 and d[0]["policy"]=="two_person", d' || fail "models --json"
out=$("$BIN" versions fraud 2>&1); rc=$?
[ "$rc" = 0 ] || fail "versions exit status $rc: $out"
echo "$out" | grep -q "fraud has no versions yet" || fail "versions of an empty model: $out"
out=$("$BIN" versions nope 2>&1); rc=$?
[ "$rc" = 2 ] || fail "versions of an unknown model: exit status $rc"
echo "$out" | grep -q "unknown model 'nope'; expected one of: fraud" || fail "versions message: $out"
out=$("$BIN" approve nope 1 --reason "looks good" 2>&1); rc=$?
[ "$rc" = 2 ] || fail "approve of an unknown model: exit status $rc"
echo "$out" | grep -q "unknown model 'nope'" || fail "approve unknown model message: $out"
out=$("$BIN" approve fraud 7 --reason "looks good" 2>&1); rc=$?
[ "$rc" = 2 ] || fail "approve of an unknown version: exit status $rc"
echo "$out" | grep -q "model 'fraud' has no version 7" || fail "approve unknown version message: $out"
out=$("$BIN" approve fraud 1 2>&1); rc=$?
[ "$rc" = 2 ] || fail "approve without --reason: exit status $rc"
echo "$out" | grep -q -- "--reason" || fail "approve without --reason message: $out"
out=$("$BIN" reject fraud 1 --reason "" 2>&1); rc=$?
[ "$rc" = 2 ] || fail "reject with an empty reason: exit status $rc"
out=$("$BIN" history fraud --at 6h 2>&1); rc=$?
[ "$rc" = 0 ] || fail "history --at exit status $rc: $out"
echo "$out" | grep -q "fraud at d0 06:00:00" || fail "history --at: $out"
out=$("$BIN" history fraud --at soon 2>&1); rc=$?
[ "$rc" = 2 ] || fail "history --at soon: exit status $rc"
cd - >/dev/null
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [models-cli]"; }

# drift compare: a report with exit 0 (drift or not), --json, and bad input with the file and line and exit 2.
current="drift-compare"; CASE_OK=1
DRIFT=Tests/EngineTests/Monitoring/Resources/drift/mixed_4k_6k
out=$("$BIN" drift compare "$DRIFT/reference.csv" "$DRIFT/current.csv" --method ks 2>&1); rc=$?
[ "$rc" = 0 ] || fail "drift compare exit status $rc: $out"
echo "$out" | grep -q "dataset: drift (2 of 3 columns drifting" || fail "drift compare verdict: $out"
out=$("$BIN" drift compare "$DRIFT/reference.csv" "$DRIFT/current.csv" --json 2>&1); rc=$?
[ "$rc" = 0 ] || fail "drift compare --json exit status $rc"
echo "$out" | grep -q '"isDrifting" : false' || fail "drift compare --json: $out"
printf 'amount,score,country\n1,2,GB\n3,4\n' > "$WORK/ragged.csv"
out=$("$BIN" drift compare "$DRIFT/reference.csv" "$WORK/ragged.csv" 2>&1); rc=$?
[ "$rc" = 2 ] || fail "ragged CSV exit status $rc"
echo "$out" | grep -q "ragged.csv:3: expected 3 fields, found 2" || fail "ragged CSV message: $out"
out=$("$BIN" drift compare "$DRIFT/reference.csv" "$DRIFT/current.csv" --method chi 2>&1); rc=$?
[ "$rc" = 2 ] || fail "unknown --method exit status $rc"
out=$("$BIN" drift compare "$DRIFT/reference.csv" 2>&1); rc=$?
[ "$rc" = 2 ] || fail "missing CURRENT exit status $rc"
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [drift-compare]"; }

# Cases kept in their own files (one per area), in name order.
for case_file in Tests/e2e/cases/*.sh; do
    [ -e "$case_file" ] && . "$case_file"
done

echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
