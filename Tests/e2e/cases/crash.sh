# Crash safety: `flightdeck serve` on the embedded demo is killed with
# SIGKILL at seeded random points, CRASH_ITERATIONS times (default 20),
# while a second process submits commands through the CLI (alias moves,
# approvals and rejections, rollout weights, alert acks, reruns). After each
# kill the store is checked with sqlite3:
#   - PRAGMA integrity_check is ok;
#   - every command the CLI acknowledged (exit 0, applied) has its row
#     (alias move, decision, traffic change, alert history entry; each
#     carries a unique reason or value);
#   - the counts of finished steps, registered versions, decisions, alias
#     moves, traffic changes and alert history never go down;
#   - runs that were in flight at the kill are interrupted after the
#     restart (and one of them is rerun through the CLI);
#   - the deployments' rollouts are restored from their stored state.
# CRASH_SEED picks the kill points and commands; CRASH_SPEED the speed.
current="crash"; CASE_OK=1
if ! command -v sqlite3 >/dev/null; then
    echo "  skip [crash]: sqlite3 is not installed"
else
CRASH_DIR="$WORK/crash"; mkdir -p "$CRASH_DIR"
CRASH_STATE="$CRASH_DIR/state"
CRASH_DB="$CRASH_STATE/state.db"
CRASH_N=${CRASH_ITERATIONS:-20}
CRASH_SPEED=${CRASH_SPEED:-max}
RANDOM=${CRASH_SEED:-20261122}
crash_started=$SECONDS

crash_q() { sqlite3 -cmd ".timeout 5000" "$CRASH_DB" "$1" 2>&1; }

# Counts that may only grow: finished steps (succeeded steps plus ended
# attempts: a rerun puts a failed step back to pending but keeps its
# attempts), versions, decisions, alias moves, traffic changes, alert history.
crash_counts() {
    crash_q "SELECT
        (SELECT COUNT(*) FROM steps WHERE state = 'succeeded') + (SELECT COUNT(*) FROM attempts WHERE state <> 'running'),
        (SELECT COUNT(*) FROM model_versions),
        (SELECT COUNT(*) FROM decisions),
        (SELECT COUNT(*) FROM alias_moves),
        (SELECT COUNT(*) FROM traffic_changes),
        (SELECT COUNT(*) FROM alert_history);"
}

# crash_cli CMD...: one CLI command against the running engine; on exit 0
# with an applied result, appends "KIND KEY" to acked (see crash_check).
crash_submitter() {
    local i=$1 k=0 out rc=- version percent alert run
    while :; do
        k=$((k + 1))
        local reason="crash-$i-$k"; rc=-; out=
        case $(( (k * 7 + i * 3) % 5 )) in
        0|1)
            version=$(crash_q "SELECT version FROM approvals a WHERE NOT EXISTS (SELECT 1 FROM decisions d WHERE d.request_id = a.id) ORDER BY id DESC LIMIT 1;")
            if [ -n "$version" ] && [ "$version" -eq "$version" ] 2>/dev/null; then
                local verb=approve; [ $((k % 3)) = 0 ] && verb=reject
                out=$("$BIN" "$verb" fraud "$version" --reason "$reason" --state "$CRASH_STATE" 2>&1); rc=$?
                [ "$rc" = 0 ] && echo "decision $reason" >> "$CRASH_DIR/acked"
            else
                version=$(crash_q "SELECT MAX(version) FROM model_versions WHERE model = 'fraud';")
                out=$("$BIN" alias fraud challenger "$(( (k % ${version:-1}) + 1 ))" --reason "$reason" --state "$CRASH_STATE" 2>&1); rc=$?
                [ "$rc" = 0 ] && ! echo "$out" | grep -q "already points" && echo "alias $reason" >> "$CRASH_DIR/acked"
            fi ;;
        2)
            version=$(crash_q "SELECT MAX(version) FROM model_versions WHERE model = 'fraud';")
            out=$("$BIN" alias fraud challenger "$(( (k % ${version:-1}) + 1 ))" --reason "$reason" --state "$CRASH_STATE" 2>&1); rc=$?
            [ "$rc" = 0 ] && ! echo "$out" | grep -q "already points" && echo "alias $reason" >> "$CRASH_DIR/acked"
            ;;
        3)
            percent=$(( 1 + (i * 13 + k * 7) % 98 ))
            before=$(crash_q 'SELECT IFNULL(MAX(sequence), 0) FROM traffic_changes;')
            out=$("$BIN" rollout weight fraud-api "$percent" --state "$CRASH_STATE" 2>&1); rc=$?
            [ "$rc" = 0 ] && echo "$out" | grep -q "weight $percent%" && echo "weight $percent $before" >> "$CRASH_DIR/acked"
            ;;
        4)
            alert=$(crash_q "SELECT alert FROM alert_states ORDER BY alert LIMIT 1 OFFSET $((k % 3));")
            if [ -n "$alert" ]; then
                out=$("$BIN" ack "$alert" --reason "$reason" --state "$CRASH_STATE" 2>&1); rc=$?
                [ "$rc" = 0 ] && echo "ack $reason" >> "$CRASH_DIR/acked"
            fi
            run=$(crash_q "SELECT id FROM runs WHERE state = 'interrupted' ORDER BY id DESC LIMIT 1;")
            if [ -n "$run" ]; then
                out=$("$BIN" rerun "$run" --state "$CRASH_STATE" 2>&1); rc=$?
                [ "$rc" = 0 ] && echo "rerun $run" >> "$CRASH_DIR/acked"
            fi ;;
        esac
        echo "$i.$k rc=$rc $out" >> "$CRASH_DIR/submitter.log"
    done
}

# crash_check: the store after a kill.
crash_check() {
    local i=$1 line kind key n
    local integrity; integrity=$(crash_q "PRAGMA integrity_check;")
    [ "$integrity" = "ok" ] || fail "iteration $i: integrity_check: $integrity"
    [ -s "$CRASH_DIR/acked" ] || return 0
    while read -r kind key n; do
        case $kind in
        decision) [ "$(crash_q "SELECT COUNT(*) FROM decisions WHERE reason = '$key';")" = 1 ] || fail "iteration $i: acknowledged decision '$key' lost" ;;
        alias) [ "$(crash_q "SELECT COUNT(*) FROM alias_moves WHERE reason = '$key';")" = 1 ] || fail "iteration $i: acknowledged alias move '$key' lost" ;;
        ack) [ "$(crash_q "SELECT COUNT(*) FROM alert_history WHERE entry LIKE '%$key%';")" -ge 1 ] || fail "iteration $i: acknowledged alert ack '$key' lost" ;;
        weight) [ "$(crash_q "SELECT COUNT(*) FROM traffic_changes WHERE sequence > $n AND deployment = 'fraud-api';")" -ge 1 ] || fail "iteration $i: acknowledged weight $key% (after traffic change $n) lost" ;;
        rerun) [ "$(crash_q "SELECT state FROM runs WHERE id = $key;")" != interrupted ] || fail "iteration $i: acknowledged rerun of run $key lost" ;;
        esac
    done < "$CRASH_DIR/acked"
}

prev_counts=""
prev_inflight=""
prev_rollouts=""
prev_clock=0
rollouts_compared=0
acked_total=0
for i in $(seq 1 "$CRASH_N"); do
    # Seeded kill point: 0.5 to 3.5 s after the engine is up.
    delay_ms=$(( 500 + RANDOM % 3000 ))
    "$BIN" serve --speed "$CRASH_SPEED" --state "$CRASH_STATE" > "$CRASH_DIR/serve.$i.log" 2>&1 &
    engine=$!
    deadline=$((SECONDS + 30))
    until grep -q "^serving " "$CRASH_DIR/serve.$i.log" 2>/dev/null; do
        if ! kill -0 "$engine" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
            fail "iteration $i: serve did not start: $(cat "$CRASH_DIR/serve.$i.log")"; break
        fi
        sleep 0.05
    done
    # Restart: runs in flight at the last kill are interrupted, rollouts restored.
    if [ -n "$prev_inflight" ]; then
        deadline=$((SECONDS + 10))
        for run in $prev_inflight; do
            until [ "$(crash_q "SELECT state FROM runs WHERE id = $run;")" != running ] && [ "$(crash_q "SELECT state FROM runs WHERE id = $run;")" != queued ]; do
                [ $SECONDS -ge $deadline ] && { fail "iteration $i: run $run still $(crash_q "SELECT state FROM runs WHERE id = $run;") after the restart"; break; }
                sleep 0.05
            done
            state=$(crash_q "SELECT state FROM runs WHERE id = $run;")
            case $state in interrupted|queued|running|succeeded|failed|cancelled) ;; *) fail "iteration $i: run $run is '$state' after the restart" ;; esac
        done
        grep -q "interrupted" "$CRASH_DIR/serve.$i.log" || fail "iteration $i: the restart did not report interrupted runs: $(head -5 "$CRASH_DIR/serve.$i.log")"
    fi
    # Rollouts resume from their stored state: the restarted engine's first
    # published status (before it advances) shows each stored stable version
    # and active rollout phase.
    if [ -n "$prev_rollouts" ]; then
        deadline=$((SECONDS + 10))
        until [ "$(crash_q "SELECT COUNT(*) FROM deployment_status WHERE at >= $prev_clock;")" -gt 0 ] || [ $SECONDS -ge $deadline ]; do sleep 0.05; done
        published=$(crash_q "SELECT deployment || ' ' || json_extract(summary, '$.phase') || ' v' || IFNULL(json_extract(summary, '$.stableVersion'), '-')
                             FROM deployment_status WHERE at = $prev_clock
                             UNION ALL SELECT deployment || ' v' || IFNULL(json_extract(summary, '$.stableVersion'), '-')
                             FROM deployment_status WHERE at = $prev_clock;")
        if [ -n "$published" ]; then
            rollouts_compared=$((rollouts_compared + 1))
            while read -r line; do
                echo "$published" | grep -qxF -- "$line" && continue
                # Restored, then moved on at once on restart (its candidate
                # was approved or rejected in the registry by a command whose
                # serving change the kill cut off): the move is recorded as a
                # traffic change at that time, which a lost rollout could not make.
                deployment=${line%% *}
                ended=$(crash_q "SELECT COUNT(*) FROM traffic_changes WHERE deployment = '$deployment' AND at = $prev_clock;")
                [ "${ended:-0}" -gt 0 ] || fail "iteration $i: rollout not restored: stored '$line', published: $(echo "$published" | tr '\n' ';')"
            done <<< "$prev_rollouts"
        fi
    fi
    : > "$CRASH_DIR/acked"
    # Its own process group (job control on), so that it and every CLI or
    # sqlite3 it started can be stopped and killed together.
    set -m
    crash_submitter "$i" &
    submitter=$!
    set +m
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    # Stop the submitter and its CLI (so none finds the state directory
    # free and applies its command itself; a CLI cut off is not
    # acknowledged), kill the engine, then them.
    kill -STOP -- -"$submitter" 2>/dev/null
    kill -9 "$engine" 2>/dev/null
    wait "$engine" 2>/dev/null
    kill -9 -- -"$submitter" 2>/dev/null
    wait "$submitter" 2>/dev/null
    crash_check "$i"
    acked_total=$((acked_total + $(wc -l < "$CRASH_DIR/acked")))
    counts=$(crash_counts)
    if [ -n "$prev_counts" ]; then
        IFS='|' read -r -a now_c <<< "$counts"
        IFS='|' read -r -a was_c <<< "$prev_counts"
        names=(finished-steps versions decisions alias-moves traffic-changes alert-history)
        for j in 0 1 2 3 4 5; do
            [ "${now_c[$j]}" -ge "${was_c[$j]}" ] || fail "iteration $i: ${names[$j]} went down from ${was_c[$j]} to ${now_c[$j]}"
        done
    fi
    prev_counts=$counts
    prev_inflight=$(crash_q "SELECT id FROM runs WHERE state IN ('running','queued');" | tr '\n' ' ')
    prev_clock=$(crash_q "SELECT value FROM meta WHERE key = 'clock';")
    # An active rollout resumes in its phase; after a finished one only the
    # stable version is compared (the restart may start the next rollout).
    prev_rollouts=$(crash_q "SELECT deployment
                                    || CASE WHEN json_extract(rollout, '$.phase') IN ('progressing','paused','awaiting-approval','inconclusive')
                                            THEN ' ' || json_extract(rollout, '$.phase') ELSE '' END
                                    || ' v' || IFNULL(stable_version, '-')
                             FROM deployment_states WHERE rollout IS NOT NULL ORDER BY deployment;")
    [ "$CASE_OK" = 1 ] || break
done
# A last clean start and stop: SIGTERM ends serve with 0 after writing.
"$BIN" serve --speed "$CRASH_SPEED" --state "$CRASH_STATE" > "$CRASH_DIR/serve.final.log" 2>&1 &
engine=$!
deadline=$((SECONDS + 30))
until grep -q "^serving " "$CRASH_DIR/serve.final.log" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.05; done
sleep 0.5
kill -TERM "$engine"
wait "$engine"; rc=$?
[ "$rc" = 0 ] || fail "serve after SIGTERM: exit status $rc: $(tail -3 "$CRASH_DIR/serve.final.log")"
grep -q "everything is written" "$CRASH_DIR/serve.final.log" || fail "serve after SIGTERM: $(tail -3 "$CRASH_DIR/serve.final.log")"
[ "$(crash_q "PRAGMA integrity_check;")" = ok ] || fail "integrity after SIGTERM"
[ "$(crash_q "SELECT COUNT(*) FROM runs WHERE state IN ('running','queued');")" = 0 ] || true
[ -n "${CRASH_KEEP:-}" ] && rm -rf "$CRASH_KEEP" && cp -r "$CRASH_DIR" "$CRASH_KEEP"
echo "  crash: $CRASH_N kills, $acked_total acknowledged commands checked, $rollouts_compared restarts with restored rollouts compared, counts $(crash_counts), $((SECONDS - crash_started)) s"
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [crash]"; }
fi
