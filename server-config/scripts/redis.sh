# shellcheck shell=bash
# Redis: a configured server (EVENTLY_REDIS_URL), else an embedded redis-server from the embedded-redis jar on
# 127.0.0.1, keeping nothing on disk, its memory bounded. Sourced by ./evently.
#
# noeviction: full memory refuses writes instead of dropping keys, and a dropped seat lock or limiter counter
# would be worse than a refused cache write (the application reads around a cache that fails). Every key the
# application writes has a time to live, so memory stays far below the bound in normal use.

redis_env() {
    if [ -n "${EVENTLY_REDIS_URL:-}" ]; then
        REDIS_EMBEDDED=0
        REDIS_URL="$EVENTLY_REDIS_URL"
    else
        REDIS_EMBEDDED=1
        REDIS_PORT="${EVENTLY_EMBEDDED_REDIS_PORT:-16379}"
        REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
    fi
}

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
        --maxmemory "${EVENTLY_EMBEDDED_REDIS_MAXMEMORY:-256mb}" --maxmemory-policy noeviction \
        --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
    wait_port 127.0.0.1 "$REDIS_PORT" 20 Redis
    STARTED+=(redis)
}

redis_stop() { stop_pid "$EH/redis/redis.pid" Redis; }
redis_kill() { kill_pid "$EH/redis/redis.pid" Redis; }

redis_status() {
    local state
    if [ "$REDIS_EMBEDDED" = 1 ]; then
        pid_alive "$EH/redis/redis.pid" && state=running || state=stopped
        printf '%-10s %-8s embedded, 127.0.0.1:%s\n' redis "$state" "$REDIS_PORT"
    else
        printf '%-10s %-8s configured, %s\n' redis "-" "$REDIS_URL"
    fi
}

redis_log() { echo "$EH/redis/redis.log"; }
