import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { OrgPage, OrgView } from '@/api/types'
import { counts, crumbs, org } from '@/__tests__/fixtures'

const orgApi = vi.hoisted(() => ({
  MAX_PAGE_SIZE: 200,
  fetchRoots: vi.fn(),
  fetchChildren: vi.fn(),
  fetchOrg: vi.fn(),
  fetchAncestors: vi.fn(),
  fetchCounts: vi.fn(),
}))
vi.mock('@/api/org', () => orgApi)

import { useOrgTreeStore } from '../org-tree'

function children(count: number, from = 0): OrgView[] {
  return Array.from({ length: count }, (_, i) =>
    org({
      id: `c${from + i}`,
      code: `500103${from + i}`,
      name: `街道${from + i}`,
      parentId: '118',
      childCount: 0,
    }),
  )
}

function page(items: OrgView[], total: number, pageNo: number): OrgPage {
  return { items, total, page: pageNo, size: 200 }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('org tree store', () => {
  it('loads the roots of the caller’s scope', async () => {
    orgApi.fetchRoots.mockResolvedValue([org()])
    const store = useOrgTreeStore()

    const roots = await store.loadRoots()

    expect(roots.map((o) => o.name)).toEqual(['渝中区妇女联合会'])
    expect(store.rootsLoaded).toBe(true)
  })

  it('loads children a page of 200 at a time and knows when there are more', async () => {
    orgApi.fetchChildren
      .mockResolvedValueOnce(page(children(200), 450, 0))
      .mockResolvedValueOnce(page(children(200, 200), 450, 1))
      .mockResolvedValueOnce(page(children(50, 400), 450, 2))
    const store = useOrgTreeStore()

    await store.loadChildren('118')
    expect(orgApi.fetchChildren).toHaveBeenLastCalledWith('118', 0, 200)
    expect(store.loadedChildren('118')).toHaveLength(200)
    expect(store.hasMore('118')).toBe(true)

    const second = await store.loadMore('118')
    expect(orgApi.fetchChildren).toHaveBeenLastCalledWith('118', 1, 200)
    expect(second).toHaveLength(200)
    expect(second[0]?.id).toBe('c200')
    expect(store.hasMore('118')).toBe(true)

    const third = await store.loadMore('118')
    expect(orgApi.fetchChildren).toHaveBeenLastCalledWith('118', 2, 200)
    expect(third).toHaveLength(50)
    expect(store.loadedChildren('118')).toHaveLength(450)
    expect(store.hasMore('118')).toBe(false)

    expect(await store.loadMore('118')).toEqual([])
    expect(orgApi.fetchChildren).toHaveBeenCalledTimes(3)
  })

  it('does not duplicate a child that shifted between pages', async () => {
    orgApi.fetchChildren
      .mockResolvedValueOnce(page(children(200), 201, 0))
      .mockResolvedValueOnce(page([...children(1, 199), ...children(1, 200)], 201, 1))
    const store = useOrgTreeStore()

    await store.loadChildren('118')
    const fresh = await store.loadMore('118')

    expect(fresh.map((o) => o.id)).toEqual(['c200'])
    expect(store.loadedChildren('118')).toHaveLength(201)
  })

  it('has no "more" for a parent whose children all fit in one page, or that was never opened', async () => {
    orgApi.fetchChildren.mockResolvedValueOnce(page(children(3), 3, 0))
    const store = useOrgTreeStore()

    await store.loadChildren('118')

    expect(store.hasMore('118')).toBe(false)
    expect(store.hasMore('unknown')).toBe(false)
  })

  it('selects an org with its ETag, breadcrumb and counts', async () => {
    orgApi.fetchOrg.mockResolvedValue({ org: org(), etag: '"3"' })
    orgApi.fetchAncestors.mockResolvedValue(crumbs)
    orgApi.fetchCounts.mockResolvedValue(counts)
    const store = useOrgTreeStore()

    await store.select('118')

    expect(orgApi.fetchOrg).toHaveBeenCalledWith('118')
    expect(store.selectedId).toBe('118')
    expect(store.selectedEtag).toBe('"3"')
    expect(store.breadcrumb).toEqual(crumbs)
    expect(store.counts?.descendants).toBe(63)
    expect(store.detailLoading).toBe(false)
  })

  it('keeps the last selection when an earlier one answers late', async () => {
    let releaseSlow: (v: { org: OrgView; etag: string }) => void = () => undefined
    orgApi.fetchOrg
      .mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)))
      .mockResolvedValueOnce({ org: org({ id: '205', name: '江北区妇女联合会' }), etag: '"1"' })
    orgApi.fetchAncestors.mockResolvedValue(crumbs)
    orgApi.fetchCounts.mockResolvedValue(counts)
    const store = useOrgTreeStore()

    const slow = store.select('118')
    await store.select('205')
    releaseSlow({ org: org(), etag: '"3"' })
    await slow

    expect(store.selected?.name).toBe('江北区妇女联合会')
    expect(store.selectedEtag).toBe('"1"')
  })

  it('puts a saved version everywhere it is shown', async () => {
    orgApi.fetchRoots.mockResolvedValue([org()])
    orgApi.fetchChildren.mockResolvedValue(page(children(2), 2, 0))
    orgApi.fetchOrg.mockResolvedValue({ org: org({ id: 'c1', parentId: '118' }), etag: '"3"' })
    orgApi.fetchAncestors.mockResolvedValue(crumbs)
    orgApi.fetchCounts.mockResolvedValue(counts)
    const store = useOrgTreeStore()
    await store.loadRoots()
    await store.loadChildren('118')
    await store.select('c1')

    store.applyUpdate(org({ id: 'c1', name: '解放碑街道妇联', version: 4 }), '"4"')

    expect(store.loadedChildren('118')[1]?.name).toBe('解放碑街道妇联')
    expect(store.selected?.name).toBe('解放碑街道妇联')
    expect(store.selectedEtag).toBe('"4"')
  })

  it('forgets loaded children on invalidate and everything on reset', async () => {
    orgApi.fetchRoots.mockResolvedValue([org()])
    orgApi.fetchChildren.mockResolvedValue(page(children(2), 2, 0))
    const store = useOrgTreeStore()
    await store.loadRoots()
    await store.loadChildren('118')

    store.invalidate('118')
    expect(store.loadedChildren('118')).toEqual([])

    await store.loadChildren('118')
    store.reset()
    expect(store.roots).toEqual([])
    expect(store.rootsLoaded).toBe(false)
    expect(store.children.size).toBe(0)
    expect(store.selected).toBeNull()
  })
})
