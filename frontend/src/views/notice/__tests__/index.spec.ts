import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { createPinia } from 'pinia'
import { defineComponent, h } from 'vue'
import NoticeList from '../index.vue'
import { mountWithApp } from '@/__tests__/mount'
import { me, membership } from '@/__tests__/fixtures'
import { useAuthStore } from '@/stores/auth'
import type { MembershipView, Permission } from '@/api/types'
import { summary } from './fixtures'

const noticeApi = vi.hoisted(() => ({ listNotices: vi.fn() }))
vi.mock('@/api/notice', () => noticeApi)
const orgApi = vi.hoisted(() => ({ searchOrgs: vi.fn() }))
vi.mock('@/api/org', () => orgApi)

const Blank = defineComponent({ render: () => h('div', { 'data-testid': 'blank' }) })

async function open(
  path: string,
  permissions: Permission[] = ['org:read', 'notice:write'],
  memberships?: MembershipView[],
) {
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/notices', name: 'notices', component: NoticeList },
      { path: '/notices/new', name: 'notice-new', component: Blank },
      { path: '/notices/:id/edit', name: 'notice-edit', component: Blank },
      { path: '/notices/:id', name: 'notice-detail', component: Blank },
    ],
  })
  await router.push(path)
  await router.isReady()
  const pinia = createPinia()
  useAuthStore(pinia).me = me(memberships ? { permissions, memberships } : { permissions })
  const wrapper = mountWithApp(RouterView, { pinia, global: { plugins: [router] } })
  await flushPromises()
  return { wrapper, router }
}

function lastQuery() {
  return noticeApi.listNotices.mock.calls[noticeApi.listNotices.mock.calls.length - 1]?.[0]
}

beforeEach(() => {
  vi.clearAllMocks()
  noticeApi.listNotices.mockResolvedValue({
    items: [
      summary(),
      summary({ id: '43', status: 'DRAFT', docNumber: undefined, recipientCount: 0, signedCount: 0 }),
    ],
    total: 2,
    page: 0,
    size: 20,
  })
})

describe('notice list', { timeout: 20_000 }, () => {
  it('loads the filters from the URL and shows the rows', async () => {
    const { wrapper } = await open('/notices?status=PUBLISHED&q=三八&page=2')
    expect(lastQuery()).toEqual({
      issued: true,
      status: 'PUBLISHED',
      q: '三八',
      issuerOrgId: undefined,
      page: 1,
      size: 20,
    })
    const rows = wrapper.findAll('.el-table__body tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]?.text()).toContain('渝妇发〔2024〕5号')
    expect(rows[0]?.text()).toContain('已发布')
    expect(rows[0]?.text()).toContain('19/38')
    expect(rows[0]?.text()).toContain('2024-03-10 18:00')
    expect(rows[1]?.text()).toContain('（未编号）')
    expect(rows[1]?.text()).toContain('草稿')
  })

  it('puts the status tab and the search into the URL and asks the API again from page 1', async () => {
    const { wrapper, router } = await open('/notices?page=3')
    await wrapper.get('#tab-DRAFT').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ status: 'DRAFT' })
    expect(lastQuery()).toMatchObject({ status: 'DRAFT', page: 0 })

    await wrapper
      .get('input[data-testid="notice-search"], [data-testid="notice-search"] input')
      .setValue('妇女节')
    await wrapper.get('[data-testid="notice-search-submit"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ status: 'DRAFT', q: '妇女节' })
    expect(lastQuery()).toMatchObject({ status: 'DRAFT', q: '妇女节', page: 0 })
  })

  it('opens a draft in the editor and a published notice in its detail page', async () => {
    const { wrapper, router } = await open('/notices')
    await wrapper.findAll('.el-table__body tr')[1]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('notice-edit')
    expect(router.currentRoute.value.params.id).toBe('43')

    await router.push('/notices')
    await flushPromises()
    await wrapper.findAll('.el-table__body tr')[0]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('notice-detail')
    expect(router.currentRoute.value.params.id).toBe('42')
  })

  it('offers “新建通知” only with notice:write', async () => {
    await open('/notices')
    expect(document.querySelector('[data-testid="notice-create"]')?.textContent).toContain('新建通知')
    document.body.innerHTML = ''
    await open('/notices', ['org:read'])
    expect(document.querySelector('[data-testid="notice-create"]')).toBeNull()
  })

  it('offers “机关代字” only to members with org:write in some org', async () => {
    const admin = await open('/notices')
    expect(admin.wrapper.find('[data-testid="notice-issuer-codes"]').exists()).toBe(true)
    admin.wrapper.unmount()

    const editor = membership({
      id: 'm9',
      orgId: '118',
      orgName: '渝中区妇女联合会',
      orgCode: '500103',
      role: 'EDITOR',
    })
    const { wrapper } = await open('/notices', ['org:read', 'notice:write'], [editor])
    expect(wrapper.find('[data-testid="notice-issuer-codes"]').exists()).toBe(false)
  })
})
