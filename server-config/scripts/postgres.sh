# shellcheck shell=bash
# PostgreSQL: a configured server (EVENTLY_DB_URL), else an embedded PostgreSQL 17 from the zonky binaries jar,
# its cluster under .evently/ on 127.0.0.1 only, every connection with the generated password (over TCP and over
# the socket in a directory only its owner can enter). Sourced by ./evently.

postgres_env() {
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
}

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
            --auth=scram-sha-256 >"$base/initdb.log" 2>&1 \
            || { cat "$base/initdb.log"; die "initdb failed"; }
        rm -f "$pw"
        echo "CREATE DATABASE $DB_NAME OWNER $DB_USER" | pg_as "$bin/postgres" --single -D "$base/data" postgres \
            >>"$base/initdb.log" 2>&1 || { cat "$base/initdb.log"; die "creating database $DB_NAME failed"; }
    fi
    # a password for every connection, also in clusters made before this rule (initdb above writes the same)
    printf '%s\n' 'local all all scram-sha-256' 'host all all 127.0.0.1/32 scram-sha-256' \
        'host all all ::1/128 scram-sha-256' > "$base/data/pg_hba.conf"
    [ "$(id -u)" -ne 0 ] || chown nobody "$base/data/pg_hba.conf"
    chmod 700 "$base"
    pg_as "$bin/pg_ctl" -D "$base/data" -l "$base/postgres.log" -w -t 60 \
        -o "-p $DB_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$base -c unix_socket_permissions=0700 -c max_connections=200" \
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
postgres_kill() { kill_pid "$(pg_base)/data/postmaster.pid" PostgreSQL; }


postgres_status() {
    local state
    if [ "$DB_EMBEDDED" = 1 ]; then
        port_open 127.0.0.1 "$DB_PORT" && state=running || state=stopped
        printf '%-10s %-8s embedded, 127.0.0.1:%s\n' postgres "$state" "$DB_PORT"
    else
        port_open "$DB_HOST" "$DB_PORT" && state=reachable || state=unreachable
        printf '%-10s %-8s configured, %s:%s\n' postgres "$state" "$DB_HOST" "$DB_PORT"
    fi
}

postgres_log() { echo "$(pg_base)/postgres.log"; }
