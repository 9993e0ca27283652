import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  DISTRICT,
  TOWNSHIP,
  choose,
  expectKeycloakLogin,
  input,
  openOrgTree,
  orgSearchResponse,
  searchOrgs,
  selectInTree,
  signIn,
  treeNode,
  treeParentCode,
  treeRoots,
  uniqueSuffix,
} from './support'

interface NewOrg {
  code: string
  name: string
  shortName?: string
  type: 'FEDERATION' | 'SOCIAL'
  level?: 'TOWNSHIP'
}

/** Creates a child of the selected org through the create dialog; waits until it is selected. */
async function createChild(page: Page, parentName: string, org: NewOrg): Promise<void> {
  await page.getByTestId('org-create-child').click()
  const dialog = page.getByTestId('org-create-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('org-form-parent')).toContainText(parentName)
  await input(dialog, 'org-form-name').fill(org.name)
  if (org.shortName) await input(dialog, 'org-form-shortName').fill(org.shortName)
  await input(dialog, 'org-form-code').fill(org.code)
  await choose(page, 'org-form-type', `org-form-type-${org.type}`)
  if (org.level) await choose(page, 'org-form-level', `org-form-level-${org.level}`)
  else await expect(dialog.getByTestId('org-form-level')).toHaveCount(0)

  const created = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/orgs',
  )
  await dialog.getByTestId('org-form-submit').click()
  expect((await created).status()).toBe(201)
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('org-detail-name')).toHaveText(org.name)
  await expect(page.getByTestId('org-field-code')).toHaveText(org.code)
}

/** Opens the move dialog of the selected org, picks `parent` by its code and confirms. */
async function moveSelectedUnder(
  page: Page,
  parentCode: string,
): Promise<{ status: number; dialog: Locator }> {
  await page.getByTestId('org-move').click()
  const dialog = page.getByTestId('org-move-dialog')
  await expect(dialog).toBeVisible()
  const picker = page.getByTestId('org-move-parent')
  await picker.click()
  const answered = orgSearchResponse(page, parentCode)
  await picker.locator('input').fill(parentCode)
  expect((await answered).status()).toBe(200)
  const option = page.locator(`[data-testid="org-move-option"][data-org-code="${parentCode}"]`)
  await expect(option).toBeVisible()
  await option.click()

  const moved = page.waitForResponse(
    (r) =>
      r.request().method() === 'POST' && /^\/api\/v1\/orgs\/[^/]+\/move$/.test(new URL(r.url()).pathname),
  )
  await dialog.getByTestId('org-move-submit').click()
  return { status: (await moved).status(), dialog }
}

// Both tests sign in as district_admin: one after the other, never at once (see signIn).
test.describe.configure({ mode: 'default' })

test('我的 shows the district admin’s membership and permissions', async ({ page }) => {
  await signIn(page, 'district_admin', '/me')

  await expect(page.getByTestId('page-me')).toBeVisible()
  await expect(page.getByTestId('me-username')).toHaveText('district_admin')
  await expect(page.getByTestId('current-org-name')).toHaveText(DISTRICT.name)

  const rows = page.getByTestId('me-memberships').locator('.el-table__body tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first().locator('td')).toHaveText([DISTRICT.name, DISTRICT.code, '管理员'])
  await expect(page.getByTestId('me-permissions')).toContainText('维护组织')
})

test('a district admin sees only her district, creates a township, moves an org under it and signs out', async ({
  page,
}) => {
  // A long walk through the tree (42–51 s on two busy cores): three times the default limit.
  test.slow()
  const suffix = uniqueSuffix()
  const township = {
    code: `E2E-T-${suffix}`,
    name: `E2E测试街道妇女联合会${suffix}`,
    shortName: `E2E测试街道妇联${suffix}`,
    type: 'FEDERATION',
    level: 'TOWNSHIP',
  } satisfies NewOrg
  const social = {
    code: `E2E-S-${suffix}`,
    name: `E2E测试巾帼志愿者协会${suffix}`,
    type: 'SOCIAL',
  } satisfies NewOrg

  await signIn(page, 'district_admin', '/orgs')
  await openOrgTree(page)

  await test.step('the tree starts at 渝中区妇联 and holds nothing of other districts', async () => {
    await expect(treeRoots(page)).toHaveCount(1)
    await expect(treeRoots(page)).toHaveAttribute('data-org-code', DISTRICT.code)
    await expect(treeRoots(page)).toHaveText(DISTRICT.label)

    const jiangbei = await searchOrgs(page, '江北')
    await expect(jiangbei).toHaveCount(0)
    await expect(page.getByTestId('org-search-results')).toContainText('没有找到匹配的组织')

    const jiefangbei = await searchOrgs(page, '解放碑')
    await expect(jiefangbei.filter({ hasText: TOWNSHIP.name }).first()).toBeVisible()
    const codes = await jiefangbei.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-org-code') ?? ''),
    )
    expect(codes.length).toBeGreaterThan(0)
    for (const code of codes) expect(code.startsWith(DISTRICT.code)).toBe(true)

    // picking a result opens it: its breadcrumb starts at the district (the city is outside her scope)
    await page.locator(`[data-testid="org-search-result"][data-org-code="${TOWNSHIP.code}"]`).click()
    await expect(page.getByTestId('org-detail-name')).toHaveText(TOWNSHIP.name)
    await expect(page.getByTestId('org-breadcrumb-item')).toHaveText([DISTRICT.label])
    await expect(treeNode(page, TOWNSHIP.code)).toBeVisible()
  })

  await test.step('create a township federation under 渝中区妇联', async () => {
    await selectInTree(page, DISTRICT.code)
    await createChild(page, DISTRICT.name, township)
    await expect(page.getByTestId('org-field-type')).toHaveText('妇联')
    await expect(page.getByTestId('org-field-level')).toHaveText('乡镇(街道)级')
    await expect(page.getByTestId('org-breadcrumb-item')).toHaveText([DISTRICT.label])
    await expect(treeNode(page, township.code)).toHaveText(township.shortName)
    await expect.poll(() => treeParentCode(page, township.code)).toBe(DISTRICT.code)
  })

  await test.step('create a women’s social organization under 渝中区妇联', async () => {
    await selectInTree(page, DISTRICT.code)
    await createChild(page, DISTRICT.name, social)
    await expect(page.getByTestId('org-field-type')).toHaveText('女性社会组织')
    await expect.poll(() => treeParentCode(page, social.code)).toBe(DISTRICT.code)
  })

  await test.step('a federation cannot move under a social organization (422, explained in the dialog)', async () => {
    await selectInTree(page, township.code)
    const { status, dialog } = await moveSelectedUnder(page, social.code)
    expect(status).toBe(422)
    await expect(dialog.getByTestId('org-move-error')).toContainText('妇联只能设在上级妇联之下')
    await expect(dialog.getByTestId('org-move-error')).toContainText(social.name)
    await dialog.getByTestId('org-move-cancel').click()
    await expect(dialog).toBeHidden()
    await expect.poll(() => treeParentCode(page, township.code)).toBe(DISTRICT.code)
  })

  await test.step('move the social organization under the new township', async () => {
    await selectInTree(page, social.code)
    const { status, dialog } = await moveSelectedUnder(page, township.code)
    expect(status).toBe(200)
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('org-detail-name')).toHaveText(social.name)
    await expect(page.getByTestId('org-breadcrumb-item')).toHaveText([DISTRICT.label, township.shortName])
    await expect(page.getByTestId('org-breadcrumb-current')).toHaveText(social.name)
    await expect(page.getByTestId('org-field-parent')).toHaveText(township.name)
    await expect(page.getByTestId('org-field-depth')).toHaveText('第 4 层') // 市 / 区 / 街道 / it
    // shown once, under the township, no longer under the district
    await expect(treeNode(page, social.code)).toHaveCount(1)
    await expect.poll(() => treeParentCode(page, social.code)).toBe(township.code)

    // the server has it so: after a reload, search finds it under the township and opens the tree there
    await page.reload()
    await openOrgTree(page)
    await (await searchOrgs(page, social.code)).first().click()
    await expect(page.getByTestId('org-breadcrumb-item')).toHaveText([DISTRICT.label, township.shortName])
    await expect.poll(() => treeParentCode(page, social.code)).toBe(township.code)
  })

  await test.step('the township cannot move under its own child (409, explained in the dialog)', async () => {
    await selectInTree(page, township.code)
    await expect(page.getByTestId('org-field-childCount')).toHaveText('1')
    const { status, dialog } = await moveSelectedUnder(page, social.code)
    expect(status).toBe(409)
    await expect(dialog.getByTestId('org-move-error')).toContainText(
      `不能把“${township.name}”移到它自己或它的下级`,
    )
    await dialog.getByTestId('org-move-cancel').click()
    await expect(dialog).toBeHidden()
  })

  await test.step('sign out; the org page then asks for a login again', async () => {
    await page.getByTestId('logout-button').click()
    await page.waitForURL('**/signed-out')
    await expect(page.getByTestId('signed-out')).toBeVisible()
    // the tokens are gone from the tab …
    const stored = await page.evaluate(() => Object.keys(window.sessionStorage))
    expect(stored.filter((key) => key.startsWith('oidc.user:'))).toEqual([])

    // … and so is the Keycloak session: a protected page leads to the login form, not straight back in
    await page.goto('/orgs')
    await expectKeycloakLogin(page)
    await expect(page.locator('#kc-login')).toBeVisible()
  })
})
