import { computed, ref, shallowRef } from 'vue'
import {
  amendNotice,
  createNotice,
  deleteNotice,
  fetchNotice,
  updateNotice,
  type VersionedNotice,
} from '@/api/notice'
import { ApiError, problemMessage } from '@/api/problem'
import type { NoticeView } from '@/api/types'
import { emptyForm, formFromNotice, noticeFieldErrors, snapshot, toInput, type NoticeFormModel } from './data'

/** Field paths the editor shows next to a field; other field errors are listed above the form. */
export const SHOWN_FIELDS = [
  'issuerOrgId',
  'title',
  'theme',
  'mainTo',
  'cc',
  'signedOn',
  'contactPerson',
  'contactPhone',
  'contactEmail',
  'receivingDepartment',
  'deadline',
  'planRequired',
  'planDeadline',
]

export type SaveOutcome = 'created' | 'updated' | 'amended' | 'invalid' | 'stale' | 'failed'

/**
 * A notice draft being edited: the form, the version it was loaded at (ETag for If-Match), whether it
 * has unsaved changes, and what the server said about the last save (field errors, rule, 412).
 */
export function useNoticeInput() {
  const form = ref<NoticeFormModel>(emptyForm())
  const notice = shallowRef<NoticeView | null>(null)
  const etag = ref<string | null>(null)
  const saved = ref(snapshot(form.value))
  const loading = ref(false)
  const saving = ref(false)
  /** Messages by server field path (400). */
  const errors = ref<Record<string, string>>({})
  /** A problem without a field (422 rule, 409 state) or the field errors the form cannot place. */
  const problem = ref<{ message: string; details: string[] } | null>(null)
  /** Someone else saved first (412). */
  const stale = ref(false)

  const dirty = computed(() => snapshot(form.value) !== saved.value)
  const actions = computed(() => new Set(notice.value?.actions ?? []))

  function start(issuerOrgId: string) {
    notice.value = null
    etag.value = null
    form.value = emptyForm(issuerOrgId)
    saved.value = snapshot(form.value)
    clearProblems()
  }

  function accept(result: VersionedNotice, fill: boolean) {
    notice.value = result.notice
    etag.value = result.etag
    if (fill) {
      form.value = formFromNotice(result.notice)
    }
    saved.value = snapshot(form.value)
  }

  function clearProblems() {
    errors.value = {}
    problem.value = null
    stale.value = false
  }

  async function load(id: string): Promise<void> {
    loading.value = true
    clearProblems()
    try {
      accept(await fetchNotice(id), true)
    } finally {
      loading.value = false
    }
  }

  async function save(): Promise<SaveOutcome> {
    clearProblems()
    saving.value = true
    const body = toInput(form.value)
    try {
      if (notice.value && etag.value) {
        accept(await updateNotice(notice.value.id, etag.value, body), false)
        return 'updated'
      }
      accept(await createNotice(body), false)
      return 'created'
    } catch (error) {
      return failed(error)
    } finally {
      saving.value = false
    }
  }

  /**
   * Amends the published notice: the form's content with the reason, If-Match the loaded
   * version. The recipients were fixed at publishing and are left out of the content.
   */
  async function amend(reason: string): Promise<SaveOutcome> {
    if (!notice.value || !etag.value) return 'failed'
    clearProblems()
    saving.value = true
    const content = toInput(form.value)
    delete content.recipients
    try {
      accept(await amendNotice(notice.value.id, etag.value, { reason, content }), false)
      return 'amended'
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
    // an amendment's field paths start with content.
    const fields = Object.fromEntries(
      Object.entries(noticeFieldErrors(error.problem)).map(([field, message]) => [
        field.replace(/^content\./, ''),
        message,
      ]),
    )
    errors.value = fields
    const unplaced = Object.entries(fields)
      .filter(([field]) => !SHOWN_FIELDS.includes(field) && !field.startsWith('sections['))
      .map(([, message]) => message)
    problem.value = {
      message: problemMessage(error.problem) ?? error.message,
      details: unplaced,
    }
    return error.status === 400 ? 'invalid' : 'failed'
  }

  /** After a 412: the latest version replaces the form (the user chose to drop their changes). */
  async function reload(): Promise<void> {
    if (notice.value) await load(notice.value.id)
  }

  async function remove(): Promise<void> {
    if (!notice.value || !etag.value) return
    await deleteNotice(notice.value.id, etag.value)
    saved.value = snapshot(form.value)
  }

  /** Forget unsaved changes (after delete or publish, so the leave guard does not ask). */
  function markClean() {
    saved.value = snapshot(form.value)
  }

  return {
    form,
    notice,
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
    amend,
    reload,
    remove,
    accept,
    markClean,
  }
}
