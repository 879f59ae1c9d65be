# syntax=docker/dockerfile:1
# digestbot: two stages. `build` installs every dependency, which compiles better-sqlite3 once (native: build
# tools; built from source, nothing downloaded from outside the npm registry) and the TypeScript to
# dist/ (npm ci runs `prepare`), then prunes the dev dependencies; the last copies node_modules and dist/. The
# image runs plain JavaScript: no TypeScript loader, no dev dependencies (ADR 0004).
#
#   docker build -t digestbot .
#   docker run -d --name digestbot --restart unless-stopped --env-file digestbot.env \
#     -v digestbot-data:/data -p 3000:3000 -p 127.0.0.1:9464:9464 digestbot
#
# digestbot.env: a copy of .env.example (every line commented out, so DATA_DIR stays /data) with the tokens
# filled in. Without Discord or Slack tokens set HEADLESS=true: with neither the bot exits 1 and says so.

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# better-sqlite3 from source: its install script's prebuild-install would try a binary from outside the npm registry.
ENV npm_config_build_from_source=true
WORKDIR /app
COPY package.json package-lock.json ./

FROM toolchain AS build
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
# adapters/cli/eval.ts imports the evaluation scripts (a development command); they are compiled, not shipped.
COPY bench ./bench
# One install compiles better-sqlite3 and builds dist/; pruning keeps that compiled module (no second native build).
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim
# Heap flags as with `npm start`: a small young generation and a capped old one keep the RSS
# of 10,000 polled sources near 215 MiB (live heap about 30 MiB; see README "Memory").
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=128 --max-semi-space-size=2" \
    DATA_DIR=/data \
    METRICS_PORT=9464 \
    METRICS_HOST=0.0.0.0
WORKDIR /app
RUN groupadd --system --gid 10001 digestbot \
 && useradd --system --uid 10001 --gid digestbot --home-dir /app --no-create-home --shell /usr/sbin/nologin digestbot \
 && mkdir /data && chown digestbot:digestbot /data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/adapters ./dist/adapters
COPY package.json ./
COPY bin ./bin
COPY digests ./digests
USER digestbot
VOLUME /data
# Slack HTTP receiver (SLACK_PORT) and the operator endpoints (METRICS_PORT).
EXPOSE 3000 9464
# No curl in slim images: node asks /healthz (200 when the store answers and the bot runs).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.METRICS_PORT || '9464') + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/digestbot.js", "start"]
