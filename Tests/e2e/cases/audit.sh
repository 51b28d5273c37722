# audit: a key in the control room and a CLI command sent to it through the
# channel are audited; `flightdeck audit` lists them and --verify passes while
# the engine runs; the Events screen's audit view (a) shows them; after the
# engine ends, an edited row and a deleted newest row are each detected
# (exit 1).
AUDIT_STATE="$WORK/audit/state"
start "audit" 120 40 xterm-256color C.UTF-8 --speed 60 --state "$AUDIT_STATE"
wait_for "FLIGHTDECK" && wait_for "fraud-api"
keys " "; wait_for "PAUSED"
out=$("$BIN" alias fraud e2e-audit 1 --reason "audit e2e" --state "$AUDIT_STATE" 2>&1) || fail "alias through the channel: $out"
out=$("$BIN" audit --state "$AUDIT_STATE" 2>&1); rc=$?
[ "$rc" = 0 ] || fail "audit exit status $rc: $out"
echo "$out" | grep -q "toggle-pause .*applied" || fail "the key is not audited: $out"
echo "$out" | grep -qE "channel +move-alias +fraud e2e-audit -> v1 +audit e2e +applied" || fail "the channel command is not audited: $out"
echo "$out" | grep -qE "flightdeck +- +automatic +deploy" || fail "the initial deploy is not audited: $out"
out=$("$BIN" audit --verify --state "$AUDIT_STATE" 2>&1); rc=$?
[ "$rc" = 0 ] || fail "audit --verify exit status $rc: $out"
echo "$out" | grep -q "^audit log intact: [0-9]* entries, head [0-9a-f]\{12\}$" || fail "audit --verify: $out"
"$BIN" audit --json --limit 1 --state "$AUDIT_STATE" | grep -q '"prevHash"' || fail "audit --json has no hashes"
keys 6; wait_for "Events"
keys a; wait_for "Audit log"; wait_for "move-alias"; wait_for "audit e2e"
keys / ; keys -l "toggle"; keys Enter; wait_for "Audit log (filter: toggle)"
keys q
finish
current="audit-tamper"; CASE_OK=1
sqlite3 "$AUDIT_STATE/state.db" "UPDATE audit_log SET reason = 'nothing happened' WHERE action = 'move-alias'"
out=$("$BIN" audit --verify --state "$AUDIT_STATE" 2>&1); rc=$?
[ "$rc" = 1 ] || fail "audit --verify after an edit: exit status $rc: $out"
echo "$out" | grep -q "^audit log damaged: entry [0-9]* was altered: its stored hash" || fail "edit not named: $out"
sqlite3 "$AUDIT_STATE/state.db" "DELETE FROM audit_log WHERE action = 'move-alias'; DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)"
out=$("$BIN" audit --verify --state "$AUDIT_STATE" 2>&1); rc=$?
[ "$rc" = 1 ] || fail "audit --verify after deletions: exit status $rc: $out"
echo "$out" | grep -q "missing" || fail "deletions not named: $out"
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [$current]"; }
