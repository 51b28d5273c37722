# A full disk, for real: the state directory on an 8 MB tmpfs (root only;
# skipped otherwise) filled up with dd.
#   - on a full disk, a CLI command and `serve` end with a clear
#     `disk is full (SQLITE_...)` message and exit 2, no crash;
#   - when the disk fills while `serve` runs, it prints the error and goes
#     on; once space returns it writes the kept changes, and SIGTERM ends it
#     with 0 and everything written; the database passes integrity_check.
current="diskfull"; CASE_OK=1
DF_MNT="$WORK/diskfull-mnt"; mkdir -p "$DF_MNT"
if [ "$(id -u)" != 0 ] || ! command -v sqlite3 >/dev/null || ! mount -t tmpfs -o size=8m tmpfs "$DF_MNT" 2>/dev/null; then
    echo "  skip [diskfull]: needs root (to mount a small tmpfs) and sqlite3"
else
DF_STATE="$DF_MNT/state"
DF_LOG="$WORK/diskfull"; mkdir -p "$DF_LOG"
df_fill() { dd if=/dev/zero of="$DF_MNT/filler" bs=16k 2>/dev/null; true; }
# df_wait_log FILE TEXT SECONDS
df_wait_log() {
    local deadline=$((SECONDS + $3))
    until grep -qF -- "$2" "$1" 2>/dev/null; do
        [ $SECONDS -ge $deadline ] && { fail "no '$2' in $1: $(tail -3 "$1" | cut -c1-300)"; return 1; }
        sleep 0.1
    done
}

"$BIN" serve --speed max --for 1h --state "$DF_STATE" > "$DF_LOG/setup.log" 2>&1 || fail "setup serve: $(tail -2 "$DF_LOG/setup.log")"
df_fill
out=$("$BIN" alias fraud challenger 1 --reason disk-full --state "$DF_STATE" 2>&1); rc=$?
[ "$rc" = 2 ] || fail "alias on a full disk: exit status $rc: $out"
echo "$out" | grep -q "^flightdeck: .*disk is full (SQLITE_" || fail "alias on a full disk: $out"
out=$("$BIN" serve --speed max --for 1h --state "$DF_STATE" 2>&1); rc=$?
[ "$rc" = 2 ] || fail "serve on a full disk: exit status $rc: $out"
echo "$out" | grep -q "disk is full (SQLITE_" || fail "serve on a full disk: $out"
rm -f "$DF_MNT/filler"
[ "$(sqlite3 "$DF_STATE/state.db" "PRAGMA integrity_check;")" = ok ] || fail "integrity after the refused starts"

"$BIN" serve --speed max --state "$DF_STATE" > "$DF_LOG/serve.log" 2>&1 &
df_pid=$!
if df_wait_log "$DF_LOG/serve.log" "serving " 30; then
    df_fill
    df_wait_log "$DF_LOG/serve.log" "disk is full (SQLITE_" 60
    kill -0 "$df_pid" 2>/dev/null || fail "serve ended on a full disk: $(tail -3 "$DF_LOG/serve.log" | cut -c1-300)"
    rm -f "$DF_MNT/filler"
    df_wait_log "$DF_LOG/serve.log" "writable again" 30
fi
kill -TERM "$df_pid" 2>/dev/null
wait "$df_pid"; rc=$?
[ "$rc" = 0 ] || fail "serve after SIGTERM: exit status $rc: $(tail -3 "$DF_LOG/serve.log" | cut -c1-300)"
grep -q "everything is written" "$DF_LOG/serve.log" || fail "serve did not write everything: $(tail -2 "$DF_LOG/serve.log" | cut -c1-300)"
[ "$(sqlite3 "$DF_STATE/state.db" "PRAGMA integrity_check;")" = ok ] || fail "integrity after the full disk"
[ -n "${DISKFULL_KEEP:-}" ] && rm -rf "$DISKFULL_KEEP" && cp -r "$DF_LOG" "$DISKFULL_KEEP"
umount "$DF_MNT" 2>/dev/null
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [diskfull]"; }
fi
