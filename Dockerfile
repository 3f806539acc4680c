FROM node:20.20-bookworm-slim AS base
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/projector/package.json apps/projector/
COPY apps/cli/package.json apps/cli/
COPY libs/domain/package.json libs/domain/
COPY libs/events/package.json libs/events/
COPY libs/read-models/package.json libs/read-models/
COPY libs/formats/package.json libs/formats/
COPY libs/history/package.json libs/history/
COPY libs/exports/package.json libs/exports/
COPY libs/audit/package.json libs/audit/
RUN npm install --no-audit --no-fund
COPY . .
# One image per process, from the same source: APP=api or APP=projector (see docker-compose.yml).
ARG APP=api
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 APP_ENTRY=apps/${APP}/src/main.ts
EXPOSE 3000
CMD ["sh", "-c", "exec node -r ./scripts/ts-register.js \"$APP_ENTRY\""]
