# shellcheck shell=bash
# The local stack behind ./evently: provisioning and lifecycle of PostgreSQL (embedded unless configured),
# Redis (embedded unless configured), the mail server (embedded GreenMail unless configured), the Artemis
# broker and the Payara domain. Sourced, not run.

EH="${EVENTLY_HOME:-$ROOT/.evently}"
DIST="$ROOT/server-config/target/dist"
TOOLS_JAR="$ROOT/server-config/tools/target/evently-tools.jar"
EAR="$ROOT/evently-ear/target/evently.ear"
RAR="$ROOT/server-config/artemis-rar/target/evently-artemis.rar"
RUN="$EH/run"
PAYARA="$EH/payara6"
ASADMIN="$PAYARA/bin/asadmin"
DOMAINS="$EH/domains"
# EVENTLY_DOMAIN names a further Payara domain beside the first, sharing PostgreSQL, Redis and the broker.
DOMAIN="${EVENTLY_DOMAIN:-evently}"
# What belongs to one domain (rendered configuration, asadmin logs, the deployed EAR's checksum): the first
# domain keeps it in run/ as it always did, any other in run/<domain>/.
if [ "$DOMAIN" = evently ]; then DRUN="$RUN"; else DRUN="$RUN/$DOMAIN"; fi
ARTEMIS_HOME="$EH/apache-artemis-2.44.0"
BROKER="$EH/broker"
STARTED=()

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf 'evently: %s\n' "$*" >&2; exit 1; }
tools() { java -jar "$TOOLS_JAR" "$@"; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

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

wait_port() { # host port seconds what
    local deadline=$((SECONDS + $3))
    until port_open "$1" "$2"; do
        [ $SECONDS -lt $deadline ] || die "$4 did not open $1:$2 within $3 s"
        sleep 0.5
    done
}

# ---------------------------------------------------------------- build

build_if_needed() {
    local stale=""
    for f in "$EAR" "$RAR" "$TOOLS_JAR" "$DIST/payara.zip" "$DIST/apache-artemis-bin.tar.gz" "$DIST/greenmail-standalone.jar"; do
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

# ---------------------------------------------------------------- configuration

load_secrets() {
    [[ "$DOMAIN" =~ ^[A-Za-z0-9][A-Za-z0-9_-]*$ ]] || die "EVENTLY_DOMAIN must be letters, digits, '-' or '_'"
    mkdir -p "$EH" "$RUN" "$DRUN"
    local file="$EH/secrets.env"
    if [ ! -f "$file" ]; then
        info "generating local development secrets in $file"
        (umask 077; {
            echo "# Generated on first run for local development. Never commit; delete to regenerate."
            echo "EVENTLY_GENERATED_ADMIN_PASSWORD=$(tools secret 18)"
            echo "EVENTLY_GENERATED_DB_PASSWORD=$(tools secret 24)"
            echo "EVENTLY_GENERATED_BROKER_PASSWORD=$(tools secret 24)"
            echo "EVENTLY_GENERATED_TICKET_SECRET=$(tools secret 32)"
        } > "$file")
    fi
    # shellcheck disable=SC1090
    source "$file"
    tools keys "$EH/keys"
}

# asadmin property values: ':' separates properties and '=' splits them, so both are escaped; the
# escape is doubled because multimode takes one level of backslashes off each line it reads.
asadmin_escape() { local v="${1//:/\\\\:}"; printf '%s' "${v//=/\\\\=}"; }

stack_env() {
    [ -f "$TOOLS_JAR" ] || build_if_needed
    load_secrets
    # EVENTLY_PORT_BASE moves every port of the domain (admin base+48, http base+80, ...), for a second
    # domain beside the first on one machine.
    PORT_BASE="${EVENTLY_PORT_BASE:-}"
    if [ -n "$PORT_BASE" ]; then
        HTTP_PORT=$((PORT_BASE + 80))
        ADMIN_PORT=$((PORT_BASE + 48))
    else
        HTTP_PORT="${EVENTLY_HTTP_PORT:-8080}"
        ADMIN_PORT="${EVENTLY_ADMIN_PORT:-4848}"
    fi
    BASE_URL="http://127.0.0.1:$HTTP_PORT"

    PG_BASE="$(pg_base)"
    if [ -n "${EVENTLY_DB_URL:-}" ]; then
        DB_EMBEDDED=0
        local rest="${EVENTLY_DB_URL#jdbc:postgresql://}"
        [ "$rest" != "$EVENTLY_DB_URL" ] || die "EVENTLY_DB_URL must look like jdbc:postgresql://host:port/database"
        local hostport="${rest%%/*}"
        DB_NAME="${rest#*/}"; DB_NAME="${DB_NAME%%\?*}"
        DB_HOST="${hostport%%:*}"
        DB_PORT="${hostport#*:}"; [ "$DB_PORT" != "$hostport" ] || DB_PORT=5432
        DB_USER="${EVENTLY_DB_USER:-evently}"
        DB_PASSWORD="${EVENTLY_DB_PASSWORD:-}"
    else
        DB_EMBEDDED=1
        DB_HOST=127.0.0.1
        DB_PORT="${EVENTLY_EMBEDDED_DB_PORT:-15432}"
        DB_NAME=evently
        DB_USER=evently
        DB_PASSWORD="$EVENTLY_GENERATED_DB_PASSWORD"
    fi

    if [ -n "${EVENTLY_REDIS_URL:-}" ]; then
        REDIS_EMBEDDED=0
        REDIS_URL="$EVENTLY_REDIS_URL"
    else
        REDIS_EMBEDDED=1
        REDIS_PORT="${EVENTLY_EMBEDDED_REDIS_PORT:-16379}"
        REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
    fi

    # Without a configured SMTP server, an embedded GreenMail receives the mail; its REST API shows what
    # arrived (the system tests read the inboxes through it).
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

    BROKER_HOST=127.0.0.1
    BROKER_PORT="${EVENTLY_BROKER_PORT:-61616}"
    BROKER_USER=evently
    BROKER_PASSWORD="$EVENTLY_GENERATED_BROKER_PASSWORD"

    # What the application reads through MicroProfile Config (environment variables of the server).
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

# ---------------------------------------------------------------- PostgreSQL (embedded)

# PostgreSQL refuses to run as root: as root, the embedded server runs as 'nobody' in a directory it can reach.
# Decided once per command (stack_env caches it). Explicit `return 0`: a bare return inside a trap handler
# returns the status the trap interrupted, and under `set -e` that ended the stopping half-way.
pg_base() {
    if [ -n "${PG_BASE:-}" ]; then echo "$PG_BASE"; return 0; fi
    if [ "$(id -u)" -ne 0 ]; then echo "$EH/postgres"; return 0; fi
    if runuser -u nobody -- test -x "$EH" 2>/dev/null; then echo "$EH/postgres"; return 0; fi
    echo "/var/tmp/evently-postgres-$(printf '%s' "$EH" | cksum | cut -d' ' -f1)"
}
pg_as() { if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }

postgres_start() {
    [ "$DB_EMBEDDED" = 1 ] || { info "PostgreSQL: using $DB_HOST:$DB_PORT/$DB_NAME (configured)"; return 0; }
    local base; base="$(pg_base)"
    local bin="$base/pgsql/bin"
    if pg_as "$bin/pg_ctl" -D "$base/data" status >/dev/null 2>&1; then
        info "PostgreSQL: already running on 127.0.0.1:$DB_PORT"; return 0
    fi
    step "Starting embedded PostgreSQL on 127.0.0.1:$DB_PORT"
    mkdir -p "$base"
    if [ ! -x "$bin/postgres" ]; then
        info "unpacking PostgreSQL binaries"
        local tmp; tmp="$(mktemp -d)"
        (cd "$tmp" && jar xf "$DIST/embedded-postgres-binaries.jar" postgres-linux-x86_64.txz)
        tools untar-xz "$tmp/postgres-linux-x86_64.txz" "$base/pgsql"
        rm -rf "$tmp"
    fi
    [ "$(id -u)" -ne 0 ] || chown -R nobody "$base"
    if [ ! -f "$base/data/PG_VERSION" ]; then
        info "initialising the database cluster"
        local pw="$base/.pw"
        (umask 077; printf '%s\n' "$DB_PASSWORD" > "$pw")
        [ "$(id -u)" -ne 0 ] || chown nobody "$pw"
        pg_as "$bin/initdb" -D "$base/data" -U "$DB_USER" --pwfile="$pw" -E UTF8 --locale=C \
            --auth-host=scram-sha-256 --auth-local=trust >"$base/initdb.log" 2>&1 \
            || { cat "$base/initdb.log"; die "initdb failed"; }
        rm -f "$pw"
        echo "CREATE DATABASE $DB_NAME OWNER $DB_USER" | pg_as "$bin/postgres" --single -D "$base/data" postgres \
            >>"$base/initdb.log" 2>&1 || { cat "$base/initdb.log"; die "creating database $DB_NAME failed"; }
    fi
    pg_as "$bin/pg_ctl" -D "$base/data" -l "$base/postgres.log" -w -t 60 \
        -o "-p $DB_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$base -c max_connections=200" \
        start >/dev/null || { tail -20 "$base/postgres.log"; die "PostgreSQL did not start"; }
    STARTED+=(postgres)
}

# A fast shutdown (what pg_ctl -m fast sends), signalled directly from root or the owner alike.
postgres_stop() {
    local pidfile; pidfile="$(pg_base)/data/postmaster.pid"
    [ -f "$pidfile" ] || return 0
    local pid; pid="$(head -1 "$pidfile")"
    kill -0 "$pid" 2>/dev/null || return 0
    info "stopping PostgreSQL"
    kill -INT "$pid"
    local deadline=$((SECONDS + 60))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
}

# ---------------------------------------------------------------- Redis (embedded)

redis_start() {
    [ "$REDIS_EMBEDDED" = 1 ] || { info "Redis: using $REDIS_URL (configured)"; return 0; }
    local dir="$EH/redis"
    if pid_alive "$dir/redis.pid"; then info "Redis: already running on 127.0.0.1:$REDIS_PORT"; return 0; fi
    step "Starting embedded Redis on 127.0.0.1:$REDIS_PORT"
    mkdir -p "$dir"
    if [ ! -x "$dir/redis-server" ]; then
        local entry
        entry=$(jar tf "$DIST/embedded-redis.jar" | grep -E '^redis-server-[0-9.]+(-v[0-9]+)?-linux-amd64$' | head -1)
        [ -n "$entry" ] || die "no linux-amd64 redis-server in embedded-redis.jar"
        (cd "$dir" && jar xf "$DIST/embedded-redis.jar" "$entry" && mv "$entry" redis-server && chmod +x redis-server)
    fi
    "$dir/redis-server" --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
        --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
    wait_port 127.0.0.1 "$REDIS_PORT" 20 Redis
    STARTED+=(redis)
}

redis_stop() { stop_pid "$EH/redis/redis.pid" Redis; }

# ---------------------------------------------------------------- mail server (embedded GreenMail)

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

# ---------------------------------------------------------------- Artemis broker

broker_start() {
    if pid_alive "$RUN/broker.pid" && port_open "$BROKER_HOST" "$BROKER_PORT"; then
        info "Artemis: already running on $BROKER_HOST:$BROKER_PORT"; return 0
    fi
    port_open "$BROKER_HOST" "$BROKER_PORT" && die "port $BROKER_PORT is taken by something else; set EVENTLY_BROKER_PORT"
    step "Starting Artemis broker on $BROKER_HOST:$BROKER_PORT"
    if [ ! -x "$ARTEMIS_HOME/bin/artemis" ]; then
        info "unpacking Artemis"
        tar xzf "$DIST/apache-artemis-bin.tar.gz" -C "$EH"
    fi
    if [ ! -f "$BROKER/etc/broker.xml" ]; then
        info "creating the broker instance"
        "$ARTEMIS_HOME/bin/artemis" create "$BROKER" --silent --no-autotune --force \
            --user "$BROKER_USER" --password "$BROKER_PASSWORD" --require-login \
            --host 127.0.0.1 --default-port "$BROKER_PORT" --no-web \
            --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
            >"$EH/broker-create.log" 2>&1 || { cat "$EH/broker-create.log"; die "artemis create failed"; }
        # a small heap: the broker shares two cores and the memory with everything else
        sed -i 's/-Xms[0-9]*[MG]/-Xms64M/; s/-Xmx[0-9]*[MG]/-Xmx512M/' "$BROKER/etc/artemis.profile"
    fi
    cp "$ROOT/server-config/broker/broker.properties" "$BROKER/etc/broker.properties"
    mkdir -p "$BROKER/log"
    nohup "$BROKER/bin/artemis" run >"$BROKER/log/console.log" 2>&1 &
    echo $! > "$RUN/broker.pid"
    wait_port "$BROKER_HOST" "$BROKER_PORT" 60 Artemis
    STARTED+=(broker)
}

broker_stop() { stop_pid "$RUN/broker.pid" Artemis; }

# ---------------------------------------------------------------- Payara

payara_provision() {
    if [ ! -x "$ASADMIN" ]; then
        step "Unpacking Payara Server"
        if command -v unzip >/dev/null; then
            unzip -q -o "$DIST/payara.zip" -d "$EH"
        else
            (cd "$EH" && jar xf "$DIST/payara.zip")
            chmod +x "$PAYARA"/bin/* "$PAYARA"/glassfish/bin/*
        fi
    fi
}

# The domain configuration as it should be now; a different one means a fresh domain.
render_domain_config() {
    shopt -u patsub_replacement 2>/dev/null || true  # '&' in a password stays '&'
    local text name value
    text="$(cat "$ROOT/server-config/domain/evently.asadmin")"
    while IFS='=' read -r name value; do
        text="${text//@$name@/$value}"
    done <<VALUES
DB_HOST=$(asadmin_escape "$DB_HOST")
DB_PORT=$DB_PORT
DB_NAME=$(asadmin_escape "$DB_NAME")
DB_USER=$(asadmin_escape "$DB_USER")
DB_PASSWORD=$(asadmin_escape "$DB_PASSWORD")
RAR=$RAR
BROKER_HOST=$BROKER_HOST
BROKER_PORT=$BROKER_PORT
BROKER_USER=$BROKER_USER
BROKER_PASSWORD=$(asadmin_escape "$BROKER_PASSWORD")
SMTP_HOST=$(asadmin_escape "$SMTP_HOST")
SMTP_PORT=$SMTP_PORT
SMTP_USER=$(asadmin_escape "${EVENTLY_SMTP_USER:-evently}")
MAIL_FROM=${EVENTLY_MAIL_FROM:-tickets@evently.local}
VALUES
    printf '%s\n# rar %s\n# ports %s %s %s\n' "$text" "$(cksum < "$RAR")" "$HTTP_PORT" "$ADMIN_PORT" "$PORT_BASE"
}

domain_running() { "$ASADMIN" list-domains --domaindir "$DOMAINS" 2>/dev/null | grep -q "^${1:-$DOMAIN} running"; }
running_domains() { "$ASADMIN" list-domains --domaindir "$DOMAINS" 2>/dev/null | awk '$2 == "running" { print $1 }'; }

# Application settings the server reads from its environment only when it starts. A domain running with
# other values is restarted, so that what the caller asked for is what runs (./evently test shortens holds).
APP_SETTINGS=(EVENTLY_BOOKING_HOLD_TIME EVENTLY_WAITLIST_OFFER_TIME)
app_settings() { local name; for name in "${APP_SETTINGS[@]}"; do printf '%s=%s\n' "$name" "${!name:-}"; done; }
app_settings_changed() {
    local file="$DRUN/app-settings"
    if [ -f "$file" ]; then [ "$(app_settings)" != "$(cat "$file")" ]
    else app_settings | grep -qv '=$'; fi
}

payara_configure() {
    local wanted="$DRUN/domain.asadmin.next" current="$DOMAINS/$DOMAIN/evently.asadmin"
    (umask 077; render_domain_config > "$wanted")
    if [ -f "$current" ] && cmp -s "$wanted" "$current"; then rm -f "$wanted"; return 0; fi
    step "Configuring a fresh Payara domain (first time or configuration changed)"
    if [ -d "$DOMAINS/$DOMAIN" ]; then
        domain_running && "$ASADMIN" stop-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null
        "$ASADMIN" delete-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null
    fi
    local ports=(--adminport "$ADMIN_PORT" --instanceport "$HTTP_PORT")
    [ -z "$PORT_BASE" ] || ports=(--portbase "$PORT_BASE")
    "$ASADMIN" create-domain --nopassword --domaindir "$DOMAINS" "${ports[@]}" \
        "$DOMAIN" >"$DRUN/create-domain.log" 2>&1 \
        || { cat "$DRUN/create-domain.log"; die "create-domain failed"; }
    cp "$DIST/postgresql.jar" "$DOMAINS/$DOMAIN/lib/"
    info "starting the domain to apply server-config/domain/evently.asadmin"
    "$ASADMIN" start-domain --domaindir "$DOMAINS" "$DOMAIN" >"$DRUN/start-domain.log" 2>&1 \
        || { cat "$DRUN/start-domain.log"; die "start-domain failed"; }
    # multimode goes on after a failed command: its log is the verdict
    "$ASADMIN" --port "$ADMIN_PORT" multimode --file "$wanted" >"$DRUN/configure-domain.log" 2>&1 || true
    if grep -q '^Command .* failed' "$DRUN/configure-domain.log"; then
        grep -B3 '^Command .* failed' "$DRUN/configure-domain.log"
        "$ASADMIN" stop-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null
        die "domain configuration failed (log: $DRUN/configure-domain.log)"
    fi
    "$ASADMIN" stop-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null
    mv "$wanted" "$current"
}

payara_start() {
    payara_provision
    payara_configure
    if domain_running; then
        if ! app_settings_changed; then info "Payara: domain $DOMAIN already running"; return 0; fi
        info "restarting domain $DOMAIN: application settings changed ($(app_settings | tr '\n' ' '))"
        payara_stop
    fi
    local port
    for port in "$HTTP_PORT" "$ADMIN_PORT"; do
        port_open 127.0.0.1 "$port" && die "port $port is taken (another domain?); set EVENTLY_PORT_BASE"
    done
    step "Starting Payara Server (domain $DOMAIN, http $HTTP_PORT, admin $ADMIN_PORT)"
    "$ASADMIN" start-domain --domaindir "$DOMAINS" "$DOMAIN" >"$DRUN/start-domain.log" 2>&1 \
        || { cat "$DRUN/start-domain.log"; die "start-domain failed"; }
    app_settings > "$DRUN/app-settings"
    STARTED+=(payara)
}

payara_stop() { # [domain], this command's by default
    local domain="${1:-$DOMAIN}"
    if [ -x "$ASADMIN" ] && domain_running "$domain"; then
        if [ "$domain" = evently ]; then info "stopping Payara"; else info "stopping Payara (domain $domain)"; fi
        "$ASADMIN" stop-domain --domaindir "$DOMAINS" "$domain" >/dev/null || true
    fi
}

ear_deploy() {
    local sum; sum="$(cksum < "$EAR")"
    if [ -f "$DRUN/ear.cksum" ] && [ "$(cat "$DRUN/ear.cksum")" = "$sum" ] \
        && "$ASADMIN" --port "$ADMIN_PORT" list-applications 2>/dev/null | grep -q '^evently '; then
        info "application: already deployed"
        return 0
    fi
    step "Deploying evently.ear (migrates the schema)"
    # Right after start-domain, Payara is sometimes still loading the previously deployed version and a deploy
    # fails with "web container has not yet been started", "ServiceLocatorImpl ... has been shut down" or
    # "Cannot create scratch directory" (the generated classes of the version being replaced).
    # Such a start-up race is retried; a failure for any other reason ends here.
    local attempt races='has not yet been started|has been shut down|Cannot create scratch directory'
    for attempt in 1 2 3; do
        if "$ASADMIN" --port "$ADMIN_PORT" deploy --force=true --name evently "$EAR" >"$DRUN/deploy.log" 2>&1; then
            echo "$sum" > "$DRUN/ear.cksum"
            return 0
        fi
        grep -q -E "$races" "$DRUN/deploy.log" && [ "$attempt" -lt 3 ] || break
        info "deployment met a server still starting; trying again ($(grep -o -m1 -E "[^:]*($races)" "$DRUN/deploy.log"))"
        sleep 5
    done
    cat "$DRUN/deploy.log"
    die "deployment failed; ./evently logs shows the server log"
}

ear_undeploy() {
    if "$ASADMIN" --port "$ADMIN_PORT" list-applications 2>/dev/null | grep -q '^evently '; then
        info "undeploying evently"
        "$ASADMIN" --port "$ADMIN_PORT" undeploy evently >/dev/null
    fi
    rm -f "$DRUN/ear.cksum"
}

wait_ready() {
    step "Waiting for $BASE_URL/health/ready"
    tools wait-http "$BASE_URL/health/ready" "${1:-300}" 200 || { stack_status; die "the application did not become ready"; }
}

# ---------------------------------------------------------------- the whole stack

stack_infra() {
    build_if_needed
    stack_env
    postgres_start
    redis_start
    mail_start
    broker_start
    payara_start
}

stack_start() {
    local t0=$SECONDS
    stack_infra
    ear_deploy
    wait_ready
    info "ready after $((SECONDS - t0)) s"
}

stack_print_ready() {
    cat <<EOF

Evently is ready.
  API             $BASE_URL/api/
  OpenAPI UI      $BASE_URL/api/openapi-ui/
  OpenAPI         $BASE_URL/openapi
  Health          $BASE_URL/health/ready   (live: $BASE_URL/health/live)
  Metrics         $BASE_URL/metrics
  Admin console   http://127.0.0.1:$ADMIN_PORT/ (Payara, local only)
  First admin     $EVENTLY_ADMIN_EMAIL / $EVENTLY_ADMIN_PASSWORD
  Logs            ./evently logs [server|broker|postgres|redis|mail]
EOF
    if [ "$MAIL_EMBEDDED" = 1 ]; then
        echo "  Mail            GreenMail, SMTP 127.0.0.1:$SMTP_PORT; inboxes: $MAIL_API_URL/api/user/<email>/messages/INBOX"
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
        payara_stop
    else
        local domain
        for domain in $(running_domains); do payara_stop "$domain"; done
        broker_stop; mail_stop; redis_stop; postgres_stop
    fi
}

stack_status() {
    [ -n "${HTTP_PORT:-}" ] || stack_env >/dev/null
    local state
    if [ "$DB_EMBEDDED" = 1 ]; then
        port_open 127.0.0.1 "$DB_PORT" && state=running || state=stopped
        printf '%-10s %-8s embedded, 127.0.0.1:%s\n' postgres "$state" "$DB_PORT"
    else
        port_open "$DB_HOST" "$DB_PORT" && state=reachable || state=unreachable
        printf '%-10s %-8s configured, %s:%s\n' postgres "$state" "$DB_HOST" "$DB_PORT"
    fi
    if [ "$REDIS_EMBEDDED" = 1 ]; then
        pid_alive "$EH/redis/redis.pid" && state=running || state=stopped
        printf '%-10s %-8s embedded, 127.0.0.1:%s\n' redis "$state" "$REDIS_PORT"
    else
        printf '%-10s %-8s configured, %s\n' redis "-" "$REDIS_URL"
    fi
    if [ "$MAIL_EMBEDDED" = 1 ]; then
        pid_alive "$EH/mail/greenmail.pid" && state=running || state=stopped
        printf '%-10s %-8s embedded GreenMail, SMTP 127.0.0.1:%s, API %s\n' mail "$state" "$SMTP_PORT" "$MAIL_API_URL"
    else
        port_open "$SMTP_HOST" "$SMTP_PORT" && state=reachable || state=unreachable
        printf '%-10s %-8s configured, SMTP %s:%s\n' mail "$state" "$SMTP_HOST" "$SMTP_PORT"
    fi
    port_open "$BROKER_HOST" "$BROKER_PORT" && state=running || state=stopped
    printf '%-10s %-8s %s:%s\n' broker "$state" "$BROKER_HOST" "$BROKER_PORT"
    [ -x "$ASADMIN" ] && domain_running && state=running || state=stopped
    printf '%-10s %-8s http %s, admin %s\n' payara "$state" "$HTTP_PORT" "$ADMIN_PORT"
    local domain ports
    for domain in $([ -x "$ASADMIN" ] && running_domains); do
        [ "$domain" != "$DOMAIN" ] || continue
        ports=$(sed -n 's/^# ports \([0-9]*\) \([0-9]*\).*/http \1, admin \2/p' "$DOMAINS/$domain/evently.asadmin" 2>/dev/null)
        printf '%-10s %-8s %s (EVENTLY_DOMAIN=%s)\n' payara running "$ports" "$domain"
    done
    printf 'readiness: '
    tools get "$BASE_URL/health/ready" || true
}

stack_logs() {
    case "$1" in
        server) tail -n 100 -F "$DOMAINS/$DOMAIN/logs/server.log" ;;
        broker) tail -n 100 -F "$BROKER/log/artemis.log" ;;
        postgres) tail -n 100 -F "$(pg_base)/postgres.log" ;;
        redis) tail -n 100 -F "$EH/redis/redis.log" ;;
        mail) tail -n 100 -F "$EH/mail/greenmail.log" ;;
        *) die "unknown log '$1': server, broker, postgres, redis or mail" ;;
    esac
}

# ---------------------------------------------------------------- tests

# The system tests check docker/docker-compose.yml with `docker compose config`; no engine is needed for
# that, only a compose client. Without one, Debian's docker-compose is installed where we may.
ensure_compose_client() {
    docker compose version >/dev/null 2>&1 && return 0
    docker-compose version >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        step "Installing Debian's docker-compose (validates docker/docker-compose.yml)"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose; } \
            >"$RUN/apt-compose.log" 2>&1 || { tail -5 "$RUN/apt-compose.log"; die "could not install docker-compose"; }
        return 0
    fi
    info "no docker compose client: the compose check will be skipped"
    return 1
}

# A second domain beside the first, on other ports, sharing its PostgreSQL, Redis and broker: the tests that
# book through two instances at once use it. Started and stopped through ./evently, as an operator would.
SECOND_DOMAIN="$DOMAIN-2"
SECOND_STARTED=0

second_instance_start() {
    local base="${EVENTLY_TEST_SECOND_PORT_BASE:-$(( ${PORT_BASE:-9500} + 500 ))}" log="$RUN/$SECOND_DOMAIN.log"
    SECOND_BASE_URL="http://127.0.0.1:$((base + 80))"
    step "Second instance: domain $SECOND_DOMAIN on $SECOND_BASE_URL (same database, Redis and broker)"
    domain_running "$SECOND_DOMAIN" || SECOND_STARTED=1
    EVENTLY_DOMAIN="$SECOND_DOMAIN" EVENTLY_PORT_BASE="$base" "$ROOT/evently" start >"$log" 2>&1 \
        || { tail -30 "$log"; die "the second instance did not start (log: $log)"; }
    grep -E '^    (ready after|Payara:|restarting)' "$log" || true
}

second_instance_stop() {
    [ "$SECOND_STARTED" = 1 ] || return 0
    EVENTLY_DOMAIN="$SECOND_DOMAIN" "$ROOT/evently" stop || true
    SECOND_STARTED=0
}

stack_test() {
    local t0=$SECONDS compose_required=false
    # Holds that run out within seconds let the expiry race finish in the suite's time. Tests read the value
    # from the system property evently.booking.hold-time; EVENTLY_TEST_HOLD_TIME sets another.
    export EVENTLY_BOOKING_HOLD_TIME="${EVENTLY_TEST_HOLD_TIME:-PT10S}"
    export EVENTLY_WAITLIST_OFFER_TIME="${EVENTLY_TEST_OFFER_TIME:-PT10S}"
    step "Build and unit tests"
    mvn -B -ntp install "$@" || die "build or unit tests failed"
    trap 'second_instance_stop; stack_stop' EXIT
    stack_infra
    ear_undeploy
    step "Integration tests (Arquillian, remote Payara)"
    mvn -B -ntp -pl evently-it verify -DskipITs=false \
        -Dpayara.adminPort="$ADMIN_PORT" "$@" || die "integration tests failed"
    ear_deploy
    wait_ready
    second_instance_start
    ensure_compose_client && compose_required=true
    # the system tests check invariants in SQL, as an operator would
    export EVENTLY_TEST_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
        EVENTLY_TEST_DB_USER="$DB_USER" EVENTLY_TEST_DB_PASSWORD="$DB_PASSWORD"
    # and talk to the broker as another system would (topic subscriber, payment queue, dead letters)
    export EVENTLY_TEST_BROKER_URL="tcp://$BROKER_HOST:$BROKER_PORT" EVENTLY_TEST_BROKER_USER="$BROKER_USER" \
        EVENTLY_TEST_BROKER_PASSWORD="$BROKER_PASSWORD"
    step "System tests (HTTP against the running stack)"
    mvn -B -ntp -pl evently-system-tests verify -DskipITs=false -Devently.compose.required="$compose_required" \
        -Devently.base-url="$BASE_URL" -Devently.second-base-url="$SECOND_BASE_URL" \
        -Devently.booking.hold-time="$EVENTLY_BOOKING_HOLD_TIME" -Devently.redis-embedded="$REDIS_EMBEDDED" \
        -Devently.waitlist.offer-time="$EVENTLY_WAITLIST_OFFER_TIME" -Devently.mail-api-url="$MAIL_API_URL" "$@" \
        || die "system tests failed"
    info "all tests passed in $((SECONDS - t0)) s"
}

# ---------------------------------------------------------------- benchmark

# The benchmark (evently-bench, Gatling) against the running stack, started if need be and left running.
# Extra arguments are JVM options of the bench, e.g. -Dbench.rush.buyers=300 (README: Benchmark).
stack_bench() {
    stack_start
    step "Building the benchmark (evently-bench: Gatling from Maven Central the first time)"
    mvn -B -ntp -q -Pbench -DskipTests install -pl evently-system-tests,evently-bench || die "building the benchmark failed"
    # the bench writes its users and audits its sales in SQL, as the system tests do
    export EVENTLY_TEST_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
        EVENTLY_TEST_DB_USER="$DB_USER" EVENTLY_TEST_DB_PASSWORD="$DB_PASSWORD"
    local bench="$ROOT/evently-bench/target"
    # Gatling reads String internals, as its own launcher allows it to
    java -Xms256m -Xmx1g -XX:+UseParallelGC --add-opens java.base/java.lang=ALL-UNNAMED -cp "$bench/classes:$bench/lib/*" \
        -Devently.base-url="$BASE_URL" -Dbench.results="$bench/bench" \
        -Dbench.docroot="$DOMAINS/$DOMAIN/docroot" -Dbench.server-pid-file="$DOMAINS/$DOMAIN/config/pid" \
        "$@" dev.evently.bench.Bench || die "the benchmark failed"
    info "the stack is still running: ./evently stop stops it"
}

