# shellcheck shell=bash
# WildFly (EVENTLY_SERVER=wildfly): provisioned from the org.wildfly:wildfly-dist zip on Maven Central, one server
# base directory per EVENTLY_DOMAIN configured from server-config/wildfly/evently.cli, the same evently.ear deployed
# into it. The counterpart of payara.sh, with the same functions. Sourced by ./evently.

WILDFLY_VERSION="${EVENTLY_WILDFLY_VERSION:-39.0.1.Final}"
WILDFLY="$EH/wildfly-$WILDFLY_VERSION"
JBOSS_CLI="$WILDFLY/bin/jboss-cli.sh"
# one base directory per instance, laid out as a Payara domain where the tests look (config/pid, logs/server.log)
DOMAINS="$EH/wildfly-servers"
SERVER_NAME=WildFly

# EVENTLY_PORT_BASE moves every port as on Payara (http base+80); WildFly moves all of its ports by one offset, so
# management answers on 9990 + (http - 8080).
server_env() {
    PORT_BASE="${EVENTLY_PORT_BASE:-}"
    if [ -n "$PORT_BASE" ]; then HTTP_PORT=$((PORT_BASE + 80)); else HTTP_PORT="${EVENTLY_HTTP_PORT:-8080}"; fi
    PORT_OFFSET=$((HTTP_PORT - 8080))
    ADMIN_PORT=$((9990 + PORT_OFFSET))
    BASE_URL="http://127.0.0.1:$HTTP_PORT"
    # MicroProfile Health is WildFly's, on the management port (the application's own readiness: /api/ready)
    HEALTH_URL="http://127.0.0.1:$ADMIN_PORT/health"
    HTTP_ADDRESS="${EVENTLY_HTTP_ADDRESS:-127.0.0.1}"
}

cli() { "$JBOSS_CLI" --connect --controller="127.0.0.1:$ADMIN_PORT" "$@"; }

wildfly_provision() {
    [ -x "$JBOSS_CLI" ] && return 0
    local zip="$DIST/wildfly-dist-$WILDFLY_VERSION.zip"
    if [ ! -f "$zip" ]; then
        step "Downloading WildFly $WILDFLY_VERSION from Maven Central (about 260 MB, once)"
        mvn -B -ntp -q dependency:copy -Dartifact="org.wildfly:wildfly-dist:$WILDFLY_VERSION:zip" \
            -DoutputDirectory="$DIST" || die "could not download org.wildfly:wildfly-dist:$WILDFLY_VERSION"
    fi
    step "Unpacking WildFly $WILDFLY_VERSION"
    # into a directory of its own first, so that an interrupted unpacking is never taken for an installation
    local partial="$EH/wildfly.partial"
    rm -rf "$partial" && mkdir -p "$partial"
    if command -v unzip >/dev/null; then
        unzip -q "$zip" -d "$partial" || die "could not unpack $zip"
    else
        (cd "$partial" && jar xf "$zip") || die "could not unpack $zip"
        chmod +x "$partial/wildfly-$WILDFLY_VERSION"/bin/*.sh
    fi
    mv "$partial/wildfly-$WILDFLY_VERSION" "$WILDFLY" && rm -rf "$partial"
}

# The PostgreSQL driver as the module org.postgresql that the datasource names (the jar this build copied).
wildfly_driver_module() {
    local module="$WILDFLY/modules/org/postgresql/main"
    cmp -s "$DIST/postgresql.jar" "$module/postgresql.jar" \
        && cmp -s "$ROOT/server-config/wildfly/postgresql-module.xml" "$module/module.xml" && return 0
    mkdir -p "$module"
    cp "$DIST/postgresql.jar" "$module/"
    cp "$ROOT/server-config/wildfly/postgresql-module.xml" "$module/module.xml"
}

# A fresh base directory whenever evently.cli (or WildFly's version) changed: WildFly's own template, then the CLI.
wildfly_configure() {
    local base="$DOMAINS/$DOMAIN" wanted
    wanted="$(cat "$ROOT/server-config/wildfly/evently.cli"; echo "# $WILDFLY_VERSION")"
    if [ -f "$base/evently.cli" ] && [ "$wanted" = "$(cat "$base/evently.cli")" ]; then return 0; fi
    step "Configuring a fresh WildFly server (first time or configuration changed)"
    domain_running && server_stop
    rm -rf "$base"
    mkdir -p "$DOMAINS"
    cp -r "$WILDFLY/standalone" "$base"
    rm -rf "$base/deployments/"* "$base/log"
    cp "$base/configuration/standalone-full.xml" "$base/configuration/evently.xml"
    mkdir -p "$base/config" "$base/logs" "$base/docroot/bench"
    JAVA_OPTS="-Djboss.server.base.dir=$base" "$JBOSS_CLI" --file="$ROOT/server-config/wildfly/evently.cli" \
        >"$DRUN/configure-server.log" 2>&1 || { cat "$DRUN/configure-server.log"; die "WildFly configuration failed"; }
    printf '%s\n' "$wanted" > "$base/evently.cli"
}

domain_running() { pid_alive "$DOMAINS/${1:-$DOMAIN}/config/pid"; }
running_domains() {
    local pidfile
    for pidfile in "$DOMAINS"/*/config/pid; do
        pid_alive "$pidfile" && basename "$(dirname "$(dirname "$pidfile")")"
    done
    return 0
}

server_start() {
    wildfly_provision
    wildfly_driver_module
    wildfly_configure
    local base="$DOMAINS/$DOMAIN"
    server_needs_start || return 0
    step "Starting WildFly (server $DOMAIN, http $HTTP_PORT, management $ADMIN_PORT)"
    rm -f "$base/data/evently-drain" "$base/data/evently-drained"
    # the values evently.cli leaves as ${env.NAME}, given to the server alone: exported here they would reach what
    # this script runs next (the system tests' ./evently mail stop|start would take GreenMail for a configured server)
    EVENTLY_DB_HOST="$DB_HOST" EVENTLY_DB_PORT="$DB_PORT" EVENTLY_DB_NAME="$DB_NAME" EVENTLY_DB_USER="$DB_USER" \
        EVENTLY_DB_PASSWORD="$DB_PASSWORD" EVENTLY_BROKER_USER="$BROKER_USER" EVENTLY_BROKER_PASSWORD="$BROKER_PASSWORD" \
        EVENTLY_SMTP_HOST="$SMTP_HOST" EVENTLY_SMTP_PORT="$SMTP_PORT" \
        JBOSS_PIDFILE="$base/config/pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
        JAVA_OPTS="-Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$base/logs" \
        nohup "$WILDFLY/bin/standalone.sh" -Djboss.server.base.dir="$base" -c evently.xml -b "$HTTP_ADDRESS" \
        -bmanagement 127.0.0.1 -Djboss.socket.binding.port-offset="$PORT_OFFSET" -Djboss.node.name="$DOMAIN" \
        -Djboss.server.log.dir="$base/logs" >"$base/logs/console.log" 2>&1 </dev/null &
    # as long as readiness is waited for (wait_ready): a start beside a sale on 2 busy cores took 150 s
    local deadline=$((SECONDS + 300))
    until cli --commands=':read-attribute(name=server-state)' 2>/dev/null | grep -q '"result" => "running"'; do
        [ $SECONDS -lt $deadline ] || { tail -30 "$base/logs/console.log"; die "WildFly did not start"; }
        sleep 1
    done
    app_settings > "$DRUN/app-settings"
    STARTED+=(server)
}

server_stop() { # [server], this command's by default
    local name="${1:-$DOMAIN}"
    domain_running "$name" || return 0
    info "stopping WildFly (server $name)"
    wildfly_drain "$name"
    stop_pid "$DOMAINS/$name/config/pid" "WildFly" 60
}

# As on Payara: the application drains when asked by a file in its instance directory (WildFly's data directory).
wildfly_drain() { # server
    local data="$DOMAINS/$1/data"
    [ -n "$(ls "$data"/content 2>/dev/null)" ] || return 0
    rm -f "$data/evently-drained"
    touch "$data/evently-drain"
    local deadline=$((SECONDS + ${EVENTLY_DRAIN_SECONDS:-30}))
    until [ -f "$data/evently-drained" ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
    return 0
}

ear_deploy() {
    local sum; sum="$(cksum < "$EAR")"
    if [ -f "$DRUN/wildfly-ear.cksum" ] && [ "$(cat "$DRUN/wildfly-ear.cksum")" = "$sum" ] \
        && cli --commands='deployment-info --name=evently.ear' 2>/dev/null | grep -q 'OK'; then
        info "application: already deployed"
        return 0
    fi
    step "Deploying evently.ear (migrates the schema)"
    cli --timeout=300000 --command="deploy --force --name=evently.ear $EAR" >"$DRUN/deploy.log" 2>&1 \
        || { cat "$DRUN/deploy.log"; die "deployment failed; ./evently logs shows the server log"; }
    echo "$sum" > "$DRUN/wildfly-ear.cksum"
}

ear_undeploy() {
    if cli --commands='deployment-info --name=evently.ear' >/dev/null 2>&1; then
        info "undeploying evently"
        cli --command='undeploy evently.ear' >/dev/null
    fi
    rm -f "$DRUN/wildfly-ear.cksum"
}

server_status() {
    local state name
    domain_running && state=running || state=stopped
    printf '%-10s %-8s http %s, management %s\n' wildfly "$state" "$HTTP_PORT" "$ADMIN_PORT"
    for name in $(running_domains); do
        [ "$name" != "$DOMAIN" ] && printf '%-10s %-8s (EVENTLY_DOMAIN=%s)\n' wildfly running "$name"
    done
    return 0
}

server_admin_info() { echo "WildFly management http://127.0.0.1:$ADMIN_PORT/ (local only; jboss-cli.sh --connect)"; }

server_log() { echo "$DOMAINS/$DOMAIN/logs/server.log"; }
