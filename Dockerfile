# One image per service: docker build --build-arg SERVICE=case-return-service .
# Pinned: a rebuild gets the same tool chain and runtime.
FROM maven:3.9.9-eclipse-temurin-17 AS build
ARG SERVICE
# The web dashboard's build takes govuk-frontend and chart.js from the npm registry.
RUN if [ "$SERVICE" = "web-dashboard" ]; then apt-get update && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*; fi
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package -pl ${SERVICE} -am

FROM eclipse-temurin:17.0.13_11-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 maap
COPY --from=build /src/${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER maap
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
