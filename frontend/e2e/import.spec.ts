import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { CITY, api, input, newPage, signIn, uniqueSuffix } from './support'

/**
 * 导入公文 end to end: the city federation's editor pastes the real notice of sample 001 (市妇联's 三八 notice)
 * into a new notice, checks what was read beside the highlighted source, corrects the title, fills the form
 * and saves the draft with the editor's own button; the draft is then in the notice list.
 */

const SAMPLE_001 = fileURLToPath(
  new URL('../../backend/src/test/resources/demo/samples/001_9759484eb8eccdb6.txt', import.meta.url),
)
/** As the import reads it: the line the sample breaks in two is joined. */
const TITLE = '重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知'
const MAIN_TO =
  '各区县（自治县）妇联，两江新区、西部科学城重庆高新区、万盛经开区妇联，各市级机关妇委会（妇工委、系统妇联）'

test('市妇联 编辑 imports sample 001 into a new notice, corrects the title and saves the draft', async ({
  browser,
}) => {
  const suffix = uniqueSuffix()
  const title = `${TITLE}-${suffix}`
  const source = await readFile(SAMPLE_001, 'utf8')
  const page = await newPage(browser)
  await signIn(page, 'city_editor', '/')

  await page.getByTestId('nav-notices').click()
  await expect(page.getByTestId('page-notices')).toBeVisible()
  await page.getByTestId('notice-create').click()
  await page.waitForURL('**/notices/new')
  await expect(page.getByTestId('notice-issuer')).toContainText(CITY.name)

  const dialog = page.getByRole('dialog', { name: '导入公文' })
  await test.step('paste the notice and read it', async () => {
    await page.getByRole('button', { name: '导入公文' }).click()
    await expect(dialog).toBeVisible()
    await dialog.getByRole('textbox', { name: '公文文字' }).fill(source)
    const read = page.waitForResponse(api('POST', /^\/api\/v1\/notices\/import$/))
    await dialog.getByRole('button', { name: '识别' }).click()
    expect((await read).status()).toBe(200)
  })

  await test.step('the title is highlighted in the source; the list finds it and corrects it', async () => {
    const marked = dialog.locator('[data-testid="import-mark"][data-fields~="title"]')
    await expect(marked).toHaveText(TITLE)
    await expect(marked).toHaveAttribute('title', '标题')
    await dialog.getByRole('button', { name: '在原文中定位：标题' }).click()
    await expect(marked).toHaveClass(/active/)

    // the printed number is for reference; 主送 phrases show the orgs they matched in the city's tree
    const number = dialog.locator('[data-testid="import-field"][data-field="docNumber"]')
    await expect(number).toContainText('渝妇发〔2024〕5号')
    await expect(number).toContainText('发布时由平台编号')
    const zone = dialog.locator('[data-testid="import-field"][data-field="recipients[1]"]')
    await expect(zone.getByTestId('import-field-org')).toContainText(['两江新区'])

    await dialog.getByRole('textbox', { name: '标题' }).fill(title)
    await expect(
      dialog.locator('[data-testid="import-field"][data-field="title"]').getByTestId('import-field-changed'),
    ).toBeVisible()
  })

  await test.step('填入表单 fills the form; nothing is saved yet', async () => {
    await dialog.getByRole('button', { name: '填入表单' }).click()
    await expect(dialog).toBeHidden()
    await expect(input(page, 'notice-title')).toHaveValue(title)
    await expect(input(page, 'notice-mainTo')).toHaveValue(MAIN_TO)
    await expect(input(page, 'notice-contactPerson')).toHaveValue('莫海舟')
    await expect(page.getByTestId('notice-issuer')).toContainText(CITY.name)
    await expect(page.getByTestId('notice-dirty')).toBeVisible()
  })

  await test.step('保存草稿, and the draft is in the list', async () => {
    const created = page.waitForResponse(api('POST', /^\/api\/v1\/notices$/))
    await page.getByRole('button', { name: '保存草稿' }).click()
    const answer = await created
    expect(answer.status()).toBe(201)
    const saved = (await answer.json()) as { id: string; title: string; mainTo: string; status: string }
    expect(saved).toMatchObject({ title, mainTo: MAIN_TO, status: 'DRAFT' })
    await page.waitForURL(`**/notices/${saved.id}/edit`)
    await expect(page.getByTestId('notice-dirty')).toHaveCount(0)

    await page.getByTestId('notice-back').click()
    await expect(page.getByTestId('page-notices')).toBeVisible()
    const listed = page.waitForResponse(
      (r) => api('GET', /^\/api\/v1\/notices$/)(r) && new URL(r.url()).searchParams.get('q') === suffix,
    )
    await input(page, 'notice-search').fill(suffix)
    await page.getByTestId('notice-search-submit').click()
    expect((await listed).status()).toBe(200)
    const rows = page.getByTestId('notice-table').locator('.notice-row')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(title)
    await expect(rows.first()).toContainText('草稿')
  })
  await page.context().close()
})
