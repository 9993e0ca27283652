import { deflateSync } from 'node:zlib'
import { expect, test, type Page } from '@playwright/test'
import {
  CITY,
  DISTRICT,
  TOWNSHIP,
  api,
  input,
  newPage,
  openFromInbox,
  shanghaiNow,
  signIn,
  uniqueSuffix,
} from './support'

/**
 * The reports issue end to end (备案 · 报送 · 审核 · 督办), four users in their own browser contexts:
 * 重庆市妇联 publishes a notice to the district federations; 渝中区妇联 re-issues it to its streets;
 * 解放碑街道妇联 reports an activity with two photos; 渝中区妇联 accepts it and includes it in its own report
 * to the city; 重庆市妇联 sees the street's activity in the district's package and accepts it. Both 督办 pages
 * are read before and after, so the completion counts are seen changing.
 *
 * Publishing and re-issuing go through the API with the signed-in user's own token (the notice flow's
 * browser test covers those screens); every reporting and reviewing step is done on the screens.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const flow = { suffix: '', title: '', forwardTitle: '', noticeId: '', forwardId: '', entryTitle: '' }

// ---- the API with the signed-in user's token -----------------------------------------------------

/** The access token the SPA holds (oidc-client-ts keeps it in sessionStorage). */
async function bearer(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (const key of Object.keys(window.sessionStorage))
      if (key.startsWith('oidc.user:'))
        return (JSON.parse(window.sessionStorage.getItem(key) ?? '{}') as { access_token?: string })
          .access_token
    return undefined
  })
  expect(token, 'the SPA holds an access token').toBeTruthy()
  return token as string
}

async function call<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: { Authorization: `Bearer ${await bearer(page)}` },
  })
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true)
  return (await response.json()) as T
}

/** The id of the caller's org with `code` (from GET /me). */
async function myOrgId(page: Page, code: string): Promise<string> {
  const me = await call<{ memberships: { orgId: string; orgCode: string }[] }>(page, 'GET', '/api/v1/me')
  const membership = me.memberships.find((m) => m.orgCode === code)
  expect(membership, `a membership in ${code}`).toBeTruthy()
  return membership!.orgId
}

/** Publishes the draft with the org's first active 机关代字. */
async function publish(page: Page, noticeId: string, orgId: string): Promise<void> {
  const codes = await call<{ id: string; active: boolean }[]>(
    page,
    'GET',
    `/api/v1/issuer-codes?orgId=${orgId}`,
  )
  const code = codes.find((c) => c.active)
  expect(code, 'an active 机关代字').toBeTruthy()
  await call(page, 'POST', `/api/v1/notices/${noticeId}/publish`, { issuerCodeId: code!.id })
}

// ---- photos --------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A real 48×32 PNG of one colour (the server decodes and re-encodes every photo; colours keep files distinct). */
function png(r: number, g: number, b: number): Buffer {
  const width = 48
  const height = 32
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat()),
  ])
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ---- screens -------------------------------------------------------------------------------------

/** Opens 督办 for the notice and returns the value of each summary card. */
interface Counts {
  expected: number
  signed: number
  submitted: number
  missing: number
  accepted: number
}

async function trackingCounts(page: Page, noticeId: string): Promise<Counts> {
  const loaded = page.waitForResponse(api('GET', new RegExp(`^/api/v1/notices/${noticeId}/tracking$`)))
  await page.goto(`/supervision?notice=${noticeId}`)
  expect((await loaded).status()).toBe(200)
  const summary = page.getByTestId('supervision-summary')
  await expect(summary).toBeVisible()
  const card = async (key: keyof Counts) =>
    Number(
      await summary.getByTestId(`supervision-card-${key}`).getByTestId('supervision-card-value').innerText(),
    )
  return {
    expected: await card('expected'),
    signed: await card('signed'),
    submitted: await card('submitted'),
    missing: await card('missing'),
    accepted: await card('accepted'),
  }
}

/** Opens the package awaiting the caller's review that `org` sent for the notice. */
async function openForReview(page: Page, noticeId: string, orgName: string): Promise<void> {
  const listed = page.waitForResponse(api('GET', /^\/api\/v1\/submissions$/))
  await page.goto(`/submissions?tab=review&noticeId=${noticeId}`)
  expect((await listed).status()).toBe(200)
  const row = page.getByTestId('submission-table').locator('.el-table__row').filter({ hasText: orgName })
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('submission-row-status')).toHaveText('待审核')
  await row.click()
  await expect(page.getByTestId('page-submission-detail')).toBeVisible()
  await expect(page.getByTestId('submission-status')).toHaveText('待审核')
}

async function accept(page: Page): Promise<void> {
  await page.getByTestId('submission-accept').click()
  const box = page.getByRole('dialog').filter({ hasText: '确认采用' })
  await expect(box).toBeVisible()
  const reviewed = page.waitForResponse(api('POST', /^\/api\/v1\/submissions\/[^/]+\/review$/))
  await box.getByRole('button', { name: '采用' }).click()
  expect((await reviewed).status()).toBe(200)
  await expect(page.getByTestId('submission-status')).toHaveText('已采用')
  await expect(page.getByTestId('submission-accept')).toHaveCount(0)
}

async function submit(page: Page): Promise<void> {
  await page.getByTestId('submission-submit').click()
  const box = page.getByRole('dialog').filter({ hasText: '确认报送' })
  await expect(box).toBeVisible()
  const submitted = page.waitForResponse(api('POST', /^\/api\/v1\/submissions\/[^/]+\/submit$/))
  await box.getByRole('button', { name: '报送' }).click()
  expect((await submitted).status()).toBe(200)
  await expect(page.getByTestId('submission-status')).toHaveText('待审核')
  await expect(page.getByTestId('submission-submit')).toHaveCount(0)
}

/** From the receipt of the notice in 收文, opens (or starts) the org's package. */
async function openPackage(page: Page, rowTitle: string): Promise<void> {
  await openFromInbox(page, flow.suffix, rowTitle)
  await page.getByTestId('receipt-submission-open').click()
  await page.waitForURL(/\/submissions\/[^/]+$/)
  await expect(page.getByTestId('page-submission-detail')).toBeVisible()
  await expect(page.getByTestId('submission-status')).toHaveText('草稿')
}

// ---- the loop ------------------------------------------------------------------------------------

test('重庆市妇联 publishes a notice asking for two photos; 督办 shows nobody has reported', async ({
  browser,
}) => {
  const suffix = uniqueSuffix()
  Object.assign(flow, {
    suffix,
    title: `关于报送“巾帼心向党”活动情况的通知-${suffix}`,
    entryTitle: `解放碑街道“巾帼心向党”主题宣讲-${suffix}`,
  })
  const page = await newPage(browser)
  await signIn(page, 'city_admin', '/supervision')
  const city = await myOrgId(page, CITY.code)

  const draft = await call<{ id: string }>(page, 'POST', '/api/v1/notices', {
    issuerOrgId: city,
    title: flow.title,
    theme: '巾帼心向党',
    mainTo: '各区县妇联',
    sections: [{ heading: '一、报送要求', html: '<p>请于截止时间前报送活动信息和至少两张照片。</p>' }],
    recipients: { groups: [{ type: 'FEDERATION', level: 'DISTRICT' }] },
    deadline: `${shanghaiNow(10).slice(0, 10)}T17:00:00+08:00`,
    requirements: {
      items: { summary: false, minPhotos: 2, video: false, article: false, newMediaLink: false },
    },
  })
  flow.noticeId = draft.id
  await publish(page, flow.noticeId, city)

  const counts = await trackingCounts(page, flow.noticeId)
  expect(counts.expected).toBeGreaterThanOrEqual(38) // the district federations
  expect(counts).toMatchObject({ signed: 0, submitted: 0, accepted: 0, missing: counts.expected })
  await page.context().close()
})

test('渝中区妇联 signs for it and re-issues it to its streets', async ({ browser }) => {
  const page = await newPage(browser)
  await signIn(page, 'district_admin', '/inbox')
  const district = await myOrgId(page, DISTRICT.code)
  const receipt = await call<{ items: { id: string }[] }>(
    page,
    'GET',
    `/api/v1/inbox?q=${encodeURIComponent(flow.suffix)}`,
  )
  expect(receipt.items).toHaveLength(1)
  await call(page, 'POST', `/api/v1/inbox/${receipt.items[0]!.id}/sign`)
  const forward = await call<{ id: string; title: string }>(
    page,
    'POST',
    `/api/v1/inbox/${receipt.items[0]!.id}/forward`,
  )
  Object.assign(flow, { forwardId: forward.id, forwardTitle: forward.title })
  await publish(page, flow.forwardId, district)

  const counts = await trackingCounts(page, flow.forwardId)
  expect(counts.expected).toBeGreaterThan(0)
  expect(counts).toMatchObject({ submitted: 0, accepted: 0 })
  await page.context().close()
})

test('解放碑街道妇联 reports an activity with two photos', async ({ browser }) => {
  const page = await newPage(browser)
  await signIn(page, 'township_admin', '/inbox')
  await openPackage(page, flow.forwardTitle)

  await test.step('submitting an empty package names what is missing and changes nothing', async () => {
    await page.getByTestId('submission-submit').click()
    const box = page.getByRole('dialog').filter({ hasText: '确认报送' })
    const refused = page.waitForResponse(api('POST', /^\/api\/v1\/submissions\/[^/]+\/submit$/))
    await box.getByRole('button', { name: '报送' }).click()
    expect((await refused).status()).toBe(422)
    await expect(page.getByTestId('submission-status')).toHaveText('草稿')
    await expect(page.getByTestId('submission-missing-count')).toBeVisible()
  })

  await test.step('one activity with its details and two photos', async () => {
    await page.getByTestId('submission-add-entry').click()
    const entry = page.getByTestId('submission-entry')
    await expect(entry).toHaveCount(1)
    await input(entry, 'submission-entry-title-input').fill(flow.entryTitle)
    // the date picker's input is a combobox named by its label (the test id stays on the picker's wrapper)
    const heldOn = entry.getByRole('combobox', { name: '开始日期' })
    await heldOn.fill(shanghaiNow(-1).slice(0, 10))
    await heldOn.press('Enter')
    await input(entry, 'submission-entry-location').fill('解放碑新时代文明实践站')
    await input(entry, 'submission-entry-participants').fill('86')
    await input(entry, 'submission-entry-summary').fill(
      '组织辖区妇女群众86人参加主题宣讲，讲述巾帼奋斗故事。',
    )

    for (const [name, colour] of [
      ['宣讲现场.png', [200, 40, 60]],
      ['合影.png', [30, 120, 200]],
    ] as const) {
      const uploaded = page.waitForResponse(api('POST', /^\/api\/v1\/files$/))
      await entry.getByTestId('media-photo-input').setInputFiles({
        name,
        mimeType: 'image/png',
        buffer: png(colour[0], colour[1], colour[2]),
      })
      expect((await uploaded).status()).toBe(201)
    }
    await expect(entry.getByTestId('media-photo-item')).toHaveCount(2)
    await expect(entry.getByTestId('media-photo-item').locator('img')).toHaveCount(2)
  })

  await test.step('报送: saved, then submitted for the district’s review', async () => {
    const saved = page.waitForResponse(api('PUT', /^\/api\/v1\/submissions\/[^/]+$/))
    await submit(page)
    expect((await saved).status()).toBe(200)
    await expect(page.getByTestId('submission-entry-title')).toHaveText(flow.entryTitle)
  })
  await page.context().close()
})

test('渝中区妇联 accepts the street’s report and includes its activity in its own report to the city', async ({
  browser,
}) => {
  const page = await newPage(browser)
  await signIn(page, 'district_admin', '/submissions')

  const before = await trackingCounts(page, flow.forwardId)
  expect(before).toMatchObject({ submitted: 1, accepted: 0 })

  await test.step('审核: the street’s package, its activity and photos, accepted', async () => {
    await openForReview(page, flow.forwardId, TOWNSHIP.name)
    const entry = page.getByTestId('submission-entry')
    await expect(entry.getByTestId('submission-entry-title')).toHaveText(flow.entryTitle)
    await expect(entry.getByTestId('media-photo-item')).toHaveCount(2)
    await accept(page)
  })

  const after = await trackingCounts(page, flow.forwardId)
  expect(after).toMatchObject({ submitted: 1, accepted: 1, missing: before.missing })

  await test.step('汇总下级: the accepted activity goes into the district’s own package', async () => {
    await page.goto('/inbox')
    await openPackage(page, flow.title)
    await page.getByTestId('submission-include').click()
    const dialog = page.getByTestId('submission-include-dialog')
    await expect(dialog).toBeVisible()
    const row = dialog.locator('.el-table__row').filter({ hasText: flow.entryTitle })
    await expect(row).toHaveCount(1)
    await expect(row).toContainText(TOWNSHIP.name)
    await row.locator('.el-checkbox').click()
    await dialog.getByTestId('submission-include-confirm').click()
    await expect(dialog).toBeHidden()

    const entry = page.getByTestId('submission-entry')
    await expect(entry).toHaveCount(1)
    await expect(entry.getByTestId('submission-entry-included')).toBeVisible()
    await expect(entry.getByTestId('submission-entry-origin')).toContainText(TOWNSHIP.name)
    await submit(page)
  })
  await page.context().close()
})

test('重庆市妇联 sees the street’s activity in the district’s report and accepts it', async ({ browser }) => {
  const page = await newPage(browser)
  await signIn(page, 'city_admin', '/submissions')

  const before = await trackingCounts(page, flow.noticeId)
  expect(before).toMatchObject({ signed: 1, submitted: 1, accepted: 0, missing: before.expected - 1 })

  await openForReview(page, flow.noticeId, DISTRICT.name)
  const entry = page.getByTestId('submission-entry')
  await expect(entry).toHaveCount(1)
  await expect(entry.getByTestId('submission-entry-title')).toHaveText(flow.entryTitle)
  await expect(entry.getByTestId('submission-entry-origin')).toContainText(TOWNSHIP.name)
  await expect(entry.getByTestId('media-photo-item').locator('img')).toHaveCount(2)
  await accept(page)

  const after = await trackingCounts(page, flow.noticeId)
  expect(after).toMatchObject({ submitted: 1, accepted: 1, missing: before.missing })
  await page.context().close()
})
