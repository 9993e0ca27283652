import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import OrgSearch from '../modules/org-search.vue'
import { flushPromises } from '@vue/test-utils'
import { mountWithApp } from '@/__tests__/mount'
import { org } from '@/__tests__/fixtures'
import type { OrgPage } from '@/api/types'

const orgApi = vi.hoisted(() => ({ searchOrgs: vi.fn() }))
vi.mock('@/api/org', () => orgApi)

function page(items = [org()]): OrgPage {
  return { items, total: items.length, page: 0, size: 20 }
}

async function type(wrapper: ReturnType<typeof mountWithApp>, value: string) {
  await wrapper
    .get('input[data-testid="org-search-input"], [data-testid="org-search-input"] input')
    .setValue(value)
  await vi.advanceTimersByTimeAsync(300) // the debounce
  await flushPromises()
}

function summary(): string | undefined {
  return document.querySelector('[data-testid="org-search-summary"]')?.textContent?.trim()
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('org search', () => {
  it('says nothing was found only once the answer is there', async () => {
    let answer: (value: OrgPage) => void = () => {}
    orgApi.searchOrgs.mockReturnValue(new Promise<OrgPage>((resolve) => (answer = resolve)))
    const wrapper = mountWithApp(OrgSearch)

    await type(wrapper, '江北')
    expect(orgApi.searchOrgs).toHaveBeenCalledWith({ q: '江北', size: 20 })
    expect(document.querySelector('[data-testid="org-search-results"]')).not.toBeNull()
    expect(summary()).toBeUndefined()

    answer(page([]))
    await flushPromises()
    expect(summary()).toBe('没有找到匹配的组织')
  })

  it('lists the matches and hands the picked org to the page', async () => {
    orgApi.searchOrgs.mockResolvedValue(
      page([org({ id: '7', code: '500103001', name: '解放碑街道妇女联合会' })]),
    )
    const wrapper = mountWithApp(OrgSearch)

    await type(wrapper, '解放碑')
    expect(summary()).toBe('搜索结果（共 1 条）')
    const row = wrapper.get('[data-testid="org-search-result"]')
    expect(row.attributes('data-org-code')).toBe('500103001')
    await row.trigger('click')
    expect(wrapper.emitted('pick')?.[0]?.[0]).toMatchObject({ id: '7' })
  })
})
