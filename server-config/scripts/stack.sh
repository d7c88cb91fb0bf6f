# shellcheck shell=bash
# The whole stack behind ./evently: every part in order (PostgreSQL, Redis, mail, broker, the application server), the EAR,
# readiness; stopping, status and logs across the parts. Sourced by ./evently after the parts' files.

stack_infra() {
    build_if_needed
    stack_env
    postgres_start
    redis_start
    mail_start
    payments_start
    broker_start
    server_start
}

stack_start() {
    local t0=$SECONDS
    stack_infra
    ear_deploy
    wait_ready
    info "ready after $((SECONDS - t0)) s"
}

wait_ready() {
    # the API's own readiness: an answer there proves the API is mapped (Payara's /health/ready says UP with no
    # checks at all for a few seconds of a start, while the API still answers 404)
    step "Waiting for $BASE_URL/api/ready"
    tools wait-http "$BASE_URL/api/ready" "${1:-300}" 200 || { stack_status; die "the application did not become ready"; }
}

stack_print_ready() {
    cat <<EOF

Evently is ready.
  API             $BASE_URL/api/
  OpenAPI UI      $BASE_URL/api/openapi-ui/
  OpenAPI         $BASE_URL/api/openapi.yaml
  Readiness       $BASE_URL/api/ready
  Metrics         $BASE_URL/api/metrics
  Server          $(server_admin_info)
  First admin     $EVENTLY_ADMIN_EMAIL / $EVENTLY_ADMIN_PASSWORD
  Logs            ./evently logs [server|broker|postgres|redis|mail|payments]
EOF
    if [ "$MAIL_EMBEDDED" = 1 ]; then
        echo "  Mail            GreenMail, SMTP 127.0.0.1:$SMTP_PORT; inboxes: $MAIL_API_URL/api/user/<email>/messages/INBOX"
    fi
    if [ "$PAYMENTS_EMBEDDED" = 1 ]; then
        echo "  Payments        simulator $PAYMENTS_URL (checkout pages; webhooks to $BASE_URL/api/payments/webhook)"
    fi
}

stack_stop() {
    [ -n "${HTTP_PORT:-}" ] || stack_env >/dev/null
    if [ ${#STARTED[@]} -gt 0 ]; then
        # stop only what this command started, newest first
        local i
        for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do "${STARTED[$i]}_stop"; done
        STARTED=()
    elif [ -n "${EVENTLY_DOMAIN:-}" ]; then
        # one named domain: the shared parts go on serving the others
        server_stop
    else
        local domain
        for domain in $(running_domains); do server_stop "$domain"; done
        broker_stop; payments_stop; mail_stop; redis_stop; postgres_stop
    fi
}

stack_status() {
    [ -n "${HTTP_PORT:-}" ] || stack_env >/dev/null
    postgres_status
    redis_status
    mail_status
    payments_status
    broker_status
    server_status
    printf 'readiness: '
    tools get "$BASE_URL/api/ready" || true
}

stack_logs() {
    case "$1" in
        server) tail -n 100 -F "$(server_log)" ;;
        broker|postgres|redis|mail|payments) tail -n 100 -F "$("$1_log")" ;;
        *) die "unknown log '$1': server, broker, postgres, redis, mail or payments" ;;
    esac
}
