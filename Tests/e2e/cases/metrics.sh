# Metrics export: `flightdeck metrics` on the embedded demo, and /metrics
# served by the control room with --metrics-addr (sourced by Tests/e2e/run.sh).

# check_metrics FILE WHAT: promtool's check when it is installed.
check_metrics() {
    if command -v promtool >/dev/null; then
        local lint; lint=$(promtool check metrics < "$1" 2>&1) || fail "promtool check metrics ($2): $lint"
    else
        echo "  skipped: promtool not installed ($2)"
    fi
}

# http_get PORT PATH: the raw HTTP response (curl when present, else bash's /dev/tcp).
http_get() {
    if command -v curl >/dev/null; then
        curl -s -i --max-time 5 "http://127.0.0.1:$1$2"
    else
        exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
        printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
        timeout 5 cat <&3
        exec 3<&- 3>&-
    fi
}

current="metrics-cli"; CASE_OK=1
mkdir -p "$WORK/metrics-cli" && cd "$WORK/metrics-cli"
out=$("$BIN" metrics 2> "$WORK/metrics-cli.err"); rc=$?
[ "$rc" = 0 ] || fail "flightdeck metrics exit status $rc: $(cat "$WORK/metrics-cli.err")"
printf '%s\n' "$out" > "$WORK/metrics-cli.txt"
for family in flightdeck_requests_total flightdeck_request_latency_seconds flightdeck_traffic_weight_ratio \
              flightdeck_drift_value flightdeck_slo_burn_rate flightdeck_alert_state flightdeck_pipeline_runs \
              flightdeck_pipeline_run_duration_seconds; do
    grep -q "^# TYPE $family " "$WORK/metrics-cli.txt" || fail "no $family in: $(head -20 "$WORK/metrics-cli.txt")"
done
grep -q '^flightdeck_requests_total{deployment="fraud-api",' "$WORK/metrics-cli.txt" || fail "no fraud-api requests series"
check_metrics "$WORK/metrics-cli.txt" "flightdeck metrics"
out=$("$BIN" metrics --project /nonexistent.yaml 2>&1); rc=$?
[ "$rc" = 2 ] || fail "metrics with a missing project: exit status $rc"
cd - >/dev/null
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [metrics-cli]"; }

# The control room serving /metrics on a free loopback port while it runs.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 19464)
start metrics-addr 120 40 xterm-256color C.UTF-8 --speed 600 --metrics-addr "$port"
if wait_for "1 Overview"; then
    reply=""
    for _ in $(seq 1 50); do
        reply=$(http_get "$port" /metrics 2>/dev/null | tr -d '\r')
        printf '%s\n' "$reply" | grep -q '^flightdeck_requests_total{deployment="fraud-api"' && break
        sleep 0.2
    done
    printf '%s\n' "$reply" | head -1 | grep -q "^HTTP/1.1 200 OK" || fail "GET /metrics: $(printf '%s\n' "$reply" | head -3)"
    printf '%s\n' "$reply" | grep -qi "^Content-Type: text/plain; version=0.0.4; charset=utf-8" || fail "content type: $(printf '%s\n' "$reply" | head -5)"
    printf '%s\n' "$reply" | grep -q '^flightdeck_requests_total{deployment="fraud-api"' || fail "no requests series from the running control room"
    printf '%s\n' "$reply" | sed '1,/^$/d' > "$WORK/metrics-addr.txt"
    check_metrics "$WORK/metrics-addr.txt" "--metrics-addr"
    http_get "$port" /nothing 2>/dev/null | head -1 | grep -q "404" || fail "GET /nothing was not 404"
    # `flightdeck metrics` beside the running control room: the engine
    # publishes its state on request.
    live=$(cd "$WORK/metrics-addr" && "$BIN" metrics 2>&1); rc=$?
    [ "$rc" = 0 ] || fail "flightdeck metrics beside the running engine: exit status $rc: $live"
    printf '%s\n' "$live" > "$WORK/metrics-live.txt"
    grep -q '^flightdeck_requests_total{deployment="fraud-api",' "$WORK/metrics-live.txt" || fail "no fraud-api series from the running engine: $(head -5 "$WORK/metrics-live.txt")"
    check_metrics "$WORK/metrics-live.txt" "flightdeck metrics, engine running"
    keys q
fi
finish 0
