#!/bin/bash
# The WildFly container's command: refuse to start without the secrets, start WildFly on the configuration built into
# the image, and on SIGTERM (docker stop) drain first, as ./evently stop does: the application is asked by a file in
# WildFly's data directory to turn readiness DOWN, answer new requests 503 and let those in flight finish; once it
# says so, or after EVENTLY_DRAIN_SECONDS (30), WildFly is stopped.
set -u
for name in EVENTLY_DB_PASSWORD EVENTLY_BROKER_PASSWORD EVENTLY_ADMIN_PASSWORD EVENTLY_TICKET_SECRET \
        EVENTLY_PAYMENTS_API_KEY EVENTLY_PAYMENTS_WEBHOOK_SECRET; do
    [ -n "${!name:-}" ] || { echo "evently: $name is empty; set it (docker/README.md, Secrets)" >&2; exit 1; }
done
data=/opt/jboss/wildfly/standalone/data
mkdir -p "$data"
rm -f "$data/evently-drain" "$data/evently-drained"
/opt/jboss/wildfly/bin/standalone.sh -c evently.xml -b "${EVENTLY_HTTP_ADDRESS:-0.0.0.0}" -bmanagement 127.0.0.1 \
    -Djboss.node.name="${HOSTNAME:-evently}" &
wildfly=$!

drain_then_stop() {
    touch "$data/evently-drain"
    local deadline=$((SECONDS + ${EVENTLY_DRAIN_SECONDS:-30}))
    until [ -f "$data/evently-drained" ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
    kill -TERM "$wildfly" 2>/dev/null
}
trap drain_then_stop TERM INT
wait "$wildfly"
wait "$wildfly"  # a trap interrupts the first wait; the second waits for WildFly to finish stopping
