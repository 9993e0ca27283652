import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { ElMessageBox } from 'element-plus'
import IntegrationPage from '../index.vue'
import OrgSelect from '../modules/org-select.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { org } from '@/__tests__/fixtures'
import { ApiError } from '@/api/problem'
import { call, client, page } from './fixtures'

const api = vi.hoisted(() => ({
  listIntegrationClients: vi.fn(),
  fetchIntegrationClient: vi.fn(),
  createIntegrationClient: vi.fn(),
  updateIntegrationClient: vi.fn(),
  deleteIntegrationClient: vi.fn(),
  listIntegrationCalls: vi.fn(),
  listWebhooks: vi.fn(),
  newIdempotencyKey: vi.fn(() => 'key-1'),
}))
vi.mock('@/api/integration', () => api)
const orgApi = vi.hoisted(() => ({ fetchRoots: vi.fn(), searchOrgs: vi.fn() }))
vi.mock('@/api/org', () => orgApi)

const cityPlatform = client()
const districtApp = client({
  id: '4',
  clientId: 'yuzhong.app',
  name: '渝中区妇联小程序',
  description: undefined,
  orgId: '118',
  orgName: '渝中区妇女联合会',
  scopes: ['NOTICES_READ'],
  enabled: false,
  lastCallAt: undefined,
  version: 0,
})

async function mountPage() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/integration', name: 'integration', component: IntegrationPage }],
  })
  await router.push('/integration')
  const wrapper = mountWithApp({ render: () => h(RouterView) }, { global: { plugins: [router] } })
  await settle(10)
  return { wrapper, router }
}

function q<T extends Element = HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector)
  if (!el) throw new Error(`nothing matches ${selector}`)
  return el
}

function all(selector: string): string[] {
  return Array.from(document.querySelectorAll(selector)).map((e) => e.textContent?.trim() ?? '')
}

function rowOf(name: string): HTMLElement {
  const cell = Array.from(document.querySelectorAll('[data-testid="integration-client-row-name"]')).find(
    (e) => e.textContent?.trim() === name,
  )
  const row = cell?.closest('tr')
  if (!row) throw new Error(`no row ${name}`)
  // the actions column is fixed: Element Plus renders it in the same row of the body table
  return row
}

function type(testId: string, value: string) {
  const input = q<HTMLInputElement>(
    `[data-testid="${testId}"] input, [data-testid="${testId}"] textarea, input[data-testid="${testId}"], textarea[data-testid="${testId}"]`,
  )
  input.value = value
  input.dispatchEvent(new Event('input'))
}

function errorOf(testId: string): string | undefined {
  const item = document.querySelector(`[data-testid="${testId}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim()
}

async function submitClient() {
  q('[data-testid="integration-client-submit"]').click()
  await settle()
  // Element Plus shows a form item's error after a 100 ms debounce
  await new Promise((resolve) => setTimeout(resolve, 150))
}

async function check(testId: string) {
  q<HTMLInputElement>(`[data-testid="${testId}"] input`).click()
  await settle(1)
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.restoreAllMocks()
  api.listIntegrationClients.mockResolvedValue(page([cityPlatform, districtApp]))
  api.listIntegrationCalls.mockResolvedValue(page([call()], 1, 50))
  orgApi.fetchRoots.mockResolvedValue([org({ id: '1', code: '500000', name: '重庆市妇女联合会' })])
  orgApi.searchOrgs.mockResolvedValue(page([org()]))
})

describe('集成 page, integration clients', { timeout: 30_000 }, () => {
  it('lists the clients with their subtree, scopes, state and last call', async () => {
    await mountPage()
    expect(api.listIntegrationClients).toHaveBeenCalledWith({ q: '', page: 0, size: 20 })
    expect(all('[data-testid="integration-client-row-name"]')).toEqual(['市综合信息平台', '渝中区妇联小程序'])
    expect(all('[data-testid="integration-client-row-clientId"]')).toEqual(['city-platform', 'yuzhong.app'])
    const first = rowOf('市综合信息平台')
    expect(first.textContent).toContain('重庆市妇女联合会')
    expect(
      Array.from(first.querySelectorAll('[data-testid="integration-client-row-scopes"] .el-tag')).map((t) =>
        t.textContent?.trim(),
      ),
    ).toEqual(['报送与素材', '变更订阅'])
    expect(all('[data-testid="integration-client-row-status"]')).toEqual(['启用', '停用'])
    expect(all('[data-testid="integration-client-row-lastCall"]')).toEqual(['2024-03-10 18:00', '从未调用'])
  })

  it('searches by name or clientId and pages', async () => {
    api.listIntegrationClients.mockResolvedValue(page([cityPlatform, districtApp], 45))
    await mountPage()
    type('integration-clients-search', ' city ')
    q('input[data-testid="integration-clients-search"]').dispatchEvent(
      new KeyboardEvent('keyup', { key: 'Enter' }),
    )
    await settle()
    expect(api.listIntegrationClients).toHaveBeenLastCalledWith({ q: 'city', page: 0, size: 20 })

    q('[data-testid="integration-clients-pager"] .btn-next').click()
    await settle()
    expect(api.listIntegrationClients).toHaveBeenLastCalledWith({ q: 'city', page: 1, size: 20 })
  })

  it('explains what to create in Keycloak and checks the form as the API does', async () => {
    await mountPage()
    q('[data-testid="integration-clients-create"]').click()
    await settle()
    const help = q('[data-testid="integration-client-keycloak-help"]').textContent ?? ''
    expect(help).toContain('Client authentication')
    expect(help).toContain('Service accounts')
    expect(help).toContain('jinguo-api')

    await submitClient()
    expect(errorOf('integration-client-clientId')).toBe('请输入 clientId')
    expect(errorOf('integration-client-name')).toBe('请输入名称')
    expect(errorOf('integration-client-org')).toBe('请选择组织范围')
    expect(errorOf('integration-client-scopes')).toBe('请至少选择一项授权范围')

    type('integration-client-clientId', 'city platform')
    await submitClient()
    expect(errorOf('integration-client-clientId')).toBe('clientId 只能包含字母、数字、点、下划线和短横线')
    expect(api.createIntegrationClient).not.toHaveBeenCalled()
  })

  it('registers a client with the right body and reloads the list', async () => {
    const created = client({ id: '9', clientId: 'yubei.portal', name: '渝北门户' })
    api.createIntegrationClient.mockResolvedValue(created)
    const { wrapper } = await mountPage()
    q('[data-testid="integration-clients-create"]').click()
    await settle()
    type('integration-client-clientId', ' yubei.portal ')
    type('integration-client-name', '渝北门户 ')
    wrapper.findComponent(OrgSelect).vm.$emit('update:modelValue', '118')
    await check('integration-client-scope-NOTICES_READ')
    await check('integration-client-scope-SUBMISSIONS_WRITE')
    await settle()
    const listed = api.listIntegrationClients.mock.calls.length

    await submitClient()

    expect(api.createIntegrationClient).toHaveBeenCalledWith({
      clientId: 'yubei.portal',
      name: '渝北门户',
      description: undefined,
      orgId: '118',
      scopes: ['NOTICES_READ', 'SUBMISSIONS_WRITE'],
    })
    expect(document.body.textContent).toContain('已登记“渝北门户”')
    expect(api.listIntegrationClients.mock.calls.length).toBe(listed + 1)
  })

  it('shows a clientId already registered under the field', async () => {
    api.createIntegrationClient.mockRejectedValue(
      new ApiError(409, {
        type: 'about:blank',
        title: '冲突',
        status: 409,
        detail: 'clientId“city-platform”已登记',
        code: 'CLIENT_ID_TAKEN',
      }),
    )
    const { wrapper } = await mountPage()
    q('[data-testid="integration-clients-create"]').click()
    await settle()
    type('integration-client-clientId', 'city-platform')
    type('integration-client-name', '重复')
    wrapper.findComponent(OrgSelect).vm.$emit('update:modelValue', '1')
    await check('integration-client-scope-FEED_READ')
    await settle()

    await submitClient()

    expect(errorOf('integration-client-clientId')).toBe('clientId“city-platform”已登记')
  })

  it('edits name and scopes with the row’s version; a 412 says so and reloads on request', async () => {
    api.updateIntegrationClient.mockRejectedValueOnce(
      new ApiError(412, {
        type: 'about:blank',
        title: '数据已被修改',
        status: 412,
        code: 'PRECONDITION_FAILED',
      }),
    )
    const fresh = client({ name: '市综合信息平台（新）', version: 3 })
    api.fetchIntegrationClient.mockResolvedValue(fresh)
    api.updateIntegrationClient.mockResolvedValueOnce(fresh)
    await mountPage()
    rowOf('市综合信息平台').querySelector<HTMLElement>('[data-testid="integration-client-edit"]')?.click()
    await settle()
    expect(q<HTMLInputElement>('input[data-testid="integration-client-clientId"]').disabled).toBe(true)
    type('integration-client-name', '市综合信息平台 2')
    await check('integration-client-scope-TRACKING_READ')
    await settle()

    await submitClient()

    expect(api.updateIntegrationClient).toHaveBeenCalledWith(cityPlatform, {
      name: '市综合信息平台 2',
      description: '接收采用的活动信息',
      orgId: '1',
      scopes: ['SUBMISSIONS_READ', 'FEED_READ', 'TRACKING_READ'],
      enabled: true,
    })
    expect(q('[data-testid="integration-client-stale"]').textContent).toContain('已被他人修改，请刷新')

    q('[data-testid="integration-client-reload"]').click()
    await settle()
    expect(api.fetchIntegrationClient).toHaveBeenCalledWith('3')
    expect(q<HTMLInputElement>('input[data-testid="integration-client-name"]').value).toBe(
      '市综合信息平台（新）',
    )
    expect(document.querySelector('[data-testid="integration-client-stale"]')).toBeNull()

    await submitClient()
    expect(api.updateIntegrationClient).toHaveBeenLastCalledWith(
      fresh,
      expect.objectContaining({ enabled: true }),
    )
  })

  it('disables a client after confirmation, and does nothing when cancelled', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel')
    api.updateIntegrationClient.mockResolvedValue({ ...cityPlatform, enabled: false, version: 3 })
    await mountPage()
    const toggle = () =>
      rowOf('市综合信息平台').querySelector<HTMLElement>('[data-testid="integration-client-toggle"]')?.click()

    toggle()
    await settle()
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(String(confirm.mock.calls[0]?.[0])).toContain('停用“市综合信息平台”')
    expect(api.updateIntegrationClient).not.toHaveBeenCalled()

    confirm.mockResolvedValueOnce('confirm' as never)
    toggle()
    await settle()
    expect(api.updateIntegrationClient).toHaveBeenCalledWith(cityPlatform, {
      name: '市综合信息平台',
      description: '接收采用的活动信息',
      orgId: '1',
      scopes: ['SUBMISSIONS_READ', 'FEED_READ'],
      enabled: false,
    })
    expect(all('[data-testid="integration-client-row-status"]')).toEqual(['停用', '停用'])
  })

  it('deletes after confirmation; a 412 says someone else changed it and reloads', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    api.deleteIntegrationClient.mockRejectedValue(
      new ApiError(412, {
        type: 'about:blank',
        title: '数据已被修改',
        status: 412,
        code: 'PRECONDITION_FAILED',
      }),
    )
    await mountPage()
    const listed = api.listIntegrationClients.mock.calls.length

    rowOf('渝中区妇联小程序').querySelector<HTMLElement>('[data-testid="integration-client-delete"]')?.click()
    await settle()

    expect(api.deleteIntegrationClient).toHaveBeenCalledWith(districtApp)
    expect(document.body.textContent).toContain('已被他人修改，请刷新')
    expect(api.listIntegrationClients.mock.calls.length).toBe(listed + 1)
  })

  it('shows a client’s calls, status coloured by class, paged', async () => {
    api.listIntegrationCalls.mockResolvedValue(
      page(
        [
          call(),
          call({ method: 'POST', path: '/api/v1/submissions', status: 404, durationMs: 7 }),
          call({ status: 503, durationMs: 1200 }),
        ],
        120,
        50,
      ),
    )
    await mountPage()
    rowOf('市综合信息平台').querySelector<HTMLElement>('[data-testid="integration-client-calls"]')?.click()
    await settle()

    expect(api.listIntegrationCalls).toHaveBeenCalledWith('3', 0, 50)
    const drawer = q('[data-testid="integration-calls-drawer"]')
    expect(drawer.textContent).toContain('调用记录：市综合信息平台')
    expect(all('[data-testid="integration-call-path"]')).toEqual([
      '/api/v1/feed?after=104200',
      '/api/v1/submissions',
      '/api/v1/feed?after=104200',
    ])
    const tags = Array.from(document.querySelectorAll('[data-testid="integration-call-status"]'))
    expect(tags.map((t) => t.textContent?.trim())).toEqual(['200', '404', '503'])
    expect(tags.map((t) => t.className.match(/el-tag--(success|warning|danger|info)/)?.[1])).toEqual([
      'success',
      'warning',
      'danger',
    ])
    expect(drawer.textContent).toContain('2024-03-10 18:00:05')
    expect(drawer.textContent).toContain('1200 ms')

    q('[data-testid="integration-calls-pager"] .btn-next').click()
    await settle()
    expect(api.listIntegrationCalls).toHaveBeenLastCalledWith('3', 1, 50)
  })
})
