# Over a real SSH connection: an sshd of the test's own on 127.0.0.1 (its
# own host key, client key, config and pid file; no PAM), `ssh -tt` inside
# tmux runs the control room on the embedded demo; the candidate that waits
# for approval is approved by keypress; then the client is killed with -9.
# The server-side flightdeck must end by itself (SIGHUP), leave no process
# behind, and the store must hold the approval (with the user) and its
# audit entry (with the SSH client's address).
# Sourced by Tests/e2e/run.sh (uses wait_for/keys/fail from there).

ssh_case() {
    current="ssh"; CASE_OK=1
    local sshd=/usr/sbin/sshd
    if [ ! -x "$sshd" ]; then echo "  skipped: sshd not installed ($sshd missing)"; return 0; fi
    command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || { echo "  skipped: ssh or ssh-keygen not installed"; return 0; }
    local dir="$WORK/ssh" user; user=$(id -un)
    mkdir -p "$dir/project"
    ssh-keygen -q -t ed25519 -N '' -C e2e-host -f "$dir/host_key" || { fail "ssh-keygen (host key)"; return 1; }
    ssh-keygen -q -t ed25519 -N '' -C e2e-client -f "$dir/client_key" || { fail "ssh-keygen (client key)"; return 1; }
    cp "$dir/client_key.pub" "$dir/authorized_keys"
    local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat > "$dir/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
UsePAM no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowUsers $user
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
LogLevel VERBOSE
CONFIG
    # As root sshd insists on its privilege-separation directory.
    [ "$(id -u)" = 0 ] && mkdir -p /run/sshd
    "$sshd" -D -f "$dir/sshd_config" -E "$dir/sshd.log" &
    local sshd_pid=$!
    local ssh_opts=(-F /dev/null -p "$port" -i "$dir/client_key" -o StrictHostKeyChecking=no
        -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR -o ConnectTimeout=5)
    local deadline=$((SECONDS + 10))
    until ssh "${ssh_opts[@]}" 127.0.0.1 true </dev/null 2>/dev/null; do
        if [ $SECONDS -ge $deadline ] || ! kill -0 "$sshd_pid" 2>/dev/null; then
            fail "sshd did not accept the test key: $(tail -n 5 "$dir/sshd.log")"
            kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; return 1
        fi
        sleep 0.2
    done
    # A non-root sshd cannot give the pty to group tty when /dev/pts is
    # mounted without gid=5 (some containers): that is the machine, not
    # flightdeck, so say so and skip.
    if ! ssh -tt "${ssh_opts[@]}" 127.0.0.1 true </dev/null >/dev/null 2>&1; then
        if grep -q "chown(/dev/pts" "$dir/sshd.log"; then
            echo "  skipped: sshd as $(id -un) cannot hand out a pty here ($(grep -m1 "chown(/dev/pts" "$dir/sshd.log"))"
        else
            fail "ssh -tt cannot open a session: $(tail -n 5 "$dir/sshd.log")"
        fi
        kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; return 0
    fi

    # The pane's process becomes the ssh client; the remote shell records
    # its pid and execs flightdeck, so that pid is the server-side engine.
    cat > "$dir/client.sh" <<CLIENT
echo \$\$ > "$dir/client.pid"
exec ssh -tt ${ssh_opts[*]} 127.0.0.1 'cd $dir/project && echo \$\$ > $dir/server.pid && LANG=C.UTF-8 TERM=xterm-256color exec $BIN --speed 600 2> $dir/server.stderr'
CLIENT
    "${TMUX_CMD[@]}" new-session -d -s "$current" -x 120 -y 40 "bash $dir/client.sh"
    wait_for "1 Overview" 20
    wait_for "approval pending (press 3 then p)" 120
    keys 3; wait_for "fraud-api"
    keys p; wait_for "Approve v2 and promote fraud-api"
    keys -l "approved over ssh"; keys Enter
    # The status line shows the engine's result once the keys are applied.
    wait_for "fraud-api: promote by $user" 30
    local server_pid client_pid
    server_pid=$(cat "$dir/server.pid" 2>/dev/null); client_pid=$(cat "$dir/client.pid" 2>/dev/null)
    [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null || fail "no server-side flightdeck (pid '$server_pid')"

    # Drop the connection the hard way.
    kill -9 "$client_pid"
    local killed_at; killed_at=$(date +%s.%N)
    deadline=$((SECONDS + 10))
    while kill -0 "$server_pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.05; done
    kill -0 "$server_pid" 2>/dev/null || echo "       (server-side flightdeck ended $(python3 -c "import time; print(round(time.time() - $killed_at, 2))")s after the client was killed)"
    if kill -0 "$server_pid" 2>/dev/null; then
        fail "the server-side flightdeck (pid $server_pid) still runs 10s after the client was killed"
        kill -9 "$server_pid" 2>/dev/null
    fi
    # No session process of this connection is left (sshd's children).
    deadline=$((SECONDS + 5))
    while [ -n "$(pgrep -P "$sshd_pid")" ] && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    [ -z "$(pgrep -P "$sshd_pid")" ] || fail "processes left behind under sshd: $(pgrep -a -P "$sshd_pid")"
    pgrep -f "^$BIN" >/dev/null && fail "a flightdeck process is left running: $(pgrep -a -f "^$BIN")"
    grep -E "Fatal error|Backtrace|Segmentation" "$dir/server.stderr" && fail "crash output on the server side"
    kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null
    "${TMUX_CMD[@]}" kill-session -t "$current" 2>/dev/null

    local out
    # The approval is in the store: the registry decision with the user,
    # the SSH client's address and the reason; the rollout went past its gate.
    out=$(cd "$dir/project" && "$BIN" history fraud 2>&1)
    echo "$out" | grep "approved over ssh" | grep "127.0.0.1" | grep -q " $user " \
        || fail "history fraud lacks the approval by $user from 127.0.0.1: $out"
    out=$(cd "$dir/project" && "$BIN" rollout status fraud-api --json 2>&1)
    echo "$out" | grep -q '"phase" : "awaiting-approval"' && fail "fraud-api still awaits approval after the keypress"
    # The audit entry, with the SSH client's address.
    out=$(cd "$dir/project" && "$BIN" audit --json 2>&1)
    echo "$out" | USER_NAME="$user" python3 -c '
import json, os, sys
entries = json.load(sys.stdin)
hits = [e for e in entries if e.get("user") == os.environ["USER_NAME"] and e.get("sshClient") == "127.0.0.1"
        and e.get("action") in ("approve", "rollout-promote") and "fraud" in e.get("target", "")
        and e.get("result") == "applied"]
assert hits, entries
' || fail "audit --json lacks the approval from 127.0.0.1: $out"
    out=$(cd "$dir/project" && "$BIN" audit --verify 2>&1) || fail "audit --verify after the disconnect: $out"
    [ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [ssh]"; }
    return 0
}
ssh_case
