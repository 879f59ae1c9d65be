# syntax=docker/dockerfile:1
# digestbot: two stages. The first installs the production dependencies
# (better-sqlite3 is native: build tools in case no prebuilt binary fits);
# the second copies them next to the sources. TypeScript runs through tsx
# (a production dependency), so there is no build step.
#
#   docker build -t digestbot .
#   docker run -d --name digestbot --restart unless-stopped --env-file digestbot.env \
#     -v digestbot-data:/data -p 3000:3000 -p 127.0.0.1:9464:9464 digestbot

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

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
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY adapters ./adapters
COPY digests ./digests
USER digestbot
VOLUME /data
# Slack HTTP receiver (SLACK_PORT) and the operator endpoints (METRICS_PORT).
EXPOSE 3000 9464
# No curl in slim images: node asks /healthz (200 when the store answers and the bot runs).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.METRICS_PORT || '9464') + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/digestbot.js", "start"]
