import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { MAX_PAGE_SIZE, fetchAncestors, fetchChildren, fetchCounts, fetchOrg, fetchRoots } from '@/api/org'
import type { Crumb, OrgCounts, OrgView } from '@/api/types'

/** The children of one org loaded so far (pages of MAX_PAGE_SIZE, in the server's order). */
export interface ChildPage {
  items: OrgView[]
  total: number
  /** Last page loaded (0-based). */
  page: number
}

/**
 * The org tree as far as it has been opened: roots, children by parent (lazily, a page at a time,
 * never the whole tree) and the selected org with its breadcrumb, counts and ETag.
 */
export const useOrgTreeStore = defineStore('org-tree', () => {
  const roots = ref<OrgView[]>([])
  const rootsLoaded = ref(false)
  const children = reactive(new Map<string, ChildPage>())

  const selected = ref<OrgView | null>(null)
  const selectedEtag = ref<string | null>(null)
  const breadcrumb = ref<Crumb[]>([])
  const counts = shallowRef<OrgCounts | null>(null)
  const detailLoading = ref(false)
  let selectSeq = 0

  const selectedId = computed(() => selected.value?.id ?? null)

  async function loadRoots(): Promise<OrgView[]> {
    roots.value = await fetchRoots()
    rootsLoaded.value = true
    return roots.value
  }

  /** First page of a parent's children (replaces whatever was loaded for it). */
  async function loadChildren(parentId: string): Promise<ChildPage> {
    const page = await fetchChildren(parentId, 0, MAX_PAGE_SIZE)
    const entry: ChildPage = { items: page.items, total: page.total, page: 0 }
    children.set(parentId, entry)
    return entry
  }

  function hasMore(parentId: string): boolean {
    const entry = children.get(parentId)
    return entry !== undefined && entry.items.length < entry.total
  }

  /** Next page of a parent's children; returns only the new items. */
  async function loadMore(parentId: string): Promise<OrgView[]> {
    const entry = children.get(parentId)
    if (!entry) return (await loadChildren(parentId)).items
    if (entry.items.length >= entry.total) return []
    const nextPage = entry.page + 1
    const page = await fetchChildren(parentId, nextPage, MAX_PAGE_SIZE)
    const known = new Set(entry.items.map((o) => o.id))
    const fresh = page.items.filter((o) => !known.has(o.id))
    entry.items.push(...fresh)
    entry.total = page.total
    entry.page = nextPage
    return fresh
  }

  function loadedChildren(parentId: string): OrgView[] {
    return children.get(parentId)?.items ?? []
  }

  /** Forget a parent's loaded children (after a create/move/close below it). */
  function invalidate(parentId: string): void {
    children.delete(parentId)
  }

  /** Loads an org's detail, breadcrumb and counts; a later select wins over an earlier slow one. */
  async function select(id: string): Promise<void> {
    const seq = ++selectSeq
    detailLoading.value = true
    try {
      const [versioned, crumbs, subtree] = await Promise.all([
        fetchOrg(id),
        fetchAncestors(id),
        fetchCounts(id),
      ])
      if (seq !== selectSeq) return
      selected.value = versioned.org
      selectedEtag.value = versioned.etag
      breadcrumb.value = crumbs
      counts.value = subtree
    } finally {
      if (seq === selectSeq) detailLoading.value = false
    }
  }

  /** Re-reads the selected org (after an edit elsewhere or a 412). */
  async function refreshSelected(): Promise<void> {
    if (selected.value) await select(selected.value.id)
  }

  /** Puts a saved version in place (keeps the ETag for the next If-Match). */
  function applyUpdate(org: OrgView, etag?: string): void {
    if (selected.value?.id === org.id) {
      selected.value = org
      selectedEtag.value = etag ?? `"${org.version}"`
    }
    const replace = (list: OrgView[]) => {
      const index = list.findIndex((o) => o.id === org.id)
      if (index >= 0) list.splice(index, 1, org)
    }
    replace(roots.value)
    for (const entry of children.values()) replace(entry.items)
  }

  function clearSelection(): void {
    selectSeq++
    selected.value = null
    selectedEtag.value = null
    breadcrumb.value = []
    counts.value = null
    detailLoading.value = false
  }

  function reset(): void {
    roots.value = []
    rootsLoaded.value = false
    children.clear()
    clearSelection()
  }

  return {
    roots,
    rootsLoaded,
    children,
    selected,
    selectedId,
    selectedEtag,
    breadcrumb,
    counts,
    detailLoading,
    loadRoots,
    loadChildren,
    loadMore,
    hasMore,
    loadedChildren,
    invalidate,
    select,
    refreshSelected,
    applyUpdate,
    clearSelection,
    reset,
  }
})
