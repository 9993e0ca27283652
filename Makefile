# Jinguo (巾帼) — `make help` lists the targets. Everything runs on loopback; see scripts/ for the details.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

MVNW := $(if $(wildcard backend/mvnw),./mvnw,mvn)
MVN := cd backend && $(MVNW) -B -ntp
# Playwright drives Debian's chromium (/usr/bin/chromium); it never downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: help run build test test-backend test-frontend test-e2e cookbook bench openapi lint lint-backend lint-frontend \
        lint-scripts fetch keycloak realm-check status stop clean frontend-deps

help: ## Show the targets
	@echo "Jinguo 巾帼 — make <target>"
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: ## Build (if changed) and start Keycloak + the app on http://localhost:8080; Ctrl-C stops both
	@bash scripts/run.sh

build: ## Package the backend jar with the SPA built in (skipped when sources are unchanged)
	@bash scripts/backend.sh build

test: ## All tests: backend, frontend unit, then browser end-to-end
	@$(MAKE) test-backend
	@$(MAKE) test-frontend
	@$(MAKE) test-e2e

test-backend: ## Backend unit and integration tests (mvn verify; also packages the jar)
	@bash scripts/backend.sh build verify

test-frontend: frontend-deps ## Frontend checks and unit tests: API types fresh, contract lint (Redocly), ESLint, Prettier, vue-tsc, Vitest
	cd frontend && npm run check:api && npm run lint:api && npm run lint && npm run type-check && npm test

test-e2e: frontend-deps ## Browser tests (Playwright, chromium) on Keycloak + the jar, fresh database (E2E_ARGS=...)
	@bash scripts/e2e.sh $(E2E_ARGS)

cookbook: ## Run the curl cookbook of docs/api.md against the running platform (make run); make test runs it too
	@bash scripts/cookbook.sh

bench: ## Latency benchmarks: org tree on 20,000 orgs, publish to 5,000, inbox of 2,000, tracking, submissions and statistics of a notice to 5,000 with 1,000,000 entries, the feed and webhooks (tag "benchmark"; not in make test)
	$(MVN) test '-Dtest=*Benchmark' -Dtest.excludedGroups= -Dspotless.check.skip=true -Dquarkus.hibernate-orm.statistics=true \
	  $(if $(BENCH_PGDATA),-Djinguo.test.pgdata=$(BENCH_PGDATA))

openapi: frontend-deps ## Regenerate openapi/openapi.yaml from the code, then the SPA's API types from it
	$(MVN) -q package -DskipTests -Dquarkus.quinoa=false
	@rm -f .run/backend-build.sha # that jar has no SPA: the next build must not be skipped
	cd frontend && npm run gen:api

lint: lint-backend lint-frontend lint-scripts ## All linters and format checks

lint-backend: ## Backend checks bound to Maven's validate phase (formatter, linters)
	$(MVN) -q validate

lint-frontend: frontend-deps ## ESLint, Prettier and vue-tsc on the SPA
	cd frontend && npm run lint && npm run type-check

lint-scripts: ## shellcheck on scripts/ and .ci/run; the realm file is valid JSON
	@if command -v shellcheck >/dev/null; then shellcheck -x scripts/*.sh .ci/run; \
	  else echo "shellcheck not installed (apt-get install shellcheck): skipped"; fi
	@python3 -m json.tool deploy/keycloak/jinguo-realm.json >/dev/null 2>&1 || jq empty deploy/keycloak/jinguo-realm.json

fetch: ## Download Keycloak 26.4.2 into .run/ (once)
	@bash scripts/keycloak.sh fetch

keycloak: ## Start only Keycloak on http://localhost:8180 (for quarkus:dev or the Vite dev server)
	@bash scripts/keycloak.sh start

realm-check: ## Check the running Keycloak: clients, demo logins, token claims and audience
	@bash scripts/realm-check.sh

status: ## Is the backend / Keycloak running?
	@bash scripts/backend.sh status || true
	@bash scripts/keycloak.sh status || true

stop: ## Stop the backend and Keycloak
	@bash scripts/backend.sh stop
	@bash scripts/keycloak.sh stop

clean: stop ## Stop everything, remove build output and .run/ (demo database, Keycloak, logs)
	rm -rf .run backend/target frontend/dist frontend/test-results frontend/playwright-report

frontend-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@
