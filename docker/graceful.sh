#!/bin/bash
# The container's command: Payara's own entrypoint, and on SIGTERM (docker stop) a drain first, as ./evently stop
# does: the application is asked by a file in the domain's config directory to turn readiness DOWN, answer new
# requests 503 with Retry-After and let those in flight finish; once it says so (another file), or after
# EVENTLY_DRAIN_SECONDS (30), Payara is stopped. Give the container a stop grace period above that.
set -u
config="${PAYARA_DIR}/glassfish/domains/${DOMAIN_NAME}/config"
rm -f "$config/evently-drain" "$config/evently-drained"
"${SCRIPT_DIR}/entrypoint.sh" "$@" &
payara=$!

drain_then_stop() {
    touch "$config/evently-drain"
    local deadline=$((SECONDS + ${EVENTLY_DRAIN_SECONDS:-30}))
    until [ -f "$config/evently-drained" ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
    kill -TERM "$payara" 2>/dev/null
}
trap drain_then_stop TERM INT
wait "$payara"
wait "$payara"  # a trap interrupts the first wait; the second waits for Payara to finish stopping
