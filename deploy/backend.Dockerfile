# The backend image, from the packaged app (Quarkus fast-jar; the SPA is inside it too).
#   make build && docker build -f deploy/backend.Dockerfile -t jinguo-backend:0.1.0 .
# Runs as a non-root user. The embedded PostgreSQL is never used here: set QUARKUS_DATASOURCE_JDBC_URL,
# QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD, and JINGUO_OIDC_URL for Keycloak.
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 jinguo \
 && useradd --system --uid 10001 --gid jinguo --home-dir /app --no-create-home --shell /usr/sbin/nologin jinguo

WORKDIR /app
# Layers from the least to the most often changed; files stay root-owned (read-only for the app).
COPY backend/target/quarkus-app/lib/ /app/lib/
COPY backend/target/quarkus-app/quarkus/ /app/quarkus/
COPY backend/target/quarkus-app/app/ /app/app/
COPY backend/target/quarkus-app/quarkus-run.jar /app/

ENV JINGUO_EMBEDDED_PG=false \
    JINGUO_DEMO=false \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"

USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /q/health/ready HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
