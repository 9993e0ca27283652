import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { ElMessageBox } from 'element-plus'
import IntegrationPage from '../index.vue'
import OrgSelect from '../modules/org-select.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { org } from '@/__tests__/fixtures'
import { ApiError } from '@/api/problem'
import { page, webhook } from './fixtures'

const api = vi.hoisted(() => ({
  listIntegrationClients: vi.fn(),
  listWebhooks: vi.fn(),
  fetchWebhook: vi.fn(),
  createWebhook: vi.fn(),
  updateWebhook: vi.fn(),
  deleteWebhook: vi.fn(),
  rotateWebhookSecret: vi.fn(),
  listWebhookDeliveries: vi.fn(),
  redeliverWebhook: vi.fn(),
  newIdempotencyKey: vi.fn(() => 'key-1'),
}))
vi.mock('@/api/integration', () => api)
const orgApi = vi.hoisted(() => ({ fetchRoots: vi.fn(), searchOrgs: vi.fn() }))
vi.mock('@/api/org', () => orgApi)

const clientHook = webhook()
const platformHook = webhook({
  id: '6',
  url: 'https://bigdata.example.cn/hooks/jinguo',
  types: ['NOTICE_PUBLISHED', 'RECEIPT_SIGNED'],
  orgId: '118',
  orgName: '渝中区妇女联合会',
  ownerClientId: undefined,
  enabled: false,
  pending: 0,
  dead: 0,
  lastDeliveredAt: undefined,
  createdBy: 'platform_admin',
  version: 4,
})
const SECRET = 'whsec_3c5d0f5e9a7b4c1d8e2f6a0b9c7d5e3f'

async function mountPage() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/integration', name: 'integration', component: IntegrationPage }],
  })
  await router.push('/integration?tab=webhooks')
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

function rowOf(url: string): HTMLElement {
  const cell = Array.from(document.querySelectorAll('[data-testid="integration-webhook-row-url"]')).find(
    (e) => e.textContent?.trim() === url,
  )
  const row = cell?.closest('tr')
  if (!row) throw new Error(`no row ${url}`)
  return row
}

function act(url: string, action: string) {
  rowOf(url).querySelector<HTMLElement>(`[data-testid="integration-webhook-${action}"]`)?.click()
}

function type(testId: string, value: string) {
  const input = q<HTMLInputElement>(`input[data-testid="${testId}"], [data-testid="${testId}"] input`)
  input.value = value
  input.dispatchEvent(new Event('input'))
}

function errorOf(testId: string): string | undefined {
  const item = document.querySelector(`[data-testid="${testId}"]`)?.closest('.el-form-item')
  return item?.querySelector('.el-form-item__error')?.textContent?.trim()
}

async function submit() {
  q('[data-testid="integration-webhook-submit"]').click()
  await settle()
  await new Promise((resolve) => setTimeout(resolve, 150))
}

async function check(testId: string) {
  q<HTMLInputElement>(`[data-testid="${testId}"] input`).click()
  await settle(1)
}

const writeText = vi.fn<(text: string) => Promise<void>>()

beforeEach(() => {
  vi.clearAllMocks()
  vi.restoreAllMocks()
  api.listWebhooks.mockResolvedValue({ items: [clientHook, platformHook], total: 2 })
  orgApi.fetchRoots.mockResolvedValue([org({ id: '1', code: '500000', name: '重庆市妇女联合会' })])
  orgApi.searchOrgs.mockResolvedValue(page([org()]))
  writeText.mockResolvedValue()
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
})

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard')
})

describe('集成 page, webhooks', { timeout: 30_000 }, () => {
  it('lists every webhook with its events, owner and backlog', async () => {
    await mountPage()
    expect(api.listWebhooks).toHaveBeenCalledTimes(1)
    expect(api.listIntegrationClients).not.toHaveBeenCalled()
    expect(all('[data-testid="integration-webhook-row-url"]')).toEqual([clientHook.url, platformHook.url])
    expect(all('[data-testid="integration-webhook-row-types"]')).toEqual([
      '活动信息被采用',
      '通知发布收文签收',
    ])
    expect(all('[data-testid="integration-webhook-row-owner"]')).toEqual(['city-platform', '平台'])
    expect(all('[data-testid="integration-webhook-row-pending"]')).toEqual(['2', '0'])
    expect(all('[data-testid="integration-webhook-row-dead"]')).toEqual(['1', '0'])
    expect(all('[data-testid="integration-webhook-row-status"]')).toEqual(['启用', '停用'])
    expect(rowOf(clientHook.url).textContent).toContain('2024-03-10 17:00')
    expect(rowOf(platformHook.url).textContent).toContain('尚未送达')
    expect(rowOf(platformHook.url).textContent).toContain('渝中区妇女联合会')
  })

  it('creates a webhook with the right body and shows its secret once, with a copy button', async () => {
    const created = webhook({ id: '7', url: 'https://receiver.example.cn/in', ownerClientId: undefined })
    api.createWebhook.mockResolvedValue({ webhook: created, secret: SECRET })
    const { wrapper } = await mountPage()
    q('[data-testid="integration-webhooks-create"]').click()
    await settle()

    await submit()
    expect(errorOf('integration-webhook-url')).toBe('请输入推送地址')
    expect(errorOf('integration-webhook-types')).toBe('请至少选择一种事件类型')
    expect(errorOf('integration-webhook-org')).toBe('请选择组织范围')

    type('integration-webhook-url', 'http://receiver.example.cn/in')
    await submit()
    expect(errorOf('integration-webhook-url')).toBe('地址须以 https:// 开头')
    expect(api.createWebhook).not.toHaveBeenCalled()

    type('integration-webhook-url', ' https://receiver.example.cn/in ')
    await check('integration-webhook-type-ACTIVITY_ACCEPTED')
    await check('integration-webhook-type-NOTICE_PUBLISHED')
    wrapper.findAllComponents(OrgSelect)[0]?.vm.$emit('update:modelValue', '1')
    await settle()
    const listed = api.listWebhooks.mock.calls.length
    await submit()

    expect(api.createWebhook).toHaveBeenCalledWith(
      {
        url: 'https://receiver.example.cn/in',
        types: ['ACTIVITY_ACCEPTED', 'NOTICE_PUBLISHED'],
        orgId: '1',
      },
      'key-1',
    )
    expect(api.listWebhooks.mock.calls.length).toBe(listed + 1)
    const dialog = q('[data-testid="integration-secret-dialog"]')
    expect(q<HTMLInputElement>('input[data-testid="integration-secret-value"]').value).toBe(SECRET)
    expect(q('[data-testid="integration-secret-warning"]').textContent).toContain('密钥只显示这一次')
    expect(dialog.textContent).toContain('https://receiver.example.cn/in')

    q('[data-testid="integration-secret-copy"]').click()
    await settle()
    expect(writeText).toHaveBeenCalledWith(SECRET)
    expect(document.body.textContent).toContain('已复制到剪贴板')

    q('[data-testid="integration-secret-done"]').click()
    await settle()
    expect(document.querySelector('input[data-testid="integration-secret-value"]')).toBeNull()
    expect(document.body.innerHTML).not.toContain(SECRET)
  })

  it('shows a refused URL under the field', async () => {
    api.createWebhook.mockRejectedValue(
      new ApiError(422, {
        type: 'about:blank',
        title: '规则不允许',
        status: 422,
        detail: '推送地址不能指向内网地址',
        code: 'WEBHOOK_URL_INTERNAL',
      }),
    )
    const { wrapper } = await mountPage()
    q('[data-testid="integration-webhooks-create"]').click()
    await settle()
    type('integration-webhook-url', 'https://10.0.0.8/in')
    await check('integration-webhook-type-RECEIPT_SIGNED')
    wrapper.findAllComponents(OrgSelect)[0]?.vm.$emit('update:modelValue', '1')
    await settle()

    await submit()

    expect(errorOf('integration-webhook-url')).toBe('推送地址不能指向内网地址')
    expect(document.querySelector('[data-testid="integration-secret-dialog"]')).toBeNull()
  })

  it('edits the URL and events of a webhook; its org stays', async () => {
    api.updateWebhook.mockResolvedValue({ ...clientHook, url: 'https://platform.example.cn/v2', version: 1 })
    await mountPage()
    act(clientHook.url, 'edit')
    await settle()
    expect(q<HTMLInputElement>('[data-testid="integration-webhook-org"] input').disabled).toBe(true)
    type('integration-webhook-url', 'https://platform.example.cn/v2')
    await check('integration-webhook-type-NOTICE_AMENDED')

    await submit()

    expect(api.updateWebhook).toHaveBeenCalledWith(clientHook, {
      url: 'https://platform.example.cn/v2',
      types: ['ACTIVITY_ACCEPTED', 'NOTICE_AMENDED'],
      enabled: true,
    })
    expect(all('[data-testid="integration-webhook-row-url"]')[0]).toBe('https://platform.example.cn/v2')
  })

  it('enables a disabled webhook after confirmation', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    api.updateWebhook.mockResolvedValue({ ...platformHook, enabled: true, version: 5 })
    await mountPage()

    act(platformHook.url, 'toggle')
    await settle()

    expect(api.updateWebhook).toHaveBeenCalledWith(platformHook, {
      url: platformHook.url,
      types: ['NOTICE_PUBLISHED', 'RECEIPT_SIGNED'],
      enabled: true,
    })
    expect(all('[data-testid="integration-webhook-row-status"]')).toEqual(['启用', '启用'])
  })

  it('rotates the secret after confirmation and shows the new one', async () => {
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    api.rotateWebhookSecret.mockResolvedValue({ webhook: { ...clientHook, version: 1 }, secret: 'whsec_new' })
    await mountPage()

    act(clientHook.url, 'rotate')
    await settle()

    expect(String(confirm.mock.calls[0]?.[0])).toContain('旧密钥立即失效')
    expect(api.rotateWebhookSecret).toHaveBeenCalledWith(clientHook, 'key-1')
    expect(q<HTMLInputElement>('input[data-testid="integration-secret-value"]').value).toBe('whsec_new')
  })

  it('says when someone else changed a webhook before a delete', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    api.deleteWebhook.mockRejectedValue(
      new ApiError(412, {
        type: 'about:blank',
        title: '数据已被修改',
        status: 412,
        code: 'PRECONDITION_FAILED',
      }),
    )
    await mountPage()
    const listed = api.listWebhooks.mock.calls.length

    act(platformHook.url, 'delete')
    await settle()

    expect(api.deleteWebhook).toHaveBeenCalledWith(platformHook)
    expect(document.body.textContent).toContain('已被他人修改，请刷新')
    expect(api.listWebhooks.mock.calls.length).toBe(listed + 1)
  })
})
