# Muutos: build with Maven, run on a JRE. docker-compose.yml runs it with PostgreSQL.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN mvn -B -q -DskipTests package && cp target/muutos-*.jar /src/muutos.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app muutos
WORKDIR /app
COPY --from=build /src/muutos.jar /app/muutos.jar
USER muutos
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/muutos.jar"]
