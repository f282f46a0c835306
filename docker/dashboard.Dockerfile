# The dashboard: its static build served by nginx under the same Content-Security-Policy the gateway gives it.
# Build from the repository root:
#   docker build -f docker/dashboard.Dockerfile -t sahayog-dashboard .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/gateway/package.json packages/gateway/
COPY packages/testing/package.json packages/testing/
COPY packages/dashboard/package.json packages/dashboard/
COPY packages/bench/package.json packages/bench/
RUN npm ci --no-audit --no-fund
COPY packages/dashboard packages/dashboard
RUN npm run build -w @sahayog/dashboard

FROM nginx:1.27
COPY docker/dashboard.nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/packages/dashboard/dist /usr/share/nginx/html
EXPOSE 8080
