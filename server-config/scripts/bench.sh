# shellcheck shell=bash
# ./evently bench: the benchmark (evently-bench, Gatling) against the running stack. Sourced by ./evently.

# The benchmark (evently-bench, Gatling) against the running stack, started if need be and left running.
# Extra arguments are JVM options of the bench, e.g. -Dbench.rush.buyers=300 (README: Benchmark).
stack_bench() {
    # The bench's buyers are robots that hold again at once after every conflict, from one address: the per-user
    # and per-address hold limits, there for people, would measure the limiter instead of the booking path.
    # So are its 2,000 stadium watchers, all from 127.0.0.1.
    export EVENTLY_LIMITS_HOLDS_PER_USER=0 EVENTLY_LIMITS_HOLDS_PER_ADDRESS=0 EVENTLY_SEATS_WATCHERS_PER_ADDRESS=0
    stack_start
    step "Building the benchmark (evently-bench: Gatling from Maven Central the first time)"
    mvn -B -ntp -q -Pbench -DskipTests install -pl evently-system-tests,evently-bench || die "building the benchmark failed"
    # the bench writes its users and audits its sales in SQL, as the system tests do
    export EVENTLY_TEST_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" \
        EVENTLY_TEST_DB_USER="$DB_USER" EVENTLY_TEST_DB_PASSWORD="$DB_PASSWORD"
    # and pays as buyers do: a checkout through the API, then the provider's Pay (its test API stands in)
    export EVENTLY_TEST_PAYMENTS_URL="$PAYMENTS_URL" EVENTLY_TEST_PAYMENTS_API_KEY="$EVENTLY_PAYMENTS_API_KEY"
    local bench="$ROOT/evently-bench/target"
    # the fair ceiling replays the SQL the application sent, read from the embedded PostgreSQL's log
    local pglog=""
    [ "$DB_EMBEDDED" = 1 ] && pglog="$(postgres_log)"
    # Gatling reads String internals, as its own launcher allows it to. 3 GiB: the stadium's 200 buyers each keep the
    # 30,000 seats they read (1 GiB ran out of memory there; they now share the maps they read alike)
    java -Xms256m -Xmx3g -XX:+UseParallelGC --add-opens java.base/java.lang=ALL-UNNAMED -cp "$bench/classes:$bench/lib/*" \
        -Devently.base-url="$BASE_URL" -Dbench.results="$bench/bench" \
        -Dbench.docroot="$DOMAINS/$DOMAIN/docroot" -Dbench.server-pid-file="$DOMAINS/$DOMAIN/config/pid" \
        -Dbench.postgres-log="$pglog" \
        "$@" dev.evently.bench.Bench || die "the benchmark failed"
    info "the stack is still running: ./evently stop stops it"
}

