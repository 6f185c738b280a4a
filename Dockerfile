# syntax=docker/dockerfile:1
# TrailRoom production image: the Next.js standalone server on Node 22, as a
# non-root user. No secrets are baked in: every setting (lib/env.ts) comes from
# the environment at run time; `next build` needs none (lib/env.ts validates
# production requirements when the server starts, not while building).
#
#   docker build -t trailroom .
#   docker run --env-file .env.production -p 3000:3000 trailroom
#
# See docker-compose.yml for the full stack and README "Deploying" for the variables.

ARG NODE_IMAGE=node:22-slim

# --- 1. dependencies (cached until package*.json change) ---------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc ./
# --ignore-scripts: no install script is needed to build (sharp and the SWC
# compiler come as prebuilt optional packages); it also skips the
# mongodb-memory-server download that only tests use.
RUN npm ci --ignore-scripts --no-audit --no-fund

# --- 2. build -------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build \
 && mkdir -p public

# --- 3. runtime -----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
# The standalone output holds server.js and only the node_modules it traced
# (sharp's prebuilt libvips included); static assets are served from beside it.
# The code stays root-owned (read-only to the server); only Next's cache is writable.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p .next/cache && chown 1000:1000 .next/cache
# The `node` user (uid/gid 1000) ships with the official image; numeric, so
# Kubernetes runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 3000
# Readiness: 200 once the database answers (503 otherwise). Node's fetch: the slim image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node as PID 1 with exec form, so SIGTERM reaches the server for a clean shutdown.
CMD ["node", "server.js"]
