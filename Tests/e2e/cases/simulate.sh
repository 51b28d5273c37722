# simulate: headless fast-forward. Quiet stderr and a JSON report when stderr
# is not a terminal; a progress line on a terminal; --report writes a file;
# the what-if flags exclude each other.
current=simulate-headless
CASE_OK=1
SIM="$WORK/simulate"; mkdir -p "$SIM"
( cd "$SIM" && "$BIN" simulate --for 2h --json --approve-all --report "$SIM/report.json" > "$SIM/out.json" 2> "$SIM/err" ); rc=$?
[ "$rc" = 0 ] || fail "exit status $rc: $(cat "$SIM/err")"
[ -s "$SIM/err" ] && fail "stderr not quiet when not a terminal: $(head -c 300 "$SIM/err")"
grep -q '"requests"' "$SIM/out.json" || fail "no requests in the JSON report"
grep -q '"whatIf" : "approve-all"' "$SIM/out.json" || fail "the what-if decision is not in the report"
grep -q '"peakResidentBytes"' "$SIM/out.json" || fail "no peak memory in the report"
cmp -s "$SIM/out.json" "$SIM/report.json" || fail "--report differs from stdout"
( cd "$SIM" && "$BIN" simulate --for 1h --approve-all --reject-all > /dev/null 2>&1 ); rc=$?
[ "$rc" = 2 ] || fail "--approve-all with --reject-all: exit status $rc, expected 2"
( cd "$SIM" && "$BIN" simulate --for soon > /dev/null 2>&1 ); rc=$?
[ "$rc" = 2 ] || fail "bad --for: exit status $rc, expected 2"
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [$current]"; }

# On a terminal: the progress line, then the text report with its drift chart.
current=simulate-progress
CASE_OK=1
mkdir -p "$WORK/$current"
cat > "$WORK/$current/wrap.sh" <<WRAP
cd "$WORK/$current"
LANG=C.UTF-8 LC_ALL= "$BIN" simulate --for 6h --verbose > "$WORK/$current/report.txt"
echo \$? > "$WORK/$current/rc"
sleep 600
WRAP
"${TMUX_CMD[@]}" new-session -d -s "$current" -x 120 -y 30 "bash $WORK/$current/wrap.sh"
wait_for "req/s" 60 && wait_for "ETA" 5
wait_file "$WORK/$current/rc" 600
[ "$(cat "$WORK/$current/rc" 2>/dev/null)" = 0 ] || fail "exit status $(cat "$WORK/$current/rc" 2>/dev/null)"
grep -q "drift fraud-inputs/amount" "$WORK/$current/report.txt" || fail "no drift chart in the text report"
grep -q "peak resident memory" "$WORK/$current/report.txt" || fail "no memory figure in the text report"
"${TMUX_CMD[@]}" kill-session -t "$current" 2>/dev/null
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [$current]"; }
