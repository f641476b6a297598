# Muutos: built with the project's Maven wrapper on a JDK, run on a JRE. docker-compose.yml runs it
# with PostgreSQL. The build copies exactly what the build reads (DeploymentFilesTest checks it).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN ./mvnw -B -q -DskipTests package && cp target/muutos-*.jar /src/muutos.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app muutos
WORKDIR /app
COPY --from=build /src/muutos.jar /app/muutos.jar
USER muutos
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
# The jar checks itself (fi.muutos.platform.HealthCheck): the image has no curl or wget, and its
# /bin/sh (dash) cannot open a socket. Healthy: /actuator/health answers 200 with status UP.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
  CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-jar", "/app/muutos.jar", "health-check"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/muutos.jar"]
