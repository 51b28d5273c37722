# Access rules: whoami, --read-only in the CLI and the control room, and a
# policy refusal through the command channel that says who is allowed.
mkdir -p "$WORK/access"
cat > "$WORK/access/flightdeck.yaml" <<'YAML'
project: guarded
access:
  trigger: [someone-else, group:no-such-group]
  archive: []
pipelines:
  nightly:
    steps:
      load: {simulate: {duration: 2h}}
YAML
ME=$(id -un)

current="access-cli"; CASE_OK=1
mkdir -p "$WORK/access-demo"
out=$(cd "$WORK/access-demo" && "$BIN" whoami 2>&1); rc=$?
[ "$rc" = 0 ] || fail "whoami on the demo: exit status $rc: $out"
echo "$out" | grep -qF "default policy: everyone who can open the state directory may do everything" || fail "whoami lacks the default policy: $out"
echo "$out" | grep -qF "user:      $ME (uid $(id -u))" || fail "whoami lacks the user: $out"
cd "$WORK/access"
out=$("$BIN" whoami 2>&1); rc=$?
[ "$rc" = 0 ] || fail "whoami exit status $rc: $out"
echo "$out" | grep -qF "trigger   refused  $ME may not trigger: allowed for someone-else, group no-such-group" || fail "whoami trigger line: $out"
echo "$out" | grep -qF "approve   allowed  no rule for approve: open to everyone" || fail "whoami approve line: $out"
echo "$out" | grep -qF "engine:    none has opened this state directory" || fail "whoami engine line: $out"
"$BIN" whoami --json --read-only | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["readOnly"] and d["accessDeclared"] and not any(r["allowed"] for r in d["rights"]), d' \
    || fail "whoami --json --read-only"
out=$("$BIN" trigger nightly --read-only 2>&1); rc=$?
[ "$rc" = 2 ] || fail "trigger --read-only: exit status $rc: $out"
echo "$out" | grep -qF "refused: read-only session: trigger needs the trigger right and this command was started with --read-only; nothing was sent" \
    || fail "trigger --read-only message: $out"
out=$("$BIN" run nightly --read-only 2>&1); rc=$?
[ "$rc" = 2 ] || fail "run --read-only: exit status $rc: $out"
out=$("$BIN" trigger nightly 2>&1); rc=$?
[ "$rc" = 2 ] || fail "trigger refused by the policy: exit status $rc: $out"
echo "$out" | grep -qF "$ME may not trigger: allowed for someone-else, group no-such-group" || fail "policy refusal message: $out"
printf 'project: bad\naccess:\n  aprove: [alice]\n  archive: ["", "group:"]\n' > bad-access.yaml
out=$("$BIN" validate bad-access.yaml 2>&1); rc=$?
[ "$rc" = 2 ] || fail "validate of a bad access: exit status $rc: $out"
echo "$out" | grep -qF "bad-access.yaml:3:3: error: unknown key 'aprove' in access; did you mean 'approve'?" || fail "validate access message: $out"
echo "$out" | grep -qF "bad-access.yaml:4:24: error: archive: empty group name" || fail "validate empty group message: $out"
cd - >/dev/null
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [access-cli]"; }

# A read-only control room: state-changing keys hidden and refused; while it
# holds the state directory the policy still refuses the CLI's trigger.
start "access-ui" 120 40 xterm-256color C.UTF-8 --project "$WORK/access/flightdeck.yaml" --read-only
wait_for "read-only"
keys 2; wait_for "Enter Open"
pane | tail -1 | grep -qF "t Trigger" && fail "the hint bar offers t Trigger to a read-only session"
keys t; wait_for "read-only session: trigger is not available"
keys Space; wait_for "read-only session: control is not available"
out=$(cd "$WORK/access" && "$BIN" whoami 2>&1)
echo "$out" | grep -q "engine:    running, pid [0-9]* (user $ME" || fail "whoami does not see the running engine: $out"
out=$(cd "$WORK/access" && "$BIN" trigger nightly 2>&1); rc=$?
[ "$rc" = 2 ] || fail "trigger through the channel refused by the policy: exit status $rc: $out"
echo "$out" | grep -qF "$ME may not trigger: allowed for someone-else" || fail "channel refusal message: $out"
keys q; finish 0
