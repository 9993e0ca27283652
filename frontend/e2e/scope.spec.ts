import { expect, test } from '@playwright/test'
import {
  CITY,
  TOWNSHIP,
  expandInTree,
  openOrgTree,
  searchOrgs,
  selectInTree,
  signIn,
  treeNode,
  treeRoots,
} from './support'

test('a township admin sees only 解放碑街道妇联 and what lies below it', async ({ page }) => {
  await signIn(page, 'township_admin', '/orgs')
  await openOrgTree(page)

  await expect(treeRoots(page)).toHaveCount(1)
  await expect(treeRoots(page)).toHaveAttribute('data-org-code', TOWNSHIP.code)
  await expect(treeRoots(page)).toHaveText(TOWNSHIP.label)

  // the top of her scope: no breadcrumb above it and nowhere she could move it
  await selectInTree(page, TOWNSHIP.code)
  await expect(page.getByTestId('org-breadcrumb-item')).toHaveCount(0)
  await expect(page.getByTestId('org-create-child')).toBeVisible()
  await expect(page.getByTestId('org-move')).toHaveCount(0)

  // its children are all inside the township
  await expandInTree(page, TOWNSHIP.code)
  const nodes = page.getByTestId('org-tree-node')
  await expect.poll(() => nodes.count()).toBeGreaterThan(1)
  const codes = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('data-org-code') ?? ''))
  for (const code of codes) expect(code.startsWith(TOWNSHIP.code)).toBe(true)

  // other streets of the district and the district itself are not found
  await expect(await searchOrgs(page, '两路口')).toHaveCount(0)
  await expect(await searchOrgs(page, '渝中区')).toHaveCount(0)
  const byCode = await searchOrgs(page, '500103')
  await expect(byCode.first()).toBeVisible()
  const found = await byCode.evaluateAll((els) => els.map((e) => e.getAttribute('data-org-code') ?? ''))
  for (const code of found) expect(code.startsWith(TOWNSHIP.code)).toBe(true)
})

test('a city admin sees the whole city, so what the others miss is really there', async ({ page }) => {
  await signIn(page, 'city_admin', '/orgs')
  await openOrgTree(page)

  await expect(treeRoots(page)).toHaveCount(1)
  await expect(treeRoots(page)).toHaveAttribute('data-org-code', CITY.code)

  await expect((await searchOrgs(page, '江北')).filter({ hasText: '江北区妇女联合会' })).toHaveCount(1)
  await expect((await searchOrgs(page, '两路口')).first()).toBeVisible()
  await expect(treeNode(page, CITY.code)).toBeVisible()
})
