import { mkdir, readFile, rmdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, type Browser, type Locator, type Page, type Response } from '@playwright/test'

/** Password of every demo user in deploy/keycloak/jinguo-realm.json. */
export const DEMO_PASSWORD = 'jinguo2024'

export const KEYCLOAK_URL = process.env.JINGUO_KEYCLOAK_URL ?? 'http://localhost:8180'
const REALM_URL = `${KEYCLOAK_URL}/realms/jinguo/`

/** Demo orgs (backend DemoTree: stable codes and names). */
export const CITY = { code: '500000', name: '重庆市妇女联合会', label: '重庆市妇联' }
export const DISTRICT = { code: '500103', name: '渝中区妇女联合会', label: '渝中区妇联' }
export const TOWNSHIP = { code: '500103001', name: '解放碑街道妇女联合会', label: '解放碑街道妇联' }

/** A suffix that makes codes and names unique per run, so tests never depend on a fresh database. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`.toUpperCase()
}

/** Waits for Keycloak's login form (the SPA sends the browser there when no one is signed in). */
export async function expectKeycloakLogin(page: Page): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(REALM_URL))
  await expect(page.locator('#username')).toBeVisible()
  await expect(page.locator('#password')).toBeVisible()
}

/** Where the workers of a run agree on who is signing in (one directory per demo user). */
const LOGIN_LOCKS = join(tmpdir(), 'jinguo-e2e-logins')
/** Time between two logins of the same user, from the end of one to the start of the next. */
const LOGIN_GAP_MS = 1_500
/** A lock older than this was left by a killed worker. */
const STALE_LOCK_MS = 30_000

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `login` while no other worker signs in as `username`, and at least LOGIN_GAP_MS after the
 * last login of that user by any worker. Keycloak (brute-force protection on, as in production) takes
 * concurrent or back-to-back logins of one user for an attack and locks the user for a minute.
 * The lock is a directory (mkdir is atomic across processes) beside a file with the time of the
 * user's last login.
 */
async function withLoginLock(username: string, login: () => Promise<void>): Promise<void> {
  await mkdir(LOGIN_LOCKS, { recursive: true })
  const lock = join(LOGIN_LOCKS, `${username}.lock`)
  const last = join(LOGIN_LOCKS, `${username}.last`)
  for (;;) {
    try {
      await mkdir(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const since = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      )
      if (since > STALE_LOCK_MS) await rmdir(lock).catch(() => undefined)
      else await pause(100)
    }
  }
  try {
    const previous = Number(await readFile(last, 'utf8').catch(() => '0')) || 0
    const wait = previous + LOGIN_GAP_MS - Date.now()
    if (wait > 0) await pause(wait)
    await login()
  } finally {
    await writeFile(last, String(Date.now()))
    await rmdir(lock).catch(() => undefined)
  }
}

/**
 * Opens `path` of the SPA, signs in through Keycloak's own login form and waits until the SPA is back
 * on `path` with the user's profile (GET /me) loaded.
 *
 * Keycloak's brute-force protection takes two logins of the same user within a second (or at once) for
 * an attack and locks that user for a minute. So the login itself (submit → back in the SPA) runs under
 * a per-user lock shared by all workers (withLoginLock): specs may sign in as the same demo user from
 * files that run side by side. Tests of one file that share data still run in order
 * (`test.describe.configure({ mode: 'default' | 'serial' })`).
 */
export async function signIn(page: Page, username: string, path = '/'): Promise<void> {
  await page.goto(path)
  await expectKeycloakLogin(page)
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await withLoginLock(username, async () => {
    await page.locator('#kc-login').click()
    // Keycloak → /auth/callback (code exchange) → back to `path`
    await page.waitForURL((url) => !url.href.startsWith(KEYCLOAK_URL) && !url.pathname.startsWith('/auth/'))
  })
  await expect(page.getByTestId('logout-button')).toBeVisible()
}

/** A text input or textarea by test id (Element Plus puts the id on the <input> or on its wrapper). */
export function input(page: Page | Locator, testId: string): Locator {
  const id = `[data-testid="${testId}"]`
  return page.locator(`input${id}, textarea${id}, ${id} input, ${id} textarea`).first()
}

/** Picks an option of a plain (non-filterable) el-select; the options live in a popper on <body>. */
export async function choose(page: Page, selectTestId: string, optionTestId: string): Promise<void> {
  await page.getByTestId(selectTestId).click()
  const option = page.getByTestId(optionTestId)
  await expect(option).toBeVisible()
  await option.click()
  await expect(option).toBeHidden()
}

// ---- org page ----------------------------------------------------------------------------------

export function treeNode(page: Page, code: string): Locator {
  return page.locator(`[data-testid="org-tree-node"][data-org-code="${code}"]`)
}

/** The top-level nodes of the org tree (the roots of the caller's scope). */
export function treeRoots(page: Page): Locator {
  return page.locator(
    '[data-testid="org-tree"] > [role="treeitem"] > .el-tree-node__content [data-testid="org-tree-node"]',
  )
}

/** Code of the org under which `code` is shown in the tree ('' for a root, null when not shown). */
export function treeParentCode(page: Page, code: string): Promise<string | null> {
  return treeNode(page, code)
    .first()
    .evaluate((el) => {
      const item = el.closest('[role="treeitem"]')
      const parentItem = item?.parentElement?.closest('[role="treeitem"]')
      if (!parentItem) return ''
      const content = parentItem.querySelector(
        ':scope > .el-tree-node__content [data-testid="org-tree-node"]',
      )
      return content?.getAttribute('data-org-code') ?? null
    })
    .catch(() => null)
}

/** Resolves with the next answer of GET /api/v1/orgs?q=… (the search box and the move dialog use it). */
export function orgSearchResponse(page: Page, q: string): Promise<Response> {
  return page.waitForResponse((r) => {
    const url = new URL(r.url())
    return (
      r.request().method() === 'GET' && url.pathname === '/api/v1/orgs' && url.searchParams.get('q') === q
    )
  })
}

/** Types into the org search box and waits for the answer; returns the result rows. */
export async function searchOrgs(page: Page, q: string): Promise<Locator> {
  const box = input(page, 'org-search-input')
  await box.fill('')
  const answered = orgSearchResponse(page, q)
  await box.fill(q)
  expect((await answered).status()).toBe(200)
  const results = page.getByTestId('org-search-results')
  await expect(results).toBeVisible()
  await expect(results.locator('.el-loading-mask')).toHaveCount(0)
  return page.getByTestId('org-search-result')
}

/** Opens the org page and waits until the tree shows its roots. */
export async function openOrgTree(page: Page): Promise<void> {
  if (new URL(page.url()).pathname !== '/orgs') await page.goto('/orgs')
  await expect(page.getByTestId('page-orgs')).toBeVisible()
  await expect(treeRoots(page).first()).toBeVisible()
}

/** Selects an org in the tree and waits for its detail. */
export async function selectInTree(page: Page, code: string): Promise<void> {
  await treeNode(page, code).click()
  await expect(page.getByTestId('org-field-code')).toHaveText(code)
}

/** Opens the children of an org in the tree (no-op when already open). */
export async function expandInTree(page: Page, code: string): Promise<void> {
  const item = page
    .locator('[role="treeitem"]')
    .filter({ has: treeNode(page, code) })
    .last()
  if ((await item.getAttribute('aria-expanded')) !== 'true') {
    await item.locator(':scope > .el-tree-node__content .el-tree-node__expand-icon').click()
  }
  await expect(item).toHaveAttribute('aria-expanded', 'true')
}

// ---- shared by the flows ----------------------------------------------------------------------

/** Shanghai wall clock 'YYYY-MM-DD HH:mm', `days` from now. */
export function shanghaiNow(days = 0): string {
  const parts: Record<string, string> = {}
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  for (const p of format.formatToParts(new Date(Date.now() + days * 86_400_000))) parts[p.type] = p.value
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

/** Matches the answer of one API call (method and path pattern) for page.waitForResponse. */
export function api(method: string, pattern: RegExp): (r: Response) => boolean {
  return (r) => r.request().method() === method && pattern.test(new URL(r.url()).pathname)
}

/** A page in a browser context of its own (its own sign-in). */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  return context.newPage()
}

/** Searches the inbox for `q` and opens the receipt whose title is `rowTitle`. */
export async function openFromInbox(page: Page, q: string, rowTitle: string): Promise<void> {
  await expect(page.getByTestId('page-inbox')).toBeVisible()
  const searched = page.waitForResponse(
    (r) => api('GET', /^\/api\/v1\/inbox$/)(r) && new URL(r.url()).searchParams.get('q') === q,
  )
  await input(page, 'inbox-search').fill(q)
  await page.getByTestId('inbox-search-button').click()
  expect((await searched).status()).toBe(200)
  const rows = page.getByTestId('inbox-title')
  await expect(rows).toHaveText([rowTitle])
  const opened = page.waitForResponse(api('GET', /^\/api\/v1\/inbox\/[^/]+$/))
  await rows.first().click()
  expect((await opened).status()).toBe(200)
  await expect(page.getByTestId('page-inbox-receipt')).toBeVisible()
}
