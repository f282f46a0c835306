# The gateway image. Build from the repository root:
#   docker build -f docker/gateway.Dockerfile -t sahayog-gateway .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/gateway/package.json packages/gateway/
COPY packages/testing/package.json packages/testing/
COPY packages/dashboard/package.json packages/dashboard/
COPY packages/bench/package.json packages/bench/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY packages packages
RUN npx tsc -b packages/core packages/gateway && npm prune --omit=dev

FROM node:20-bookworm-slim
# V8 grows the heap lazily on a large machine (400 MB resident under load); capped, a replica stays near 150 MB
# resident at the same throughput (packages/bench).
ENV NODE_ENV=production PORT=4000 NODE_OPTIONS=--max-old-space-size=256
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages/core/package.json /app/packages/core/schema.graphql packages/core/
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/packages/gateway/package.json packages/gateway/
COPY --from=build /app/packages/gateway/dist packages/gateway/dist
USER node
EXPOSE 4000
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "packages/gateway/dist/cli.js", "serve"]
