# shellcheck shell=bash
# Payara Server: provisioned from the Maven Central zip, one domain per EVENTLY_DOMAIN configured from
# server-config/domain/evently.asadmin (the same command file the Docker image boots with), the Artemis
# resource adapter and the EAR deployed into it. Sourced by ./evently.

PAYARA="$EH/payara6"
ASADMIN="$PAYARA/bin/asadmin"
DOMAINS="$EH/domains"
SERVER_NAME=Payara

# EVENTLY_PORT_BASE moves every port of the domain (admin base+48, http base+80, ...), for a second domain
# beside the first on one machine.
server_env() {
    PORT_BASE="${EVENTLY_PORT_BASE:-}"
    if [ -n "$PORT_BASE" ]; then
        HTTP_PORT=$((PORT_BASE + 80))
        ADMIN_PORT=$((PORT_BASE + 48))
    else
        HTTP_PORT="${EVENTLY_HTTP_PORT:-8080}"
        ADMIN_PORT="${EVENTLY_ADMIN_PORT:-4848}"
    fi
    BASE_URL="http://127.0.0.1:$HTTP_PORT"
    HEALTH_URL="$BASE_URL/health"
    # Only the API listens beyond loopback, and only when asked to (the admin listener and JMX never do).
    HTTP_ADDRESS="${EVENTLY_HTTP_ADDRESS:-127.0.0.1}"
    # Every asadmin command authenticates as admin with the generated password (asadmin reads AS_ADMIN_*).
    export EVENTLY_PAYARA_ADMIN_PASSWORD="${EVENTLY_PAYARA_ADMIN_PASSWORD:-$EVENTLY_GENERATED_PAYARA_ADMIN_PASSWORD}"
    export AS_ADMIN_USER=admin AS_ADMIN_PASSWORDFILE="$DRUN/admin-password"
    (umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "$EVENTLY_PAYARA_ADMIN_PASSWORD" > "$AS_ADMIN_PASSWORDFILE")
}

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

# asadmin property values: ':' separates properties and '=' splits them, so both are escaped, as the Docker
# image's init_0_evently.sh escapes its *_ASADMIN copies.
asadmin_escape() { local v="${1//\\/\\\\}"; v="${v//:/\\:}"; printf '%s' "${v//=/\\=}"; }

# The domain configuration as it should be now; a different one means a fresh domain. The command file is
# written for Payara's boot-command reader, which expands ${ENV=NAME} itself (the Docker image); here the
# values are filled in, and every backslash doubled, because multimode takes one level off each line it reads.
render_domain_config() {
    shopt -u patsub_replacement 2>/dev/null || true  # '&' in a password stays '&'
    local text name value
    text="$(cat "$ROOT/server-config/domain/evently.asadmin")"
    while IFS='=' read -r name value; do
        text="${text//"\${ENV=$name}"/$value}"
    done <<VALUES
EVENTLY_DB_HOST=$(asadmin_escape "$DB_HOST")
EVENTLY_DB_PORT=$DB_PORT
EVENTLY_DB_NAME=$(asadmin_escape "$DB_NAME")
EVENTLY_DB_USER_ASADMIN=$(asadmin_escape "$DB_USER")
EVENTLY_DB_PASSWORD_ASADMIN=$(asadmin_escape "$DB_PASSWORD")
EVENTLY_RAR=$RAR
EVENTLY_BROKER_HOST=$BROKER_HOST
EVENTLY_BROKER_PORT=$BROKER_PORT
EVENTLY_BROKER_USER_ASADMIN=$(asadmin_escape "$BROKER_USER")
EVENTLY_BROKER_PASSWORD_ASADMIN=$(asadmin_escape "$BROKER_PASSWORD")
EVENTLY_SMTP_HOST=$(asadmin_escape "$SMTP_HOST")
EVENTLY_SMTP_PORT=$SMTP_PORT
EVENTLY_SMTP_USER=$(asadmin_escape "${EVENTLY_SMTP_USER:-evently}")
EVENTLY_MAIL_FROM=${EVENTLY_MAIL_FROM:-tickets@evently.local}
EVENTLY_HTTP_ADDRESS=$HTTP_ADDRESS
VALUES
    local left; left="$(grep -v '^[[:space:]]*#' <<<"$text" | grep -o '\${ENV=[A-Za-z0-9_]*}' | sort -u | tr '\n' ' ' || true)"
    [ -z "$left" ] || die "server-config/domain/evently.asadmin names values the script does not set: $left"
    printf '%s\n# rar %s\n# ports %s %s %s\n# admin %s\n' "${text//\\/\\\\}" "$(cksum < "$RAR")" "$HTTP_PORT" "$ADMIN_PORT" \
        "$PORT_BASE" "$(printf '%s' "$EVENTLY_PAYARA_ADMIN_PASSWORD" | cksum)"
}

domain_running() { "$ASADMIN" list-domains --domaindir "$DOMAINS" 2>/dev/null | grep -q "^${1:-$DOMAIN} running"; }
running_domains() { "$ASADMIN" list-domains --domaindir "$DOMAINS" 2>/dev/null | awk '$2 == "running" { print $1 }'; }

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
    "$ASADMIN" create-domain --domaindir "$DOMAINS" "${ports[@]}" \
        "$DOMAIN" >"$DRUN/create-domain.log" 2>&1 \
        || { cat "$DRUN/create-domain.log"; die "create-domain failed"; }
    cp "$DIST/postgresql.jar" "$DOMAINS/$DOMAIN/lib/"
    rm -f "$DOMAINS/$DOMAIN/docroot/index.html"  # the product's welcome page
    info "starting the domain to apply server-config/domain/evently.asadmin"
    payara_start_domain
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

# Starts this command's domain (the server process; its application loads by itself), or ends here with why not.
payara_start_domain() {
    "$ASADMIN" start-domain --domaindir "$DOMAINS" "$DOMAIN" >"$DRUN/start-domain.log" 2>&1 \
        || { cat "$DRUN/start-domain.log"; die "start-domain failed"; }
}

server_start() {
    payara_provision
    payara_configure
    server_needs_start || return 0
    step "Starting Payara Server (domain $DOMAIN, http $HTTP_PORT, admin $ADMIN_PORT)"
    rm -f "$DOMAINS/$DOMAIN/config/evently-drain" "$DOMAINS/$DOMAIN/config/evently-drained"
    payara_start_domain
    app_settings > "$DRUN/app-settings"
    STARTED+=(server)
}

server_stop() { # [domain], this command's by default
    local domain="${1:-$DOMAIN}"
    if [ -x "$ASADMIN" ] && domain_running "$domain"; then
        if [ "$domain" = evently ]; then info "stopping Payara"; else info "stopping Payara (domain $domain)"; fi
        payara_drain "$domain"
        "$ASADMIN" stop-domain --domaindir "$DOMAINS" "$domain" >/dev/null || true
    fi
}

# Before a domain stops, its application drains: readiness DOWN, new requests 503 with Retry-After, the requests in
# flight finish. It is asked by a file in the domain's config directory and answers with another once nothing is in
# flight; we wait for that at most EVENTLY_DRAIN_SECONDS (30). No application deployed, nothing to wait for.
payara_drain() { # domain
    local config="$DOMAINS/$1/config"
    [ -d "$DOMAINS/$1/applications/evently" ] || return 0
    rm -f "$config/evently-drained"
    touch "$config/evently-drain"
    local deadline=$((SECONDS + ${EVENTLY_DRAIN_SECONDS:-30}))
    until [ -f "$config/evently-drained" ] || [ $SECONDS -ge $deadline ]; do sleep 0.2; done
    [ -f "$config/evently-drained" ] || info "requests still in flight after ${EVENTLY_DRAIN_SECONDS:-30} s; stopping anyway"
    return 0
}

ear_deploy() {
    local sum; sum="$(cksum < "$EAR")"
    if [ -f "$DRUN/payara-ear.cksum" ] && [ "$(cat "$DRUN/payara-ear.cksum")" = "$sum" ] \
        && "$ASADMIN" --port "$ADMIN_PORT" list-applications 2>/dev/null | grep -q '^evently '; then
        info "application: already deployed"
        return 0
    fi
    step "Deploying evently.ear (migrates the schema)"
    # Right after start-domain, Payara is sometimes still loading the previously deployed version and a deploy
    # fails with "web container has not yet been started", "ServiceLocatorImpl ... has been shut down" or
    # "Cannot create scratch directory" (the generated classes of the version being replaced), or "applicationInfo"
    # is null (the previous version not yet registered when the new one replaces it).
    # Such a start-up race is retried. Twice it was "EJB Container initialization error" instead (the version being
    # replaced still loading its message-driven beans): the domain then refused every deploy until it restarted, so
    # it is restarted once. A failure for any other reason ends here.
    local attempt restarted=0 races='has not yet been started|has been shut down|Cannot create scratch directory|"applicationInfo" is null'
    for attempt in 1 2 3; do
        if "$ASADMIN" --port "$ADMIN_PORT" deploy --force=true --name evently "$EAR" >"$DRUN/deploy.log" 2>&1; then
            echo "$sum" > "$DRUN/payara-ear.cksum"
            return 0
        fi
        if [ "$restarted" = 0 ] && [ "$attempt" -lt 3 ] && grep -q "EJB Container initialization error" "$DRUN/deploy.log"; then
            info "deployment failed in the EJB container of a domain still loading the previous version; restarting the domain"
            restarted=1
            "$ASADMIN" stop-domain --domaindir "$DOMAINS" "$DOMAIN" >/dev/null || true
            payara_start_domain
            continue
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
    rm -f "$DRUN/payara-ear.cksum"
}

server_status() {
    local state
    [ -x "$ASADMIN" ] && domain_running && state=running || state=stopped
    printf '%-10s %-8s http %s, admin %s\n' payara "$state" "$HTTP_PORT" "$ADMIN_PORT"
    local domain ports
    for domain in $([ -x "$ASADMIN" ] && running_domains); do
        [ "$domain" != "$DOMAIN" ] || continue
        ports=$(sed -n 's/^# ports \([0-9]*\) \([0-9]*\).*/http \1, admin \2/p' "$DOMAINS/$domain/evently.asadmin" 2>/dev/null)
        printf '%-10s %-8s %s (EVENTLY_DOMAIN=%s)\n' payara running "$ports" "$domain"
    done
}

server_admin_info() { echo "Payara admin console http://127.0.0.1:$ADMIN_PORT/ (local only: admin / $EVENTLY_PAYARA_ADMIN_PASSWORD)"; }

server_log() { echo "$DOMAINS/$DOMAIN/logs/server.log"; }
