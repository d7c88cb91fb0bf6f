# shellcheck shell=bash
# The Artemis broker: provisioned from the Maven Central distribution, one instance under .evently/broker with a
# single CORE acceptor on 127.0.0.1 (EVENTLY_BROKER_PORT), configured by server-config/broker/broker.properties.
# Sourced by ./evently.

ARTEMIS_HOME="$EH/apache-artemis-2.44.0"
BROKER="$EH/broker"

broker_env() {
    BROKER_HOST=127.0.0.1
    BROKER_PORT="${EVENTLY_BROKER_PORT:-61616}"
    BROKER_USER=evently
    BROKER_PASSWORD="$EVENTLY_GENERATED_BROKER_PASSWORD"
}

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
broker_kill() { kill_pid "$RUN/broker.pid" Artemis; }

broker_status() {
    local state
    port_open "$BROKER_HOST" "$BROKER_PORT" && state=running || state=stopped
    printf '%-10s %-8s %s:%s\n' broker "$state" "$BROKER_HOST" "$BROKER_PORT"
}

broker_log() { echo "$BROKER/log/artemis.log"; }
