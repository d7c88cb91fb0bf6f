# shellcheck shell=bash
# ./evently test: unit tests, the stack, Arquillian tests in the running Payara, a second instance, and the
# HTTP system tests against both. Sourced by ./evently.

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

# The browser tests drive Debian's chromium with its chromium-driver (the same version); installed where we may.
ensure_browser() {
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        step "Installing Debian's chromium and chromium-driver (browser tests)"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            chromium chromium-driver; } >"$RUN/apt-browser.log" 2>&1 \
            || { tail -5 "$RUN/apt-browser.log"; die "could not install chromium and chromium-driver"; }
        return 0
    fi
    info "no chromium/chromedriver: the browser tests will be skipped"
    return 1
}

# A second domain beside the first, on other ports, sharing its PostgreSQL, Redis and broker: the tests that
# book through two instances at once use it. Started and stopped through ./evently, as an operator would.
SECOND_DOMAIN="$DOMAIN-2"
SECOND_PORT_BASE="${EVENTLY_TEST_SECOND_PORT_BASE:-$(( ${PORT_BASE:-9500} + 500 ))}"
SECOND_STARTED=0
SECOND_BASE_URL=""

second_instance_start() {
    local base="$SECOND_PORT_BASE" log="$RUN/$SECOND_DOMAIN.log"
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
    local t0=$SECONDS compose_required=false browser_required=false
    # Holds that run out within seconds let the expiry race finish in the suite's time. Tests read the value
    # from the system property evently.booking.hold-time; EVENTLY_TEST_HOLD_TIME sets another.
    export EVENTLY_BOOKING_HOLD_TIME="${EVENTLY_TEST_HOLD_TIME:-PT10S}"
    export EVENTLY_WAITLIST_OFFER_TIME="${EVENTLY_TEST_OFFER_TIME:-PT10S}"
    # The tests stand for clients all over the internet behind a proxy on 127.0.0.1: its X-Forwarded-For names
    # the client whose address the per-address limits count (the limits themselves keep their defaults).
    export EVENTLY_HTTP_TRUSTED_PROXIES=127.0.0.1
    # The webhook tests' receiver listens on 127.0.0.1, which webhooks may not call elsewhere, and fails its first
    # attempts on purpose: retried after 1 s (doubling) rather than 10 s.
    export EVENTLY_WEBHOOKS_ALLOW_PRIVATE=true
    export EVENTLY_WEBHOOKS_FIRST_RETRY=PT1S
    if [ "${EVENTLY_TEST_BUILT:-}" != 1 ]; then
        step "Build and unit tests"
        mvn -B -ntp install "$@" || die "build or unit tests failed"
    fi
    trap 'second_instance_stop; stack_stop' EXIT
    stack_infra
    ear_undeploy
    step "Integration tests (Arquillian, remote ${SERVER_NAME})"
    mvn -B -ntp -pl evently-it verify -DskipITs=false -Devently.server="${EVENTLY_SERVER:-payara}" \
        -Dpayara.adminPort="$ADMIN_PORT" -Dwildfly.managementPort="$ADMIN_PORT" "$@" || die "integration tests failed"
    ear_deploy
    wait_ready
    local suite=()
    if [ "${EVENTLY_TEST_SUITE:-full}" = smoke ]; then
        suite=(-Dit.test="$SMOKE_TESTS")
    else
        second_instance_start
    fi
    ensure_compose_client && compose_required=true
    ensure_browser && browser_required=true
    # the system tests check invariants in SQL, as an operator would
    export EVENTLY_TEST_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
        EVENTLY_TEST_DB_USER="$DB_USER" EVENTLY_TEST_DB_PASSWORD="$DB_PASSWORD"
    # and talk to the broker as another system would (topic subscriber, payment queue, dead letters)
    export EVENTLY_TEST_BROKER_URL="tcp://$BROKER_HOST:$BROKER_PORT" EVENTLY_TEST_BROKER_USER="$BROKER_USER" \
        EVENTLY_TEST_BROKER_PASSWORD="$BROKER_PASSWORD"
    # and drive the payment provider as a buyer's browser and its test API would (pay, fail, report late or twice)
    export EVENTLY_TEST_PAYMENTS_URL="$PAYMENTS_URL" EVENTLY_TEST_PAYMENTS_API_KEY="$EVENTLY_PAYMENTS_API_KEY" \
        EVENTLY_TEST_PAYMENTS_WEBHOOK_SECRET="$EVENTLY_PAYMENTS_WEBHOOK_SECRET"
    step "System tests (HTTP against the running stack on $SERVER_NAME${suite:+, a part of them})"
    mvn -B -ntp -pl evently-system-tests verify -DskipITs=false -Devently.compose.required="$compose_required" \
        -Devently.browser.required="$browser_required" -Devently.domain-dir="$DOMAINS/$DOMAIN" \
        -Devently.admin-port="$ADMIN_PORT" -Devently.redis-url="$REDIS_URL" \
        -Devently.base-url="$BASE_URL" -Devently.second-base-url="$SECOND_BASE_URL" \
        -Devently.second-domain="$SECOND_DOMAIN" -Devently.second-port-base="$SECOND_PORT_BASE" \
        -Devently.booking.hold-time="$EVENTLY_BOOKING_HOLD_TIME" -Devently.redis-embedded="$REDIS_EMBEDDED" \
        -Devently.waitlist.offer-time="$EVENTLY_WAITLIST_OFFER_TIME" -Devently.mail-api-url="$MAIL_API_URL" \
        -Devently.server="${EVENTLY_SERVER:-payara}" -Devently.health-url="$HEALTH_URL" "${suite[@]}" "$@" \
        || die "system tests failed"
    info "all tests passed on $SERVER_NAME in $((SECONDS - t0)) s"
    other_server_test "$@"
}

# The same EAR on the other server, after the whole suite passed on this one: its Arquillian tests and the system
# tests below (EVENTLY_TEST_OTHER_SERVER=smoke, the default), all of them (full), or nothing (off). This server's
# instances stop first: the other one takes their ports; PostgreSQL, Redis, mail and the broker stay.
SMOKE_TESTS="HealthIT,ObservabilityIT,OpenApiIT,MetricsIT,BookingsIT,PaymentsIT,DomainEventsIT,BackDoorsIT,SeatChangesIT,CompressedReadsIT"
other_server_test() {
    local mode="${EVENTLY_TEST_OTHER_SERVER:-smoke}" other=payara
    [ "$mode" != off ] || return 0
    [ "$mode" = smoke ] || [ "$mode" = full ] || die "EVENTLY_TEST_OTHER_SERVER must be smoke, full or off"
    [ "${EVENTLY_SERVER:-payara}" != payara ] || other=wildfly
    step "The same evently.ear on $other ($mode; EVENTLY_TEST_OTHER_SERVER=off skips it)"
    second_instance_stop
    server_stop
    EVENTLY_SERVER="$other" EVENTLY_TEST_OTHER_SERVER=off EVENTLY_TEST_BUILT=1 EVENTLY_TEST_SUITE="$mode" \
        "$ROOT/evently" test "$@" || die "the tests on $other failed"
}
