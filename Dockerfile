# syntax=docker/dockerfile:1

# ---- build: the Maven wrapper on a full JDK ------------------------------------------------------------------------
# The build starts an embedded PostgreSQL (jOOQ's classes are generated from the Flyway migrations), and PostgreSQL
# refuses to run as root: the build runs as an ordinary user.
FROM eclipse-temurin:21-jdk AS build
RUN useradd --create-home --uid 10001 builder
USER builder
WORKDIR /home/builder/bookshop
COPY --chown=builder:builder . .
# The Maven repository lives in a build cache, so a rebuild downloads nothing it already has. Tests run in CI, not
# here; formatting is checked there too.
RUN --mount=type=cache,target=/home/builder/.m2,uid=10001,gid=10001 \
    ./mvnw -B -q -DskipTests -Dspotless.apply.skip=true -Dspotless.check.skip=true package

# ---- run: the executable jar on a JRE, as a non-root user ----------------------------------------------------------
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin bookshop \
    && mkdir -p /app/data \
    && chown bookshop /app/data
WORKDIR /app
COPY --from=build /home/builder/bookshop/bootstrap/target/bookshop.jar /app/bookshop.jar
USER bookshop
# DATA_DIR only matters without DATABASE_URL (the embedded PostgreSQL); docker-compose.yml sets DATABASE_URL.
ENV PORT=8080 \
    DATA_DIR=/app/data \
    LOG_FORMAT=json \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# Ready means the database answers too. The probe is a class in the jar: the JRE image does not promise curl.
HEALTHCHECK --interval=15s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", "/app/bookshop.jar", "dev.bookshop.bootstrap.HealthCheck"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/bookshop.jar"]
