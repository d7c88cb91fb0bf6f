# Evently on the official WildFly image: the same evently.ear as the Payara image (docker/Dockerfile), the server
# configured at build time by the same CLI script ./evently uses (server-config/wildfly/evently.cli). Build context:
# the repository root, after `mvn -B -DskipTests install`.
#   docker compose -f docker/docker-compose.yml -f docker/wildfly.yml build
FROM quay.io/wildfly/wildfly:39.0.1.Final-jdk17

# The PostgreSQL driver as the module the datasource names.
COPY --chown=jboss:jboss server-config/target/dist/postgresql.jar /opt/jboss/wildfly/modules/org/postgresql/main/postgresql.jar
COPY --chown=jboss:jboss server-config/wildfly/postgresql-module.xml /opt/jboss/wildfly/modules/org/postgresql/main/module.xml

# The server's configuration: addresses, users and passwords stay ${env.NAME} expressions, read at every start.
COPY --chown=jboss:jboss server-config/wildfly/evently.cli /opt/jboss/evently.cli
RUN cd /opt/jboss/wildfly/standalone/configuration && cp standalone-full.xml evently.xml \
    && /opt/jboss/wildfly/bin/jboss-cli.sh --file=/opt/jboss/evently.cli \
    && rm -rf standalone_xml_history /opt/jboss/wildfly/standalone/data /opt/jboss/wildfly/standalone/log \
    && mkdir -p /opt/jboss/wildfly/standalone/docroot/bench

COPY --chown=jboss:jboss evently-ear/target/evently.ear /opt/jboss/wildfly/standalone/deployments/
COPY --chown=jboss:jboss docker/wildfly-start.sh /opt/jboss/evently-start.sh

# Non-secret defaults, as in the Payara image; secrets are never baked in.
ENV EVENTLY_DB_HOST=postgres \
    EVENTLY_DB_PORT=5432 \
    EVENTLY_DB_NAME=evently \
    EVENTLY_DB_USER=evently \
    EVENTLY_REDIS_ADDRESS=redis://redis:6379 \
    EVENTLY_BROKER_HOST=artemis \
    EVENTLY_BROKER_PORT=61616 \
    EVENTLY_BROKER_USER=evently \
    EVENTLY_ADMIN_EMAIL=admin@evently.local \
    EVENTLY_SMTP_HOST=127.0.0.1 \
    EVENTLY_SMTP_PORT=3025 \
    EVENTLY_MAIL_FROM=tickets@evently.local \
    EVENTLY_JWT_PRIVATE_KEY_LOCATION=/opt/evently/keys/jwt-private.pem \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:/opt/evently/keys/jwt-public.pem \
    MP_JWT_VERIFY_ISSUER=https://evently.dev \
    MP_JWT_VERIFY_AUDIENCES=evently-api \
    EVENTLY_HTTP_ADDRESS=0.0.0.0

EXPOSE 8080

# Ready = the API answers and reaches its database (the application's own /api/ready).
HEALTHCHECK --interval=10s --timeout=5s --start-period=300s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /api/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]

CMD ["/opt/jboss/evently-start.sh"]
