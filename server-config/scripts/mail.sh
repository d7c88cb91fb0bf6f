# shellcheck shell=bash
# Mail: a configured SMTP server (EVENTLY_SMTP_HOST), else an embedded GreenMail on 127.0.0.1 that keeps what
# it receives; its REST API shows what arrived (the system tests read the inboxes through it). Sourced by ./evently.

mail_env() {
    SMTP_PORT="${EVENTLY_SMTP_PORT:-3025}"
    if [ -n "${EVENTLY_SMTP_HOST:-}" ]; then
        MAIL_EMBEDDED=0
        SMTP_HOST="$EVENTLY_SMTP_HOST"
        MAIL_API_URL=""
    else
        MAIL_EMBEDDED=1
        SMTP_HOST=127.0.0.1
        MAIL_API_PORT="${EVENTLY_EMBEDDED_MAIL_API_PORT:-8025}"
        MAIL_API_URL="http://127.0.0.1:$MAIL_API_PORT"
    fi
}

mail_start() {
    [ "$MAIL_EMBEDDED" = 1 ] || { info "Mail: using SMTP $SMTP_HOST:$SMTP_PORT (configured)"; return 0; }
    local dir="$EH/mail"
    if pid_alive "$dir/greenmail.pid" && port_open 127.0.0.1 "$SMTP_PORT"; then
        info "Mail: already running, SMTP 127.0.0.1:$SMTP_PORT, API $MAIL_API_URL"; return 0
    fi
    local port
    for port in "$SMTP_PORT" "$MAIL_API_PORT"; do
        port_open 127.0.0.1 "$port" \
            && die "port $port is taken by something else; set EVENTLY_SMTP_PORT or EVENTLY_EMBEDDED_MAIL_API_PORT"
    done
    step "Starting embedded mail server (GreenMail) on SMTP 127.0.0.1:$SMTP_PORT, API $MAIL_API_URL"
    mkdir -p "$dir"
    # a small heap: it keeps the received mail in memory, a few KiB each
    nohup java -Xms16m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
        -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
        -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" -Dgreenmail.auth.disabled \
        -jar "$DIST/greenmail-standalone.jar" >"$dir/greenmail.log" 2>&1 &
    echo $! > "$dir/greenmail.pid"
    STARTED+=(mail)
    # a failed server (a port taken meanwhile) may leave the JVM running with half its services
    local deadline=$((SECONDS + 60))
    until port_open 127.0.0.1 "$MAIL_API_PORT" && port_open 127.0.0.1 "$SMTP_PORT"; do
        if ! pid_alive "$dir/greenmail.pid" || [ $SECONDS -ge $deadline ] || grep -q '^Exception' "$dir/greenmail.log"; then
            tail -20 "$dir/greenmail.log"; mail_stop; die "the mail server did not start (log: $dir/greenmail.log)"
        fi
        sleep 0.5
    done
    tools wait-http "$MAIL_API_URL/api/service/readiness" 30 200 >/dev/null \
        || { tail -20 "$dir/greenmail.log"; mail_stop; die "the mail server did not become ready"; }
}

mail_stop() { stop_pid "$EH/mail/greenmail.pid" "the mail server" 20; }
mail_kill() { kill_pid "$EH/mail/greenmail.pid" "the mail server"; }

mail_status() {
    local state
    if [ "$MAIL_EMBEDDED" = 1 ]; then
        pid_alive "$EH/mail/greenmail.pid" && state=running || state=stopped
        printf '%-10s %-8s embedded GreenMail, SMTP 127.0.0.1:%s, API %s\n' mail "$state" "$SMTP_PORT" "$MAIL_API_URL"
    else
        port_open "$SMTP_HOST" "$SMTP_PORT" && state=reachable || state=unreachable
        printf '%-10s %-8s configured, SMTP %s:%s\n' mail "$state" "$SMTP_HOST" "$SMTP_PORT"
    fi
}

mail_log() { echo "$EH/mail/greenmail.log"; }
