import { defineConfig } from '@playwright/test'

/**
 * Browser tests (e2e/) against the real stack: the packaged backend serving the built SPA on :8080 and
 * Keycloak on :8180 with the jinguo realm. `make test-e2e` (scripts/e2e.sh) starts both on a fresh
 * database, runs these tests and stops both; with both already running, `npx playwright test` is enough.
 *
 * The browser is Debian's chromium (`apt-get install chromium`); Playwright never downloads one here
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 */
const baseURL = process.env.JINGUO_BASE_URL ?? 'http://localhost:8080'
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  // Each test signs in on its own and creates data with unique codes and titles, so files run side by side.
  // Two workers may sign in as the same demo user: signIn (e2e/support.ts) serializes the logins of one
  // user across workers, as Keycloak locks a user logging in twice at once. That keeps the suite parallel
  // (1.2 min instead of 1.4 min with workers: 1 on 2 CPUs, more as files are added) without ordering files.
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
})
