# shellcheck shell=bash
# Installed as $SCRIPT_DIR/init_0_evently.sh: the image's entrypoint sources every $SCRIPT_DIR/init_*.sh
# before it starts the server, so `exit` here stops the container before anything half-configured boots.
# Compose lets empty secrets through (so `docker compose config` works bare); this is where they stop.

evently_die() { echo "evently: $*" >&2; exit 1; }

# Secrets the application reads through MicroProfile Config or the boot commands use.
for evently_var in EVENTLY_DB_PASSWORD EVENTLY_BROKER_PASSWORD EVENTLY_ADMIN_PASSWORD EVENTLY_TICKET_SECRET \
        EVENTLY_PAYMENTS_API_KEY EVENTLY_PAYMENTS_WEBHOOK_SECRET EVENTLY_PAYARA_ADMIN_PASSWORD; do
    [ -n "${!evently_var:-}" ] || evently_die "$evently_var is empty; set it (docker/README.md, Secrets)"
done

# The image's domain comes with the admin password 'admin' (in $PASSWORD_FILE, which its start script uses):
# replaced by the secret while the domain is stopped, on every start (the same password again is no change).
evently_pw="$(mktemp)"
printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_NEWPASSWORD=%s\n' "$(sed -n 's/^AS_ADMIN_PASSWORD=//p' "$PASSWORD_FILE")" \
    "$EVENTLY_PAYARA_ADMIN_PASSWORD" > "$evently_pw"
"$PAYARA_DIR/bin/asadmin" --user "$ADMIN_USER" --passwordfile "$evently_pw" change-admin-password \
    --domain_name "$DOMAIN_NAME" >/dev/null || { rm -f "$evently_pw"; evently_die "could not set the Payara admin password"; }
printf 'AS_ADMIN_PASSWORD=%s\n' "$EVENTLY_PAYARA_ADMIN_PASSWORD" > "$PASSWORD_FILE"
rm -f "$evently_pw"

# Values spliced into asadmin --property lists: ':' separates properties and '=' splits them (as in
# asadmin_escape in server-config/scripts/payara.sh); spaces, quotes and '$' would break the boot-command line itself.
for evently_var in EVENTLY_DB_USER EVENTLY_DB_PASSWORD EVENTLY_BROKER_USER EVENTLY_BROKER_PASSWORD; do
    evently_val="${!evently_var:-}"
    case "$evently_val" in
        *[[:space:]\"\'\$]*) evently_die "$evently_var must not contain spaces, quotes or '\$'" ;;
    esac
    evently_val="${evently_val//\\/\\\\}"; evently_val="${evently_val//:/\\:}"; evently_val="${evently_val//=/\\=}"
    export "${evently_var}_ASADMIN=$evently_val"
done

# Every ${ENV=NAME} in the boot commands must be set, or Payara would keep the reference as a literal.
for evently_var in $(grep -v '^[[:space:]]*#' "$POSTBOOT_COMMANDS" | grep -o '\${ENV=[A-Za-z0-9_]*}' | sort -u | sed 's/^\${ENV=//; s/}$//'); do
    [ -n "${!evently_var:-}" ] || evently_die "$evently_var is empty (needed by $POSTBOOT_COMMANDS)"
done

# The JWT keys are mounted from the host; the server runs as 'payara' (uid 1000) and must read them.
for evently_key in "${EVENTLY_JWT_PRIVATE_KEY_LOCATION:-}" "${MP_JWT_VERIFY_PUBLICKEY_LOCATION#file:}"; do
    [ -r "$evently_key" ] || evently_die "cannot read JWT key '$evently_key' as uid $(id -u); mount the keys (docker/README.md, JWT keys)"
done

unset evently_var evently_val evently_key evently_pw
echo "evently: configuration checked"
