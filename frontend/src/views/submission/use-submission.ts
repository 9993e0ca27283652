import { computed, ref, shallowRef } from 'vue'
import {
  deleteSubmission,
  fetchPlanItems,
  fetchSubmission,
  reviewSubmission,
  setEntryFeatured,
  submitSubmission,
  updateSubmission,
  type VersionedSubmission,
} from '@/api/submission'
import { ApiError, problemMessage } from '@/api/problem'
import type { PlanItemRef, ReviewRequest, SubmissionView } from '@/api/types'
import {
  actionSet,
  formFromSubmission,
  isPlacedField,
  keepKeys,
  missingFromProblem,
  planItemOptions,
  snapshot,
  submissionFieldErrors,
  toInput,
  type Requirement,
  type SubmissionFormModel,
} from './data'

export type Outcome = 'done' | 'invalid' | 'incomplete' | 'stale' | 'failed'

/**
 * One package on the editor/detail page: the view, its ETag, the form, unsaved changes, and what the server
 * said about the last write (field errors, a rule, 412, the items a refused submit named).
 */
export function useSubmission() {
  const view = shallowRef<SubmissionView | null>(null)
  const etag = ref<string | null>(null)
  const form = ref<SubmissionFormModel>({ summary: '', entries: [] })
  const saved = ref(snapshot(form.value))
  const loading = ref(false)
  const saving = ref(false)
  /** Messages by form prop path (400), e.g. "entries.0.title". */
  const errors = ref<Record<string, string>>({})
  /** A problem without a place in the form (422 rule, 409 state) and the field errors the form cannot place. */
  const problem = ref<{ message: string; details: string[] } | null>(null)
  /** Someone else changed the package first (412). */
  const stale = ref(false)
  /** What the last refused submit named as missing (422 SUBMISSION_INCOMPLETE). */
  const missing = ref<Requirement[]>([])

  const dirty = computed(() => snapshot(form.value) !== saved.value)
  const actions = computed(() => actionSet(view.value))

  /** The planned activities the entries may realise, loaded once per package for all its entry cards. */
  const planItemList = shallowRef<PlanItemRef[]>([])
  const planItemsLoading = ref(false)
  const planItemsFailed = ref(false)
  let planItemsOf: string | null = null
  const planItems = computed(() =>
    planItemOptions(planItemList.value, {
      loading: planItemsLoading.value,
      failed: planItemsFailed.value,
    }),
  )

  /** Needed to edit, or to name the items the entries realise; not for a read-only package without links. */
  async function loadPlanItems(submission: SubmissionView): Promise<void> {
    const id = submission.id
    const needed =
      submission.actions.includes('UPDATE') || submission.entries.some((e) => Boolean(e.planItemId))
    if (planItemsOf === id || !needed) return
    planItemsOf = id
    planItemList.value = []
    planItemsFailed.value = false
    planItemsLoading.value = true
    try {
      const items = await fetchPlanItems(id)
      if (planItemsOf === id) planItemList.value = items
    } catch {
      // an API error is shown by the client; the picker says so, and the next view of this package tries again
      if (planItemsOf === id) {
        planItemsFailed.value = true
        planItemsOf = null
      }
    } finally {
      if (planItemsOf === id || planItemsOf === null) planItemsLoading.value = false
    }
  }

  function clearProblems() {
    errors.value = {}
    problem.value = null
    stale.value = false
  }

  /** A fresh view from the server; the form follows it (keeping its keys when it is the same package). */
  function accept(result: VersionedSubmission) {
    const same = view.value?.id === result.submission.id
    view.value = result.submission
    etag.value = result.etag
    const next = formFromSubmission(result.submission)
    form.value = same ? keepKeys(next, form.value) : next
    saved.value = snapshot(form.value)
    void loadPlanItems(result.submission)
  }

  async function load(id: string): Promise<void> {
    loading.value = true
    clearProblems()
    missing.value = []
    try {
      accept(await fetchSubmission(id))
    } finally {
      loading.value = false
    }
  }

  function failed(error: unknown): Outcome {
    if (!(error instanceof ApiError)) throw error
    if (error.status === 412) {
      stale.value = true
      return 'stale'
    }
    // 409: the package (or its notice) moved on meanwhile, e.g. sent or reviewed by someone else: say why
    // and offer the latest version.
    if (error.status === 409) stale.value = true
    if (error.status === 422 && error.problem?.code === 'SUBMISSION_INCOMPLETE') {
      missing.value = missingFromProblem(error.problem)
      problem.value = { message: problemMessage(error.problem) ?? error.message, details: [] }
      return 'incomplete'
    }
    const fields = submissionFieldErrors(error.problem)
    errors.value = fields
    problem.value = {
      message: problemMessage(error.problem) ?? error.message,
      details: Object.entries(fields)
        .filter(([path]) => !isPlacedField(path))
        .map(([, message]) => message),
    }
    return error.status === 400 ? 'invalid' : 'failed'
  }

  /** PUT with If-Match. The form is refilled from the answer: new entries get their ids. */
  async function save(): Promise<Outcome> {
    if (!view.value || !etag.value) return 'failed'
    clearProblems()
    saving.value = true
    try {
      accept(await updateSubmission(view.value.id, etag.value, toInput(form.value)))
      return 'done'
    } catch (error) {
      return failed(error)
    } finally {
      saving.value = false
    }
  }

  async function submit(): Promise<Outcome> {
    if (!view.value || !etag.value) return 'failed'
    clearProblems()
    missing.value = []
    saving.value = true
    try {
      accept(await submitSubmission(view.value.id, etag.value))
      return 'done'
    } catch (error) {
      return failed(error)
    } finally {
      saving.value = false
    }
  }

  async function review(request: ReviewRequest): Promise<Outcome> {
    if (!view.value || !etag.value) return 'failed'
    clearProblems()
    saving.value = true
    try {
      accept(await reviewSubmission(view.value.id, etag.value, request))
      return 'done'
    } catch (error) {
      return failed(error)
    } finally {
      saving.value = false
    }
  }

  /** 精选 on or off; the form is not editable then, so it simply follows the answer. */
  async function feature(entryId: string, featured: boolean): Promise<Outcome> {
    if (!view.value) return 'failed'
    try {
      accept(await setEntryFeatured(view.value.id, entryId, featured))
      return 'done'
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      return 'failed' // shown by the API client
    }
  }

  async function remove(): Promise<Outcome> {
    if (!view.value || !etag.value) return 'failed'
    clearProblems()
    saving.value = true
    try {
      await deleteSubmission(view.value.id, etag.value)
      saved.value = snapshot(form.value)
      return 'done'
    } catch (error) {
      return failed(error)
    } finally {
      saving.value = false
    }
  }

  /** After a 412: the latest version replaces the form (the user chose to drop their changes). */
  async function reload(): Promise<void> {
    if (view.value) await load(view.value.id)
  }

  return {
    view,
    etag,
    form,
    loading,
    saving,
    errors,
    problem,
    stale,
    missing,
    dirty,
    actions,
    planItems,
    load,
    save,
    submit,
    review,
    feature,
    remove,
    reload,
    accept,
  }
}
