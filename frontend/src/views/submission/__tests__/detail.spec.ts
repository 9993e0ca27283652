import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { ElMessageBox } from 'element-plus'
import SubmissionDetail from '../detail.vue'
import { mountWithApp } from '@/__tests__/mount'
import { ApiError } from '@/api/problem'
import type { SubmissionView } from '@/api/types'
import { completeness, entry, includable, includedEntry, planItems, revision, submission } from './fixtures'
import type * as MediaApi from '@/api/media'

const api = vi.hoisted(() => ({
  fetchSubmission: vi.fn(),
  updateSubmission: vi.fn(),
  submitSubmission: vi.fn(),
  deleteSubmission: vi.fn(),
  reviewSubmission: vi.fn(),
  setEntryFeatured: vi.fn(),
  fetchSubmissionRevisions: vi.fn(),
  fetchIncludable: vi.fn(),
  fetchPlanItems: vi.fn(),
}))
vi.mock('@/api/submission', () => api)
const mediaApi = vi.hoisted(() => ({ fetchImage: vi.fn(), fetchFileLimits: vi.fn() }))
vi.mock('@/api/media', async (original) => ({ ...(await original<typeof MediaApi>()), ...mediaApi }))

const Blank = defineComponent({ render: () => h('div') })

async function open(view: SubmissionView) {
  api.fetchSubmission.mockResolvedValue({ submission: view, etag: `"${view.version}"` })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/submissions', name: 'submissions', component: Blank },
      { path: '/submissions/:id', name: 'submission-detail', component: SubmissionDetail },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
    ],
  })
  await router.push(`/submissions/${view.id}`)
  await router.isReady()
  const wrapper = mountWithApp(RouterView, { global: { plugins: [router] } })
  await flushPromises()
  return { wrapper, router }
}

function find(testId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
}

function all(testId: string): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`))
}

function click(testId: string, index = 0) {
  const el = all(testId)[index]
  if (!el) throw new Error(`no ${testId}`)
  el.click()
}

function type(testId: string, value: string, index = 0) {
  const el = all(testId)[index]
  const field = el?.matches('input, textarea') ? el : el?.querySelector('input, textarea')
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement))
    throw new Error(`no ${testId}`)
  field.value = value
  field.dispatchEvent(new Event('input'))
}

function missing(key: string): string | undefined {
  return find(`submission-requirement-${key}`)?.dataset.missing
}

async function settle() {
  await flushPromises()
  // Element Plus shows a form item's error after a 100 ms debounce
  await new Promise((resolve) => setTimeout(resolve, 150))
  await flushPromises()
}

const confirm = vi.fn()

beforeEach(() => {
  vi.clearAllMocks()
  mediaApi.fetchImage.mockResolvedValue(new Blob(['x'], { type: 'image/jpeg' }))
  mediaApi.fetchFileLimits.mockRejectedValue(new Error('offline'))
  URL.createObjectURL = vi.fn(() => 'blob:photo')
  URL.revokeObjectURL = vi.fn()
  confirm.mockResolvedValue({ value: '', action: 'confirm' })
  api.fetchPlanItems.mockResolvedValue(planItems())
  vi.spyOn(ElMessageBox, 'confirm').mockImplementation(confirm as never)
})

afterEach(() => {
  vi.restoreAllMocks()
})

// The whole page (Element Plus form, cards, dialogs) mounts in jsdom: slower than a single component.
describe('submission page', { timeout: 20_000 }, () => {
  it('shows what is missing, and highlights what a refused submit names', async () => {
    await open(submission())
    expect(missing('photos')).toBe('true')
    expect(missing('summary')).toBe('false')
    expect(missing('video')).toBe('false')
    expect(find('submission-requirement-photos')?.textContent).toContain('2 / 3 张')
    expect(find('submission-missing-count')?.textContent).toContain('缺 1 项')

    api.submitSubmission.mockRejectedValue(
      new ApiError(422, {
        type: 'about:blank',
        title: '',
        status: 422,
        code: 'SUBMISSION_INCOMPLETE',
        detail: '报送内容不满足通知要求，请补充标出的项',
        errors: [
          { field: 'photos', code: 'Required', message: '照片数量不足' },
          { field: 'video', code: 'Required', message: '缺少视频' },
        ],
      }),
    )
    click('submission-submit')
    await settle()
    expect(confirm).toHaveBeenCalled()
    expect(api.submitSubmission).toHaveBeenCalledWith('31', '"3"')
    expect(missing('video')).toBe('true')
    expect(missing('photos')).toBe('true')
    expect(find('submission-problem')?.textContent).toContain('报送内容不满足通知要求')
  })

  it('on 409 (sent or judged meanwhile) says why and offers the latest version', async () => {
    await open(submission())
    api.submitSubmission.mockRejectedValue(
      new ApiError(409, {
        type: 'about:blank',
        title: '',
        status: 409,
        code: 'SUBMISSION_NOT_EDITABLE',
        detail: '渝中区妇女联合会 的报送已报送待审或已采用，不能修改',
      }),
    )
    click('submission-submit')
    await settle()
    expect(find('submission-problem')?.textContent).toContain('已报送待审或已采用')
    expect(find('submission-reload')).not.toBeNull()
  })

  it('marks a missing summary and a package without activities', async () => {
    await open(
      submission({
        summary: undefined,
        entries: [],
        completeness: completeness({
          entries: 0,
          photos: 0,
          links: 0,
          hasSummary: false,
          missing: ['entries', 'summary', 'photos'],
        }),
      }),
    )
    expect(find('submission-summary-card')?.classList.contains('missing')).toBe(true)
    expect(find('submission-no-entries')).not.toBeNull()
    expect(missing('entries')).toBe('true')
  })

  it('offers no button the view does not list', async () => {
    await open(submission({ status: 'SUBMITTED', revision: 1, actions: [] }))
    for (const button of [
      'submission-save',
      'submission-submit',
      'submission-accept',
      'submission-return',
      'submission-include',
      'submission-delete',
      'submission-add-entry',
      'submission-entry-feature',
    ]) {
      expect(find(button), button).toBeNull()
    }
    // read-only: the activity as text, no inputs
    expect(find('submission-entry-title')?.textContent).toBe('“巾帼心向党”主题宣讲进社区')
    expect(find('submission-entry-title-input')).toBeNull()
    expect(find('submission-summary')).toBeNull()
    expect(find('submission-state')?.textContent).toContain('等待重庆市妇女联合会审核')
  })

  it('offers the writer’s buttons for UPDATE, SUBMIT and INCLUDE, and no review', async () => {
    await open(submission({ actions: ['UPDATE', 'SUBMIT', 'DELETE', 'INCLUDE'] }))
    for (const button of [
      'submission-save',
      'submission-submit',
      'submission-include',
      'submission-delete',
    ]) {
      expect(find(button), button).not.toBeNull()
    }
    expect(find('submission-accept')).toBeNull()
    expect(find('submission-return')).toBeNull()
    expect(find('submission-entry-title-input')).not.toBeNull()
  })

  it('saves the whole package with If-Match, and on 412 offers to reload the latest version', async () => {
    await open(submission())
    type('submission-summary', '共开展活动 2 场')
    await flushPromises()
    expect(find('submission-dirty')).not.toBeNull()

    api.updateSubmission.mockResolvedValueOnce({
      submission: submission({ summary: '共开展活动 2 场', version: 4 }),
      etag: '"4"',
    })
    click('submission-save')
    await settle()
    expect(api.updateSubmission).toHaveBeenCalledWith('31', '"3"', {
      summary: '共开展活动 2 场',
      entries: [
        expect.objectContaining({
          id: '907',
          title: '“巾帼心向党”主题宣讲进社区',
          media: [
            { kind: 'PHOTO', fileId: '57', title: '活动现场' },
            { kind: 'PHOTO', fileId: '58' },
            { kind: 'LINK', url: 'https://mp.weixin.qq.com/s/abc123', title: '公众号报道' },
          ],
        }),
      ],
    })
    expect(find('submission-dirty')).toBeNull()

    type('submission-summary', '旧版本之上的修改')
    api.updateSubmission.mockRejectedValueOnce(
      new ApiError(412, { type: 'about:blank', title: '', status: 412, code: 'PRECONDITION_FAILED' }),
    )
    click('submission-save')
    await settle()
    expect(api.updateSubmission).toHaveBeenLastCalledWith('31', '"4"', expect.anything())
    expect(find('submission-stale')?.textContent).toContain('已被他人修改')

    api.fetchSubmission.mockResolvedValue({ submission: submission({ version: 5 }), etag: '"5"' })
    click('submission-reload')
    await settle()
    expect(api.fetchSubmission).toHaveBeenCalledTimes(2)
    expect(find('submission-stale')).toBeNull()
    expect((find('submission-summary') as HTMLTextAreaElement).value).toBe('共开展活动 1 场')
  })

  it('refuses to save an activity without a title or with a bad address', async () => {
    await open(submission())
    click('submission-add-entry')
    await flushPromises()
    click('submission-entry-add-url', 1)
    await flushPromises()
    type('submission-entry-url-input', 'www.example.cn', 1)
    click('submission-save')
    await settle()
    expect(api.updateSubmission).not.toHaveBeenCalled()
    const text = document.body.textContent ?? ''
    expect(text).toContain('请输入活动名称')
    expect(text).toContain('请输入以 http:// 或 https:// 开头的完整网址')
  })

  it('shows the reasons of a returned package, and included entries read-only with their origin', async () => {
    await open(
      submission({
        status: 'RETURNED',
        revision: 1,
        returnReason: '请补充志愿服务照片',
        reviewedBy: 'city.admin',
        reviewedAt: '2024-03-09T08:00:00Z',
        entries: [entry({ reviewStatus: 'RETURNED', returnReason: '缺少现场照片' }), includedEntry()],
      }),
    )
    expect(find('submission-returned')?.textContent).toContain('已退回：请补充志愿服务照片')
    expect(find('submission-returned-entries')?.textContent).toContain(
      '“巾帼心向党”主题宣讲进社区”：缺少现场照片',
    )
    expect(find('submission-entry-return-reason')?.textContent).toContain('退回原因：缺少现场照片')
    const cards = all('submission-entry')
    expect(cards).toHaveLength(2)
    expect(cards[0]?.querySelector('[data-testid="submission-entry-included"]')).toBeNull()
    expect(cards[1]?.querySelector('[data-testid="submission-entry-included"]')?.textContent).toContain(
      '汇总',
    )
    expect(cards[1]?.querySelector('[data-testid="submission-entry-origin"]')?.textContent).toContain(
      '解放碑街道妇女联合会',
    )
    // the org's own entry is a form; the rolled-up one is text, still removable
    expect(cards[0]?.querySelector('[data-testid="submission-entry-title-input"]')).not.toBeNull()
    expect(cards[1]?.querySelector('[data-testid="submission-entry-title-input"]')).toBeNull()
    expect(cards[1]?.querySelector('[data-testid="submission-entry-remove"]')).not.toBeNull()
    expect(find('submission-submit')?.textContent).toContain('重新报送')
  })

  it('adds subordinates’ accepted activities from the roll-up dialog, referenced by source when saved', async () => {
    api.fetchIncludable.mockResolvedValue({ items: [includable()], total: 1, page: 0, size: 50 })
    await open(submission({ actions: ['UPDATE', 'SUBMIT', 'INCLUDE'] }))
    click('submission-include')
    await settle()
    expect(api.fetchIncludable).toHaveBeenCalledWith('31', 0, 50)
    const checkbox = document.querySelector<HTMLElement>(
      '[data-testid="submission-include-table"] .el-table__body .el-checkbox',
    )
    checkbox?.click()
    await flushPromises()
    click('submission-include-confirm')
    await settle()
    const cards = all('submission-entry')
    expect(cards).toHaveLength(2)
    expect(cards[1]?.querySelector('[data-testid="submission-entry-included"]')).not.toBeNull()

    api.updateSubmission.mockResolvedValue({ submission: submission({ version: 4 }), etag: '"4"' })
    click('submission-save')
    await settle()
    const body = api.updateSubmission.mock.calls[0]?.[2] as { entries: unknown[] }
    expect(body.entries[1]).toEqual({ sourceEntryId: '880' })
  })

  it('returns with a reason for the package and per activity', async () => {
    const sent = submission({
      status: 'SUBMITTED',
      revision: 1,
      actions: ['REVIEW'],
      entries: [entry(), entry({ id: '908', title: '巾帼志愿服务' })],
    })
    await open(sent)
    expect(find('submission-save')).toBeNull()
    api.reviewSubmission.mockResolvedValue({
      submission: {
        ...sent,
        status: 'RETURNED',
        returnReason: '请补充志愿服务照片',
        actions: [],
        version: 4,
      },
      etag: '"4"',
    })
    click('submission-return')
    await settle()
    // the reason is required
    click('submission-return-confirm')
    await settle()
    expect(api.reviewSubmission).not.toHaveBeenCalled()
    expect(find('submission-return-dialog')?.textContent).toContain('请输入退回原因')

    type('submission-return-reason', '请补充志愿服务照片')
    type('submission-return-entry-reason', '缺少现场照片', 1)
    click('submission-return-confirm')
    await settle()
    expect(api.reviewSubmission).toHaveBeenCalledWith('31', '"3"', {
      decision: 'RETURN',
      reason: '请补充志愿服务照片',
      entries: [{ entryId: '908', reason: '缺少现场照片' }],
    })
    expect(find('submission-return')).toBeNull()
    expect(find('submission-returned')?.textContent).toContain('请补充志愿服务照片')
  })

  it('accepts after confirmation, then features an entry when FEATURE is offered', async () => {
    const sent = submission({ status: 'SUBMITTED', revision: 1, actions: ['REVIEW'] })
    await open(sent)
    const accepted = { ...sent, status: 'ACCEPTED' as const, actions: ['FEATURE' as const], version: 4 }
    api.reviewSubmission.mockResolvedValue({ submission: accepted, etag: '"4"' })
    click('submission-accept')
    await settle()
    expect(confirm).toHaveBeenCalled()
    expect(api.reviewSubmission).toHaveBeenCalledWith('31', '"3"', { decision: 'ACCEPT' })
    expect(find('submission-accept')).toBeNull()

    api.setEntryFeatured.mockResolvedValue({
      submission: { ...accepted, entries: [entry({ featured: true, reviewStatus: 'ACCEPTED' })], version: 5 },
      etag: '"5"',
    })
    click('submission-entry-feature')
    await settle()
    expect(api.setEntryFeatured).toHaveBeenCalledWith('31', '907', true)
    expect(find('submission-entry-feature')?.classList.contains('is-checked')).toBe(true)
  })

  it('shows the history: each submission, late or not, the decision and the reasons', async () => {
    api.fetchSubmissionRevisions.mockResolvedValue([
      revision({ revision: 2, late: true, decision: undefined, reason: undefined, entryReasons: [] }),
      revision(),
    ])
    await open(submission({ status: 'SUBMITTED', revision: 2, actions: [] }))
    click('submission-history-open')
    await settle()
    expect(api.fetchSubmissionRevisions).toHaveBeenCalledWith('31')
    const [second, first] = all('submission-revision')
    expect(second?.textContent).toContain('第 2 次报送')
    expect(second?.textContent).toContain('逾期')
    expect(second?.querySelector('[data-testid="submission-revision-decision"]')?.textContent).toContain(
      '待审核',
    )
    expect(first?.querySelector('[data-testid="submission-revision-decision"]')?.textContent).toContain(
      '已退回',
    )
    expect(first?.textContent).not.toContain('逾期')
    expect(first?.querySelector('[data-testid="submission-revision-reason"]')?.textContent).toContain(
      '意见：请补充志愿服务照片',
    )
    expect(first?.textContent).toContain('缺少现场照片')
  })

  it('picks the planned activity from the package’s plans, grouped by plan, and saves its id', async () => {
    await open(submission())
    expect(api.fetchPlanItems).toHaveBeenCalledWith('31')
    const select = find('submission-entry-plan-item')
    expect(select?.classList.contains('el-select')).toBe(true)
    select?.querySelector<HTMLElement>('.el-select__wrapper')?.click()
    await settle()
    const groups = [...document.querySelectorAll('.el-select-group__title')].map((g) => g.textContent?.trim())
    expect(groups).toEqual(['市妇联“三八”系列活动方案（随通知印发）', '渝中区妇联2024年工作计划'])
    const options = all('submission-entry-plan-item-option')
    expect(options.map((o) => o.querySelector('.option-title')?.textContent)).toEqual([
      '纪念“三八”节妇女代表座谈会',
      '巾帼志愿服务进社区',
      '打造示范型姐妹驿站',
    ])
    // the target's progress beside the item that has one
    expect(options.map((o) => o.querySelector('.option-progress')?.textContent ?? null)).toEqual([
      null,
      null,
      '已完成 32 / 50 家',
    ])
    options[2]?.click()
    await settle()
    expect(find('submission-dirty')).not.toBeNull()

    api.updateSubmission.mockResolvedValue({
      submission: submission({ entries: [entry({ planItemId: '411' })], version: 4 }),
      etag: '"4"',
    })
    click('submission-save')
    await settle()
    const body = api.updateSubmission.mock.calls[0]?.[2] as { entries: { planItemId?: string }[] }
    expect(body.entries[0]?.planItemId).toBe('411')
    // loaded once for the page, not again after saving
    expect(api.fetchPlanItems).toHaveBeenCalledTimes(1)
  })

  it('loads the planned activities once for all entry cards', async () => {
    await open(submission({ entries: [entry(), entry({ id: '908', title: '巾帼志愿服务' })] }))
    expect(all('submission-entry-plan-item')).toHaveLength(2)
    expect(api.fetchPlanItems).toHaveBeenCalledTimes(1)
  })

  it('says so when there is no plan to pick from', async () => {
    api.fetchPlanItems.mockResolvedValue([])
    await open(submission())
    expect(find('submission-entry-plan-item')?.textContent).toContain('暂无可对应的活动方案')
  })

  it('shows the planned activity’s title in a read-only package, never its id', async () => {
    await open(
      submission({
        status: 'SUBMITTED',
        revision: 1,
        actions: [],
        entries: [
          entry({ planItemId: '411' }),
          entry({ id: '908', planItemId: '999' }),
          entry({ id: '909' }),
        ],
      }),
    )
    expect(find('submission-entry-plan-item')).toBeNull()
    const [linked, gone, none] = all('submission-entry-plan-item-text').map((e) => e.textContent ?? '')
    expect(linked).toContain('打造示范型姐妹驿站')
    expect(linked).toContain('渝中区妇联2024年工作计划')
    expect(linked).toContain('已完成 32 / 50 家')
    expect(linked).not.toContain('411')
    expect(gone).toContain('所选方案活动已不可用')
    expect(none?.trim()).toBe('—')
  })

  it('does not ask for planned activities a read-only package does not name', async () => {
    await open(submission({ status: 'SUBMITTED', revision: 1, actions: [] }))
    expect(api.fetchPlanItems).not.toHaveBeenCalled()
  })

  it('says so in place when the package is not found', async () => {
    api.fetchSubmission.mockReset()
    api.fetchSubmission.mockRejectedValue(
      new ApiError(404, { type: 'about:blank', title: '', status: 404, code: 'SUBMISSION_NOT_FOUND' }),
    )
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/submissions', name: 'submissions', component: Blank },
        { path: '/submissions/:id', name: 'submission-detail', component: SubmissionDetail },
      ],
    })
    await router.push('/submissions/999')
    await router.isReady()
    mountWithApp(RouterView, { global: { plugins: [router] } })
    await flushPromises()
    expect(find('submission-error')?.textContent).toContain('报送不存在或不在您的权限范围内')
  })
})
