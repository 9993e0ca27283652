import { computed, ref, shallowRef } from 'vue'
import { createPlan, deletePlan, fetchPlan, filePlan, updatePlan, type VersionedPlan } from '@/api/plan'
import { ApiError, problemMessage } from '@/api/problem'
import type { PlanView } from '@/api/types'
import {
  emptyForm,
  formFromPlan,
  planFieldErrors,
  sentItems,
  snapshot,
  toInput,
  type PlanFormModel,
} from './data'

/** Field paths shown next to their field; other field errors are listed above the form. */
export const SHOWN_FIELDS = ['orgId', 'noticeId', 'title', 'theme', 'periodStart', 'periodEnd']

export type SaveOutcome = 'created' | 'updated' | 'filed' | 'invalid' | 'stale' | 'failed'

/**
 * A plan being edited: the form, the version it was loaded at (ETag for If-Match), whether it has
 * unsaved changes, and what the server said about the last save (field errors, rule, 412).
 */
export function usePlanDraft() {
  const form = ref<PlanFormModel>(emptyForm())
  const plan = shallowRef<PlanView | null>(null)
  const etag = ref<string | null>(null)
  const saved = ref(snapshot(form.value))
  const loading = ref(false)
  const saving = ref(false)
  /** Messages by field path (400): "title", "rows[2].endsOn" (table rows), "sections[0].heading". */
  const errors = ref<Record<string, string>>({})
  /** A problem without a field (409 state, 422 rule) or field errors the form cannot place. */
  const problem = ref<{ message: string; details: string[] } | null>(null)
  /** Someone else saved first (412). */
  const stale = ref(false)

  const dirty = computed(() => snapshot(form.value) !== saved.value)
  const actions = computed(() => new Set(plan.value?.actions ?? []))

  function clearProblems() {
    errors.value = {}
    problem.value = null
    stale.value = false
  }

  function start(orgId: string, noticeId = '') {
    plan.value = null
    etag.value = null
    form.value = emptyForm(orgId, noticeId)
    saved.value = snapshot(form.value)
    clearProblems()
  }

  function accept(result: VersionedPlan, fill: boolean) {
    plan.value = result.plan
    etag.value = result.etag
    // after a save the items have ids: the rows take them, so a second save updates rather than adds
    if (fill) form.value = formFromPlan(result.plan)
    else adoptIds(result.plan)
    saved.value = snapshot(form.value)
  }

  /** The rows sent are the items saved, in order. */
  function adoptIds(saved: PlanView) {
    sentItems(form.value).forEach(({ item }, index) => {
      const savedItem = saved.items[index]
      if (savedItem) item.id = savedItem.id
    })
  }

  async function load(id: string): Promise<void> {
    loading.value = true
    clearProblems()
    try {
      accept(await fetchPlan(id), true)
    } finally {
      loading.value = false
    }
  }

  async function save(): Promise<SaveOutcome> {
    clearProblems()
    saving.value = true
    const body = toInput(form.value)
    try {
      if (plan.value && etag.value) {
        accept(await updatePlan(plan.value.id, etag.value, body), false)
        return 'updated'
      }
      accept(await createPlan(body), false)
      return 'created'
    } catch (error) {
      return failed(error)
    } finally {
      saving.value = false
    }
  }

  /** 备案 of the saved plan (save first when there are changes). */
  async function file(): Promise<SaveOutcome> {
    if (!plan.value || !etag.value) return 'failed'
    clearProblems()
    saving.value = true
    try {
      accept(await filePlan(plan.value.id, etag.value), false)
      return 'filed'
    } catch (error) {
      return failed(error)
    } finally {
      saving.value = false
    }
  }

  /** 412 → stale; 400/409/422 → field errors next to their fields, the rest above the form. */
  function failed(error: unknown): SaveOutcome {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 412) {
      stale.value = true
      return 'stale'
    }
    const fields = planFieldErrors(error.problem, form.value)
    errors.value = fields
    const unplaced = Object.entries(fields)
      .filter(
        ([field]) =>
          !SHOWN_FIELDS.includes(field) && !field.startsWith('rows[') && !field.startsWith('sections['),
      )
      .map(([, message]) => message)
    problem.value = { message: problemMessage(error.problem) ?? error.message, details: unplaced }
    return error.status === 400 ? 'invalid' : 'failed'
  }

  /** After a 412: the latest version replaces the form (the user chose to drop their changes). */
  async function reload(): Promise<void> {
    if (plan.value) await load(plan.value.id)
  }

  async function remove(): Promise<void> {
    if (!plan.value || !etag.value) return
    await deletePlan(plan.value.id, etag.value)
    saved.value = snapshot(form.value)
  }

  /** Forget unsaved changes (after delete or filing, so the leave guard does not ask). */
  function markClean() {
    saved.value = snapshot(form.value)
  }

  return {
    form,
    plan,
    etag,
    loading,
    saving,
    errors,
    problem,
    stale,
    dirty,
    actions,
    start,
    load,
    save,
    file,
    reload,
    remove,
    accept,
    markClean,
  }
}
