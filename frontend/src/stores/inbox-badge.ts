import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fetchInboxSummary } from '@/api/inbox'
import type { InboxSummary } from '@/api/types'

/** The inbox counts of one org: the badge on the 收文 menu entry and on the inbox's tabs. */
export const useInboxBadgeStore = defineStore('inbox-badge', () => {
  const orgId = ref<string | null>(null)
  const summary = ref<InboxSummary | null>(null)

  /** Reloads the counts (of the given org, else of the one loaded last); failures keep the old ones. */
  async function refresh(forOrg?: string | null): Promise<InboxSummary | null> {
    const target = forOrg ?? orgId.value
    if (!target) return null
    try {
      const loaded = await fetchInboxSummary(target)
      orgId.value = target
      summary.value = loaded
    } catch {
      // shown by the API client; the badge keeps its last value
    }
    return summary.value
  }

  function reset(): void {
    orgId.value = null
    summary.value = null
  }

  return { orgId, summary, refresh, reset }
})
