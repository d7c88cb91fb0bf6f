# shellcheck shell=bash
# The payment provider: a configured one (EVENTLY_PAYMENTS_URL, with EVENTLY_PAYMENTS_API_KEY and
# EVENTLY_PAYMENTS_WEBHOOK_SECRET), else the embedded simulator (server-config/payment-simulator) on 127.0.0.1,
# which serves the checkout page, keeps its payments in a journal under .evently/payments and signs and retries
# its webhooks to the first instance's /api/payments/webhook. Sourced by ./evently.

payments_env() {
    # EVENTLY_PAYMENTS_URL is exported for the server either way; EVENTLY_PAYMENTS_EMBEDDED tells a command started
    # from this one (a test's ./evently payments start) that the URL is the embedded simulator's, not a configured one
    if [ -n "${EVENTLY_PAYMENTS_URL:-}" ] && [ "${EVENTLY_PAYMENTS_EMBEDDED:-0}" != 1 ]; then
        PAYMENTS_EMBEDDED=0
        PAYMENTS_URL="$EVENTLY_PAYMENTS_URL"
    else
        PAYMENTS_EMBEDDED=1
        PAYMENTS_PORT="${EVENTLY_EMBEDDED_PAYMENTS_PORT:-8026}"
        PAYMENTS_URL="http://127.0.0.1:$PAYMENTS_PORT"
    fi
    export EVENTLY_PAYMENTS_URL="$PAYMENTS_URL" EVENTLY_PAYMENTS_EMBEDDED="$PAYMENTS_EMBEDDED"
    export EVENTLY_PAYMENTS_API_KEY="${EVENTLY_PAYMENTS_API_KEY:-$EVENTLY_GENERATED_PAYMENTS_API_KEY}"
    export EVENTLY_PAYMENTS_WEBHOOK_SECRET="${EVENTLY_PAYMENTS_WEBHOOK_SECRET:-$EVENTLY_GENERATED_PAYMENTS_WEBHOOK_SECRET}"
}

payments_start() {
    [ "$PAYMENTS_EMBEDDED" = 1 ] || { info "Payments: using $PAYMENTS_URL (configured)"; return 0; }
    local dir="$EH/payments"
    if pid_alive "$dir/simulator.pid" && port_open 127.0.0.1 "$PAYMENTS_PORT"; then
        info "Payments: simulator already running on $PAYMENTS_URL"; return 0
    fi
    port_open 127.0.0.1 "$PAYMENTS_PORT" \
        && die "port $PAYMENTS_PORT is taken by something else; set EVENTLY_EMBEDDED_PAYMENTS_PORT"
    step "Starting the payment provider simulator on $PAYMENTS_URL"
    mkdir -p "$dir"
    # the secrets go through the environment, not the command line that anyone on the machine can read
    PAYSIM_API_KEY="$EVENTLY_PAYMENTS_API_KEY" PAYSIM_WEBHOOK_SECRET="$EVENTLY_PAYMENTS_WEBHOOK_SECRET" \
        nohup java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$PAYMENTS_JAR" \
        --host 127.0.0.1 --port "$PAYMENTS_PORT" --public-url "$PAYMENTS_URL" \
        --webhook-url "$BASE_URL/api/payments/webhook" --state-file "$dir/state.log" >"$dir/simulator.log" 2>&1 &
    echo $! > "$dir/simulator.pid"
    STARTED+=(payments)
    tools wait-http "$PAYMENTS_URL/health" 30 200 >/dev/null \
        || { tail -20 "$dir/simulator.log"; payments_stop; die "the payment simulator did not start"; }
}

payments_stop() { stop_pid "$EH/payments/simulator.pid" "the payment simulator" 20; }
payments_kill() { kill_pid "$EH/payments/simulator.pid" "the payment simulator"; }

payments_status() {
    local state
    if [ "$PAYMENTS_EMBEDDED" = 1 ]; then
        pid_alive "$EH/payments/simulator.pid" && state=running || state=stopped
        printf '%-10s %-8s embedded simulator, %s\n' payments "$state" "$PAYMENTS_URL"
    else
        printf '%-10s %-8s configured, %s\n' payments "-" "$PAYMENTS_URL"
    fi
}

payments_log() { echo "$EH/payments/simulator.log"; }
