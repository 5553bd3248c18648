# Accessline gateway image: built with Maven, run on a JRE as an unprivileged user.
#   docker build -t accessline .
#   docker run -p 127.0.0.1:8080:8080 -e ACCESSLINE_HTTP_HOST=0.0.0.0 -v accessline-data:/var/lib/accessline accessline

# The base images are arguments so a county can build from its own registry's mirrors or hardened
# images (any Debian-based image with Maven and JDK 17, and any with a Java 17 runtime):
#   docker build --build-arg BUILD_IMAGE=registry.example/maven-jdk17 --build-arg RUNTIME_IMAGE=registry.example/jre17 -t accessline .
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# The poms first, so a change to the sources alone reuses the downloaded dependencies. Resolving
# ahead is only a cache: what it cannot resolve yet (a plugin the package step alone names) the
# package step fetches, so its failure does not stop the build.
COPY pom.xml ./
COPY gateway/pom.xml gateway/
COPY channels/pom.xml channels/
COPY transcripts/pom.xml transcripts/
COPY web/pom.xml web/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl web -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -q -pl web -am -DskipTests package

FROM ${RUNTIME_IMAGE}
# curl for the health check only.
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system accessline && useradd --system --gid accessline --home-dir /var/lib/accessline accessline \
    && mkdir -p /var/lib/accessline /var/lib/accessline-shared \
    && chown accessline:accessline /var/lib/accessline /var/lib/accessline-shared
COPY --from=build /src/web/target/accessline.jar /opt/accessline/accessline.jar
USER accessline
WORKDIR /var/lib/accessline
ENV ACCESSLINE_DATA_DIR=/var/lib/accessline \
    ACCESSLINE_LOG_FORMAT=json \
    ACCESSLINE_HTTP_PORT=8080
VOLUME /var/lib/accessline
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${ACCESSLINE_HTTP_PORT}/health" >/dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/accessline/accessline.jar"]
