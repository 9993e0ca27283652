import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import InboxPage from '../index.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import { receipt } from '@/__tests__/receive-fixtures'
import { useAuthStore } from '@/stores/auth'

const api = vi.hoisted(() => ({
  fetchInbox: vi.fn(),
  fetchInboxSummary: vi.fn(),
  fetchInboxIssuers: vi.fn(),
}))
vi.mock('@/api/inbox', () => api)

const Blank = defineComponent({ render: () => h('div') })

async function mountInbox(memberships = me().memberships, path = '/inbox') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().me = me({ memberships })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/inbox', name: 'inbox', component: InboxPage },
      { path: '/inbox/:receiptId', name: 'inbox-receipt', component: Blank },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
    ],
  })
  await router.push(path)
  const wrapper = mountWithApp({ render: () => h(RouterView) }, { pinia, global: { plugins: [router] } })
  await settle()
  return { wrapper, router }
}

function lastQuery() {
  return api.fetchInbox.mock.calls.at(-1)?.[0]
}

beforeEach(() => {
  vi.clearAllMocks()
  api.fetchInboxSummary.mockResolvedValue({ unread: 2, unsigned: 5, dueSoon: 2, overdue: 1 })
  api.fetchInbox.mockResolvedValue({ items: [receipt()], total: 1, page: 0, size: 20 })
  api.fetchInboxIssuers.mockResolvedValue([
    { orgId: '1', name: '重庆市妇女联合会', count: 3 },
    { orgId: '5', name: '市妇联宣传部', count: 1 },
  ])
})

describe('inbox', () => {
  it('loads the current org’s receipts and shows the counts on the tabs', async () => {
    const { wrapper } = await mountInbox()
    expect(api.fetchInboxSummary).toHaveBeenCalledWith('118')
    expect(lastQuery()).toEqual({
      orgId: '118',
      filter: undefined,
      issuerOrgId: undefined,
      q: undefined,
      page: 0,
      size: 20,
    })
    expect(wrapper.get('[data-testid="inbox-tab-ALL"]').text()).toBe('全部')
    expect(wrapper.get('[data-testid="inbox-count-UNSIGNED"]').text()).toBe('5')
    expect(wrapper.get('[data-testid="inbox-count-DUE_SOON"]').text()).toBe('2')
    expect(wrapper.get('[data-testid="inbox-count-OVERDUE"]').text()).toBe('1')
    expect(wrapper.find('[data-testid="inbox-count-ALL"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="inbox-doc-number"]').text()).toBe('渝妇发〔2024〕5号')
    expect(wrapper.get('[data-testid="inbox-state"]').text()).toBe('未读')
    // one membership: no org selector
    expect(wrapper.find('[data-testid="inbox-org"]').exists()).toBe(false)
  })

  it('offers every org that sent to this inbox in the issuer filter, and filters by it', async () => {
    const { wrapper } = await mountInbox()
    expect(api.fetchInboxIssuers).toHaveBeenCalledWith('118')
    await wrapper.get('[data-testid="inbox-issuer"]').trigger('click')
    await settle()
    const options = [...document.querySelectorAll('.el-select-dropdown__item')].map((o) =>
      o.textContent?.trim(),
    )
    expect(options).toEqual(expect.arrayContaining(['重庆市妇女联合会', '市妇联宣传部']))
    const dept = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
      (o) => o.textContent?.trim() === '市妇联宣传部',
    )
    dept!.click()
    await settle()
    expect(lastQuery()).toEqual(expect.objectContaining({ issuerOrgId: '5', page: 0 }))
  })

  it.each([
    ['UNSIGNED', '未签收'],
    ['DUE_SOON', '即将到期'],
    ['OVERDUE', '已逾期'],
  ] as const)(
    'asks the API for %s when the %s tab is picked, and keeps it in the URL',
    async (filter, label) => {
      const { wrapper, router } = await mountInbox()
      const tab = wrapper.findAll('.el-tabs__item').find((t) => t.text().startsWith(label))
      await tab?.trigger('click')
      await settle()
      expect(lastQuery()).toMatchObject({ orgId: '118', filter, page: 0 })
      expect(router.currentRoute.value.query.filter).toBe(filter)
    },
  )

  it('restores the filter from the URL and searches by text', async () => {
    const { wrapper } = await mountInbox(undefined, '/inbox?filter=OVERDUE&page=2')
    expect(lastQuery()).toMatchObject({ filter: 'OVERDUE', page: 1 })
    await wrapper
      .get('input[data-testid="inbox-search"], [data-testid="inbox-search"] input')
      .setValue('三八')
    await wrapper.get('[data-testid="inbox-search-button"]').trigger('click')
    await settle()
    expect(lastQuery()).toMatchObject({ filter: 'OVERDUE', q: '三八', page: 0 })
  })

  it('says who signed and when, and colours an overdue deadline', async () => {
    api.fetchInbox.mockResolvedValue({
      items: [
        receipt({
          signedAt: '2024-02-27T03:00:00Z',
          signedBy: 'yuzhong.admin',
          firstReadAt: '2024-02-27T02:30:00Z',
          forwardedNoticeId: '55',
          deadline: '2000-01-01T00:00:00Z',
        }),
      ],
      total: 1,
      page: 0,
      size: 20,
    })
    const { wrapper } = await mountInbox()
    expect(wrapper.get('[data-testid="inbox-state"]').text()).toBe('已签收')
    expect(wrapper.get('[data-testid="inbox-signed-by"]').text()).toBe('yuzhong.admin 2024-02-27 11:00')
    expect(wrapper.get('[data-testid="inbox-deadline"]').classes()).toContain('overdue')
    expect(wrapper.get('[data-testid="inbox-forwarded"]').text()).toBe('已转发')
  })

  it('opens a receipt from its row', async () => {
    const { wrapper, router } = await mountInbox()
    await wrapper.get('.el-table__row').trigger('click')
    await settle()
    expect(router.currentRoute.value.name).toBe('inbox-receipt')
    expect(router.currentRoute.value.params.receiptId).toBe('900')
  })

  it('offers an org selector to a member of several orgs', async () => {
    const { wrapper } = await mountInbox([
      membership({
        id: 'm1',
        orgId: '118',
        orgName: '渝中区妇女联合会',
        orgCode: '500103',
        role: 'ORG_ADMIN',
      }),
      membership({
        id: 'm2',
        orgId: '7',
        orgName: '解放碑街道妇女联合会',
        orgCode: '500103001',
        role: 'VIEWER',
      }),
    ])
    expect(wrapper.find('[data-testid="inbox-org"]').exists()).toBe(true)
    useAuthStore().setCurrentOrg('7')
    await settle()
    expect(api.fetchInboxSummary).toHaveBeenLastCalledWith('7')
    expect(lastQuery()).toMatchObject({ orgId: '7' })
  })
})
