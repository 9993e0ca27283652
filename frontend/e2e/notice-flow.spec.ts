import { expect, test, type Page, type Response } from '@playwright/test'
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
 * The notices issue end to end, three users in their own browser contexts:
 * the city federation's editor publishes a notice to the district federations, 渝中区妇联 signs for it
 * and re-issues it to its direct subordinates, 解放碑街道妇联 receives the re-issue.
 *
 * The three tests hand the notice on, so they run in order and stop at the first failure (serial).
 * Other files sign in as district_admin and township_admin too, possibly at the same moment on the
 * other worker: signIn serializes logins per user across workers (see support.ts).
 */
// Three sign-ins and two publishes: more than the default minute when both workers are busy.
test.describe.configure({ mode: 'serial', timeout: 90_000 })

const year = shanghaiNow().slice(0, 4)

/**
 * What the first tests hand to the later ones. The first test starts a new flow (a new unique title),
 * so a repeated run (--repeat-each) in the same worker never finds the previous run's notices.
 */
const flow = {
  suffix: '',
  title: '',
  forwardTitle: '',
  noticeId: '',
  docNumber: '',
  forwardId: '',
  forwardDocNumber: '',
}

function startFlow() {
  const suffix = uniqueSuffix()
  const title = `关于开展E2E巾帼活动的通知-${suffix}`
  Object.assign(flow, { suffix, title, forwardTitle: `关于转发《${title}》的通知` })
}

/** A tiny PDF: the server sniffs the content, so it must start as one. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
)

/** Picks an issuer code in the open publish dialog (skipped when it is the only one, preselected). */
async function publishWith(page: Page, code: string): Promise<Response> {
  const dialog = page.getByTestId('notice-publish-dialog')
  await expect(dialog).toBeVisible()
  // codes and recipients load together: once the count shows, a single code is preselected
  await expect(dialog.getByTestId('notice-publish-preview')).toBeVisible()
  const number = dialog.getByTestId('notice-publish-number')
  const preselected = (await number.isVisible()) && (await number.innerText()).includes(code)
  if (!preselected) {
    await dialog.getByTestId('notice-publish-code').click()
    const option = page.locator(`[data-testid="notice-publish-code-option"][data-code="${code}"]`)
    await option.click()
  }
  await expect(number).toContainText(code)
  await expect(dialog.getByTestId('notice-publish-confirm')).toBeVisible()
  const published = page.waitForResponse(api('POST', /^\/api\/v1\/notices\/[^/]+\/publish$/))
  await dialog.getByTestId('notice-publish-submit').click()
  const answer = await published
  expect(answer.status()).toBe(200)
  await expect(dialog).toBeHidden()
  return answer
}

test('市妇联 编辑 drafts a notice to the district federations and publishes it as 渝妇发', async ({
  browser,
}) => {
  startFlow()
  const page = await newPage(browser)
  await signIn(page, 'city_editor', '/notices')
  await expect(page.getByTestId('page-notices')).toBeVisible()

  await page.getByTestId('notice-create').click()
  await page.waitForURL('**/notices/new')
  await expect(page.getByTestId('page-notice-editor')).toBeVisible()
  await expect(page.getByTestId('notice-issuer')).toContainText(CITY.name)

  await test.step('fill the notice', async () => {
    await input(page, 'notice-title').fill(flow.title)
    await input(page, 'notice-theme').fill('巾帼建新功 E2E')
    await input(page, 'notice-mainTo').fill('各区县妇联')

    // the preset asks the server (debounced) what it resolves to: all the district federations
    const previewed = page.waitForResponse(api('POST', /^\/api\/v1\/notices\/recipients\/preview$/))
    await page.getByTestId('recipient-preset-districtFederations').click()
    const preview = (await (await previewed).json()) as { total: number; byLevel: Record<string, number> }
    expect(preview.total).toBeGreaterThanOrEqual(38) // 38 districts and counties, and the zones
    expect(preview.byLevel.DISTRICT).toBe(preview.total)
    await expect(page.getByTestId('recipient-preset-districtFederations')).toHaveClass(/is-checked/)
    await expect(page.getByTestId('recipient-preview-summary')).toHaveText(
      `共 ${preview.total} 个单位：妇联 ${preview.total}（区县 ${preview.total}）`,
    )
    await expect(page.getByTestId('recipient-preview-org').filter({ hasText: DISTRICT.name })).toHaveCount(1)

    const section = page.getByTestId('notice-section')
    await expect(section).toHaveCount(1)
    await input(section, 'notice-section-heading').fill('一、活动内容')
    await section.getByTestId('notice-section-body').locator('.ProseMirror').click()
    await page.keyboard.type('各区县妇联要结合实际，组织开展巾帼建功活动。')

    const uploaded = page.waitForResponse(api('POST', /^\/api\/v1\/files$/))
    await page.getByTestId('notice-attachment-input').setInputFiles({
      name: '活动方案.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    })
    expect((await uploaded).status()).toBe(201)
    await expect(page.getByTestId('notice-attachment')).toHaveCount(1)
    await expect(input(page, 'notice-attachment-title')).toHaveValue('活动方案')

    const deadline = shanghaiNow(10).slice(0, 10) + ' 17:00'
    const picker = input(page, 'notice-deadline')
    await picker.fill(deadline)
    await picker.press('Enter')
    await expect(picker).toHaveValue(deadline)
  })

  await test.step('save the draft', async () => {
    const created = page.waitForResponse(api('POST', /^\/api\/v1\/notices$/))
    await page.getByTestId('notice-save').click()
    const answer = await created
    expect(answer.status()).toBe(201)
    flow.noticeId = ((await answer.json()) as { id: string }).id
    await page.waitForURL(`**/notices/${flow.noticeId}/edit`)
    await expect(page.getByTestId('notice-dirty')).toHaveCount(0)
  })

  await test.step('publish with 渝妇发 and land on the official document', async () => {
    await page.getByTestId('notice-publish').click()
    const answer = await publishWith(page, '渝妇发')
    flow.docNumber = ((await answer.json()) as { docNumber: string }).docNumber
    expect(flow.docNumber).toMatch(new RegExp(`^渝妇发〔${year}〕[1-9]\\d*号$`))

    await page.waitForURL(`**/notices/${flow.noticeId}`)
    await expect(page.getByTestId('page-notice-detail')).toBeVisible()
    await expect(page.getByTestId('notice-status')).toHaveText('已发布')
    await expect(page.getByTestId('notice-doc-number')).toHaveText(flow.docNumber)
    const doc = page.getByTestId('official-document')
    await expect(doc.getByTestId('doc-issuer-mark')).toHaveText(`${CITY.name}文件`)
    await expect(doc.getByTestId('doc-number')).toHaveText(flow.docNumber)
    await expect(doc.getByTestId('doc-title')).toHaveText(flow.title)
    await expect(doc.getByTestId('doc-main-to')).toHaveText('各区县妇联：')
    await expect(doc.getByTestId('doc-section-heading')).toHaveText('一、活动内容')
    await expect(doc.getByTestId('doc-attachment')).toHaveText(['活动方案'])
    await expect(doc.getByTestId('doc-watermark')).toHaveCount(0)
  })
  await page.context().close()
})

test('渝中区妇联 signs for it in 收文 and re-issues it to its direct subordinates as 渝中妇发', async ({
  browser,
}) => {
  const page = await newPage(browser)
  await signIn(page, 'district_admin', '/inbox')
  await openFromInbox(page, flow.suffix, flow.title)

  await test.step('the receipt shows the official document; sign for it', async () => {
    await expect(page.getByTestId('doc-number')).toHaveText(flow.docNumber)
    await expect(page.getByTestId('doc-title')).toHaveText(flow.title)
    await expect(page.getByTestId('receipt-signed')).toHaveText('未签收')

    await page.getByTestId('receipt-sign').click()
    const box = page.getByRole('dialog').filter({ hasText: flow.title })
    await expect(box).toBeVisible()
    const signed = page.waitForResponse(api('POST', /^\/api\/v1\/inbox\/[^/]+\/sign$/))
    await box.getByRole('button', { name: '签收' }).click()
    expect((await signed).status()).toBe(200)
    await expect(page.getByTestId('receipt-signed')).toContainText('已签收')
    await expect(page.getByTestId('receipt-signed')).toContainText('district_admin')
    await expect(page.getByTestId('receipt-sign')).toHaveCount(0)
  })

  await test.step('转发 opens a prefilled draft', async () => {
    const forwarded = page.waitForResponse(api('POST', /^\/api\/v1\/inbox\/[^/]+\/forward$/))
    await page.getByTestId('receipt-forward').click()
    const answer = await forwarded
    expect(answer.status()).toBe(201)
    flow.forwardId = ((await answer.json()) as { id: string }).id
    await page.waitForURL(`**/notices/${flow.forwardId}/edit`)
    await expect(page.getByTestId('page-notice-editor')).toBeVisible()

    await expect(page.getByTestId('notice-parent')).toContainText(`转发自：${CITY.name} ${flow.docNumber}`)
    await expect(input(page, 'notice-title')).toHaveValue(flow.forwardTitle)
    await expect(page.getByTestId('notice-issuer')).toContainText(DISTRICT.name)
    await expect(page.getByTestId('recipient-preset-directChildren')).toHaveClass(/is-checked/)
    await expect(page.getByTestId('recipient-preview-summary')).toHaveText(/^共 \d+ 个单位：/)
    await expect(page.getByTestId('recipient-preview-org').filter({ hasText: TOWNSHIP.name })).toHaveCount(1)
    await expect(page.getByTestId('notice-attachment')).toHaveCount(1)
  })

  await test.step('save and publish with 渝中妇发', async () => {
    await input(page, 'notice-mainTo').fill('各街道妇联')
    const saved = page.waitForResponse(api('PUT', new RegExp(`^/api/v1/notices/${flow.forwardId}$`)))
    await page.getByTestId('notice-save').click()
    expect((await saved).status()).toBe(200)
    await expect(page.getByTestId('notice-dirty')).toHaveCount(0)

    await page.getByTestId('notice-publish').click()
    const answer = await publishWith(page, '渝中妇发')
    flow.forwardDocNumber = ((await answer.json()) as { docNumber: string }).docNumber
    expect(flow.forwardDocNumber).toMatch(new RegExp(`^渝中妇发〔${year}〕[1-9]\\d*号$`))

    await page.waitForURL(`**/notices/${flow.forwardId}`)
    await expect(page.getByTestId('notice-doc-number')).toHaveText(flow.forwardDocNumber)
    await expect(page.getByTestId('doc-issuer-mark')).toHaveText(`${DISTRICT.name}文件`)
    await expect(page.getByTestId('notice-parent-link')).toContainText(flow.docNumber)
  })
  await page.context().close()
})

test('解放碑街道妇联 receives the re-issue with the district’s 发文字号 and its lineage', async ({
  browser,
}) => {
  const page = await newPage(browser)
  await signIn(page, 'township_admin', '/inbox')
  // only the re-issue reached the township: the city sent to the district federations
  await openFromInbox(page, flow.suffix, flow.forwardTitle)

  const doc = page.getByTestId('official-document')
  await expect(doc.getByTestId('doc-issuer-mark')).toHaveText(`${DISTRICT.name}文件`)
  await expect(doc.getByTestId('doc-number')).toHaveText(flow.forwardDocNumber)
  await expect(doc.getByTestId('doc-title')).toHaveText(flow.forwardTitle)
  await expect(doc.getByTestId('doc-main-to')).toHaveText('各街道妇联：')
  await expect(page.getByTestId('receipt-signed')).toHaveText('未签收')

  // the notice page shows where it came from
  await page.goto(`/notices/${flow.forwardId}`)
  await expect(page.getByTestId('page-notice-detail')).toBeVisible()
  await expect(page.getByTestId('notice-doc-number')).toHaveText(flow.forwardDocNumber)
  await expect(page.getByTestId('notice-parent-link')).toContainText(`${flow.docNumber} · ${CITY.name}`)
  await page.context().close()
})
