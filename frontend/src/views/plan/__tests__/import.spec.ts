import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import { ElMessageBox } from 'element-plus'
import PlanEditor from '../editor.vue'
import { emptyForm, formFromInput, formFromPlan, importedForm, snapshot, toInput } from '../data'
import { describePlanField } from '../import-kind'
import { mountWithApp } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import { PLAN_TEXT, planImport } from '@/__tests__/import-fixtures'
import { notice } from '@/__tests__/receive-fixtures'
import { createAppI18n } from '@/locales'
import { useAuthStore } from '@/stores/auth'
import { plan } from './fixtures'

const planApi = vi.hoisted(() => ({
  createPlan: vi.fn(),
  updatePlan: vi.fn(),
  fetchPlan: vi.fn(),
  deletePlan: vi.fn(),
  filePlan: vi.fn(),
}))
vi.mock('@/api/plan', () => planApi)
const noticeViewApi = vi.hoisted(() => ({ fetchNotice: vi.fn() }))
vi.mock('@/api/notice-view', () => noticeViewApi)
const importApi = vi.hoisted(() => ({ importNotice: vi.fn(), importPlan: vi.fn() }))
vi.mock('@/api/doc-import', () => importApi)

const { t } = createAppI18n('zh-CN').global

describe('an imported draft as the plan form', () => {
  it('maps the plan and its items as new rows, and sends them back as read', () => {
    const draft = planImport().draft
    const form = formFromInput(draft)
    expect(form).toMatchObject({
      orgId: '118',
      noticeId: '',
      title: '区妇联2024年工作思路',
      theme: '',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      sections: [],
    })
    expect(form.items.map((i) => [i.id, i.title, i.targetValue, i.targetUnit])).toEqual([
      ['', '强化引领，唱响“巾帼心向党”主旋律', null, ''],
      ['', '打造50家示范型姐妹驿站', 50, '家'],
    ])
    expect(toInput(form)).toEqual({ ...draft, noticeId: undefined, theme: undefined })
  })

  it('shares its mapping with a saved plan, but an input’s items are new', () => {
    const saved = plan()
    const fromInput = formFromInput(toInput(formFromPlan(saved)))
    const body = toInput(fromInput)
    expect(body.items?.every((i) => i.id === undefined)).toBe(true)
    expect({ ...body, items: body.items?.map((i) => i.title) }).toEqual({
      ...toInput(formFromPlan(saved)),
      items: saved.items.map((i) => i.title),
    })
  })

  it('starts a draft with no items with one blank row, as a new form does', () => {
    const form = formFromInput({ title: '工作要点' })
    expect(form.items).toHaveLength(1)
    expect(snapshot(form)).toBe(snapshot({ ...emptyForm(), title: '工作要点' }))
  })

  it('keeps the plan’s org when fixed or not the user’s, and always the notice it answers', () => {
    const current = emptyForm('9', '42')
    const draft = planImport().draft
    expect(importedForm(current, draft, { orgFixed: false, orgIds: ['9', '118'] })).toMatchObject({
      orgId: '118',
      noticeId: '42',
    })
    expect(importedForm(current, draft, { orgFixed: true, orgIds: ['9', '118'] }).orgId).toBe('9')
    expect(importedForm(current, draft, { orgFixed: false, orgIds: ['9'] }).orgId).toBe('9')
    expect(
      importedForm(current, { ...draft, orgId: undefined }, { orgFixed: false, orgIds: ['9'] }).orgId,
    ).toBe('9')
  })

  it('names the plan’s fields with their colours', () => {
    const describe = (name: string) =>
      describePlanField(t, { field: name, value: 'v', confidence: 0.8, start: 0, end: 1 })
    expect(describe('title')).toEqual({ label: '方案名称', kind: 'heading', value: 'v' })
    expect(describe('periodEnd')).toMatchObject({ label: '结束日期', kind: 'date' })
    expect(describe('sections[0]')).toMatchObject({ label: '第 1 节标题', kind: 'structure' })
    expect(describe('items[9].title')).toMatchObject({ label: '第 10 项', kind: 'activity' })
    expect(describe('items[9].startsOn')).toMatchObject({ label: '第 10 项开始', kind: 'date' })
    expect(describe('items[2].target')).toMatchObject({ label: '第 3 项目标', kind: 'reporting' })
    expect(describe('items[2].partners').label).toBe('第 3 项协办')
    expect(describe('other')).toMatchObject({ label: 'other', kind: 'other' })
  })
})

// ---- in the editor -------------------------------------------------------------------------------

const Blank = defineComponent({ render: () => h('div') })

async function openEditor(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/plans', name: 'plans', component: Blank },
      { path: '/plans/new', name: 'plan-new', component: PlanEditor },
      { path: '/plans/:id/edit', name: 'plan-edit', component: PlanEditor },
      { path: '/plans/:id', name: 'plan-detail', component: Blank },
    ],
  })
  await router.push(path)
  await router.isReady()
  const pinia = createPinia()
  useAuthStore(pinia).me = me({
    memberships: [
      membership({ id: 'm1', orgId: '118', orgName: '渝中区妇女联合会', orgCode: '500103', role: 'EDITOR' }),
    ],
    permissions: ['org:read', 'plan:write'],
  })
  mountWithApp(RouterView, { pinia, global: { plugins: [router] } })
  await flushPromises()
}

function input(testId: string): HTMLInputElement | HTMLTextAreaElement {
  const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `textarea[data-testid="${testId}"], input[data-testid="${testId}"], [data-testid="${testId}"] input`,
  )
  if (!el) throw new Error(`no input ${testId}`)
  return el
}

function click(testId: string) {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
  if (!el) throw new Error(`no ${testId}`)
  el.click()
}

beforeEach(() => {
  vi.clearAllMocks()
  noticeViewApi.fetchNotice.mockResolvedValue({ notice: notice(), etag: '"3"' })
  vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
})

describe('导入方案 in the plan editor', { timeout: 30_000 }, () => {
  it('fills a new plan answering a notice from a work plan, corrected in the dialog', async () => {
    importApi.importPlan.mockResolvedValue(planImport())
    await openEditor('/plans/new?noticeId=42&orgId=118')
    click('plan-import')
    await flushPromises()
    const text = input('import-text')
    text.value = PLAN_TEXT
    text.dispatchEvent(new Event('input'))
    await flushPromises()
    click('import-run')
    await flushPromises()

    expect(importApi.importPlan).toHaveBeenCalledWith({ text: PLAN_TEXT }, expect.anything())
    expect(
      document.querySelector('[data-testid="import-mark"][data-fields~="items[1].target"]')?.textContent,
    ).toBe('50家')
    const title = document.querySelector<HTMLInputElement>('[data-field="title"] input')
    if (!title) throw new Error('no title to correct')
    title.value = '渝中区妇联2024年工作思路'
    title.dispatchEvent(new Event('input'))
    await flushPromises()
    click('import-apply')
    await flushPromises()

    expect(ElMessageBox.confirm).not.toHaveBeenCalled() // the theme offered from the notice is no change
    expect(input('plan-title').value).toBe('渝中区妇联2024年工作思路')
    expect(input('plan-item-title-1').value).toBe('打造50家示范型姐妹驿站')
    expect(input('plan-item-unit-1').value).toBe('家')
    expect(document.querySelector('[data-testid="plan-notice-line"]')?.textContent).toContain('答复通知')

    planApi.createPlan.mockResolvedValue({ plan: plan({ id: '56' }), etag: '"0"' })
    click('plan-save')
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 150))
    await flushPromises()
    expect(planApi.createPlan).toHaveBeenCalledWith(
      expect.objectContaining({
        orgId: '118',
        noticeId: '42',
        title: '渝中区妇联2024年工作思路',
        periodStart: '2024-01-01',
        items: [
          expect.objectContaining({ title: '强化引领，唱响“巾帼心向党”主旋律' }),
          expect.objectContaining({ title: '打造50家示范型姐妹驿站', targetValue: 50, targetUnit: '家' }),
        ],
      }),
    )
  })

  it('is not offered for a plan that can no longer be changed', async () => {
    planApi.fetchPlan.mockResolvedValue({ plan: plan({ status: 'FILED', actions: [] }), etag: '"4"' })
    await openEditor('/plans/7/edit')
    expect(document.querySelector('[data-testid="plan-not-editable"]')).not.toBeNull()
    expect(document.querySelector('[data-testid="plan-import"]')).toBeNull()
  })
})
