# shellcheck shell=bash
# What every part of the local stack shares: where things live, output and process helpers, the build, the
# generated secrets and the environment the parts and the application read. Sourced by ./evently, not run.

EH="${EVENTLY_HOME:-$ROOT/.evently}"
DIST="$ROOT/server-config/target/dist"
TOOLS_JAR="$ROOT/server-config/tools/target/evently-tools.jar"
EAR="$ROOT/evently-ear/target/evently.ear"
RAR="$ROOT/server-config/artemis-rar/target/evently-artemis.rar"
PAYMENTS_JAR="$ROOT/server-config/payment-simulator/target/evently-payment-simulator.jar"
RUN="$EH/run"
# EVENTLY_DOMAIN names a further Payara domain beside the first, sharing PostgreSQL, Redis and the broker.
DOMAIN="${EVENTLY_DOMAIN:-evently}"
# What belongs to one domain (rendered configuration, asadmin logs, the deployed EAR's checksum, one per server
# kind, since a Payara domain and a WildFly server of one name each keep their own deployment): the first
# domain keeps it in run/ as it always did, any other in run/<domain>/.
if [ "$DOMAIN" = evently ]; then DRUN="$RUN"; else DRUN="$RUN/$DOMAIN"; fi
# the parts this command started, newest last: what Ctrl-C or a failed test run stops
STARTED=()

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf 'evently: %s\n' "$*" >&2; exit 1; }
tools() { java -jar "$TOOLS_JAR" "$@"; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
pid_alive() { [ -f "$1" ] && kill -0 "$(head -1 "$1")" 2>/dev/null; }

# Stops the process of a pid file: TERM, then KILL if it has not exited within the seconds given (30).
stop_pid() { # pidfile what [seconds]
    if pid_alive "$1"; then
        info "stopping $2"
        local pid; pid="$(cat "$1")"
        kill "$pid"
        local deadline=$((SECONDS + ${3:-30}))
        while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$1"
    return 0  # called from traps: never the status of the test above
}

# Kills the process of a pid file at once (kill -9), as a crash would: for the fault tests (./evently <part> kill).
kill_pid() { # pidfile what
    if pid_alive "$1"; then
        info "killing $2 (kill -9)"
        kill -9 "$(head -1 "$1")"
    fi
    return 0
}

wait_port() { # host port seconds what
    local deadline=$((SECONDS + $3))
    until port_open "$1" "$2"; do
        [ $SECONDS -lt $deadline ] || die "$4 did not open $1:$2 within $3 s"
        sleep 0.5
    done
}

# Builds when an artefact is missing or a source is newer than the EAR.
build_if_needed() {
    local stale=""
    for f in "$EAR" "$RAR" "$TOOLS_JAR" "$PAYMENTS_JAR" "$DIST/payara.zip" "$DIST/apache-artemis-bin.tar.gz" \
             "$DIST/greenmail-standalone.jar"; do
        [ -f "$f" ] || stale="$f missing"
    done
    if [ -z "$stale" ]; then
        stale=$(find "$ROOT" -path "$ROOT/.evently" -prune -o -path '*/target' -prune -o \
            \( -name pom.xml -o -path '*/src/*' \) -newer "$EAR" -print -quit)
    fi
    [ -n "$stale" ] || return 0
    step "Building (the first build downloads Payara, Artemis and libraries from Maven Central: minutes)"
    mkdir -p "$EH"
    local log="$EH/build.log" rc
    set +e
    mvn -B -ntp -DskipTests install 2>&1 | tee "$log" \
        | grep --line-buffered -E '^\[INFO\] (Building .*\[[0-9]+/[0-9]+\]|BUILD (SUCCESS|FAILURE)|Total time)'
    rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" -eq 0 ] || { grep -E '^\[ERROR\]' "$log" | head -30; die "build failed (full log: $log)"; }
}

# Application settings the server reads from its environment only when it starts. A server running with
# other values is restarted, so that what the caller asked for is what runs (./evently test shortens holds).
APP_SETTINGS=(EVENTLY_BOOKING_HOLD_TIME EVENTLY_WAITLIST_OFFER_TIME EVENTLY_HTTP_TRUSTED_PROXIES
              EVENTLY_LIMITS_HOLDS_PER_USER EVENTLY_LIMITS_HOLDS_PER_ADDRESS EVENTLY_LIMITS_EXPORTS_PER_USER
              EVENTLY_WEBHOOKS_ALLOW_PRIVATE EVENTLY_WEBHOOKS_FIRST_RETRY EVENTLY_WEBHOOKS_GIVE_UP_AFTER
              EVENTLY_WEBHOOKS_MAX_IN_FLIGHT EVENTLY_SEATS_CHANGES_WINDOW EVENTLY_SEATS_WATCHERS_MAX
              EVENTLY_SEATS_WATCHERS_PER_ADDRESS)
app_settings() { local name; for name in "${APP_SETTINGS[@]}"; do printf '%s=%s\n' "$name" "${!name:-}"; done; }
app_settings_changed() {
    local file="$DRUN/app-settings"
    if [ -f "$file" ]; then [ "$(app_settings)" != "$(cat "$file")" ]
    else app_settings | grep -qv '=$'; fi
}

# Whether this instance of the server (either one) has to be started: not when it runs with the application settings
# asked for; one running with others is stopped first. The ports it is to take must then be free.
server_needs_start() {
    if domain_running; then
        if ! app_settings_changed; then info "$SERVER_NAME: $DOMAIN already running"; return 1; fi
        info "restarting $SERVER_NAME $DOMAIN: application settings changed ($(app_settings | tr '\n' ' '))"
        server_stop
    fi
    local port
    for port in "$HTTP_PORT" "$ADMIN_PORT"; do
        port_open 127.0.0.1 "$port" && die "port $port is taken (another instance?); set EVENTLY_PORT_BASE"
    done
    return 0
}

# Local development secrets, generated on first run, and the JWT key pair.
load_secrets() {
    [[ "$DOMAIN" =~ ^[A-Za-z0-9][A-Za-z0-9_-]*$ ]] || die "EVENTLY_DOMAIN must be letters, digits, '-' or '_'"
    mkdir -p "$EH" "$RUN" "$DRUN"
    local file="$EH/secrets.env" name length
    if [ ! -f "$file" ]; then
        info "generating local development secrets in $file"
        (umask 077; echo "# Generated on first run for local development. Never commit; delete to regenerate." > "$file")
    fi
    # each secret once; one that a newer version needs is added to an older file
    for name in ADMIN_PASSWORD:18 PAYARA_ADMIN_PASSWORD:24 DB_PASSWORD:24 BROKER_PASSWORD:24 TICKET_SECRET:32 PAYMENTS_API_KEY:32 \
                PAYMENTS_WEBHOOK_SECRET:32; do
        length="${name#*:}"; name="EVENTLY_GENERATED_${name%%:*}"
        grep -q "^$name=" "$file" || echo "$name=$(tools secret "$length")" >> "$file"
    done
    # shellcheck disable=SC1090
    source "$file"
    tools keys "$EH/keys"
}

# Settles every setting of this command: each part's (postgres_env, ...) and what the application reads
# through MicroProfile Config (environment variables of the server).
stack_env() {
    [ -f "$TOOLS_JAR" ] || build_if_needed
    load_secrets
    server_env
    postgres_env
    redis_env
    mail_env
    broker_env
    payments_env
    export EVENTLY_REDIS_ADDRESS="$REDIS_URL"
    export EVENTLY_BROKER_HOST="$BROKER_HOST" EVENTLY_BROKER_PORT="$BROKER_PORT"
    export EVENTLY_ADMIN_EMAIL="${EVENTLY_ADMIN_EMAIL:-admin@evently.local}"
    export EVENTLY_ADMIN_PASSWORD="${EVENTLY_ADMIN_PASSWORD:-$EVENTLY_GENERATED_ADMIN_PASSWORD}"
    export EVENTLY_TICKET_SECRET="${EVENTLY_TICKET_SECRET:-$EVENTLY_GENERATED_TICKET_SECRET}"
    export EVENTLY_JWT_PRIVATE_KEY_LOCATION="${EVENTLY_JWT_PRIVATE_KEY_LOCATION:-$EH/keys/jwt-private.pem}"
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-file:$EH/keys/jwt-public.pem}"
    export MP_JWT_VERIFY_ISSUER="${MP_JWT_VERIFY_ISSUER:-https://evently.dev}"
    export MP_JWT_VERIFY_AUDIENCES="${MP_JWT_VERIFY_AUDIENCES:-evently-api}"
}
