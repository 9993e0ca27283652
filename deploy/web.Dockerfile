# The web image: nginx (non-root, port 8080) serving the SPA, built here from frontend/, and proxying /api and
# /q to the backend.    docker build -f deploy/web.Dockerfile -t jinguo-web:0.1.0 .
# Environment: JINGUO_BACKEND (host:port of the backend), JINGUO_KEYCLOAK_ORIGIN (for the CSP); see nginx/jinguo.conf.
FROM node:20-bookworm-slim AS build
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM nginxinc/nginx-unprivileged:1.28-alpine
ENV JINGUO_BACKEND=jinguo-backend:8080 \
    JINGUO_KEYCLOAK_ORIGIN=http://localhost:8180
# The image's entrypoint substitutes the environment into templates/*.template -> conf.d/*.
COPY deploy/nginx/jinguo.conf /etc/nginx/templates/default.conf.template
COPY --from=build /src/frontend/dist/ /usr/share/nginx/html/
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
