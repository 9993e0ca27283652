import type {
  EntryInput,
  EntryReview,
  IncludableEntry,
  MediaInput,
  PlanItemRef,
  PlanKind,
  Problem,
  ReviewRequest,
  SubmissionAction,
  SubmissionCompleteness,
  SubmissionEntry,
  SubmissionInput,
  SubmissionRevision,
  SubmissionStatus,
  SubmissionView,
} from '@/api/types'

/** The package editor's model and its mapping to and from the API (entries, media, completeness, review). */

/** Limits mirrored from SubmissionInput's validation, so most mistakes never leave the form. */
export const MAX_LENGTH = {
  title: 200,
  location: 200,
  summary: 20_000,
  entrySummary: 20_000,
  url: 1000,
  mediaTitle: 200,
} as const
export const MAX_ENTRIES = 300
export const MAX_MEDIA_PER_ENTRY = 60
export const MAX_PARTICIPANTS = 1_000_000

/** Media kept as uploaded files; articles may also be web pages (see UrlMediaModel). */
export type FileKind = 'PHOTO' | 'VIDEO' | 'ARTICLE'
export type UrlKind = 'ARTICLE' | 'LINK'
export const FILE_KINDS = ['PHOTO', 'VIDEO', 'ARTICLE'] as const satisfies readonly FileKind[]
export const URL_KINDS = ['ARTICLE', 'LINK'] as const satisfies readonly UrlKind[]

export interface FileMediaModel {
  /** Stable key for v-for. */
  key: string
  fileId: string
  title: string
  fileName: string
  contentType: string
  size: number | null
}

export interface UrlMediaModel {
  key: string
  kind: UrlKind
  url: string
  title: string
}

/** One activity as the editor holds it; empty strings stand for "not given". */
export interface EntryModel {
  key: string
  /** The saved entry's id ('' until saved). */
  id: string
  /** Set for an entry included from a subordinate (汇总): read-only, the server copies its content. */
  sourceEntryId: string
  /** The org that held the activity (a subordinate's for an included entry). */
  originOrgName: string
  planItemId: string
  title: string
  /** 'YYYY-MM-DD' */
  heldOn: string
  heldUntil: string
  location: string
  participants: number | null
  summary: string
  files: Record<FileKind, FileMediaModel[]>
  urls: UrlMediaModel[]
  /** As last loaded: how the reviewer judged it. */
  reviewStatus: EntryReview | null
  returnReason: string
  featured: boolean
}

export interface SubmissionFormModel {
  summary: string
  entries: EntryModel[]
}

let keySeq = 0
export function nextKey(prefix = 'k'): string {
  keySeq += 1
  return `${prefix}${keySeq}`
}

export function isIncluded(entry: Pick<EntryModel, 'sourceEntryId'>): boolean {
  return entry.sourceEntryId !== ''
}

export function emptyEntry(originOrgName = ''): EntryModel {
  return {
    key: nextKey('e'),
    id: '',
    sourceEntryId: '',
    originOrgName,
    planItemId: '',
    title: '',
    heldOn: '',
    heldUntil: '',
    location: '',
    participants: null,
    summary: '',
    files: { PHOTO: [], VIDEO: [], ARTICLE: [] },
    urls: [],
    reviewStatus: null,
    returnReason: '',
    featured: false,
  }
}

/** An entry of the API as the editor's model; media are split into files by kind and web addresses. */
export function entryFromView(e: SubmissionEntry): EntryModel {
  const entry = emptyEntry(e.originOrgName)
  entry.id = e.id
  entry.sourceEntryId = e.sourceEntryId ?? ''
  entry.planItemId = e.planItemId ?? ''
  entry.title = e.title
  entry.heldOn = e.heldOn
  entry.heldUntil = e.heldUntil ?? ''
  entry.location = e.location ?? ''
  entry.participants = e.participants ?? null
  entry.summary = e.summary ?? ''
  entry.reviewStatus = e.reviewStatus
  entry.returnReason = e.returnReason ?? ''
  entry.featured = e.featured
  for (const m of e.media) {
    if (m.fileId && m.kind !== 'LINK') {
      entry.files[m.kind].push({
        key: nextKey('m'),
        fileId: m.fileId,
        title: m.title ?? '',
        fileName: m.fileName ?? '',
        contentType: m.contentType ?? '',
        size: m.size ?? null,
      })
    } else if (m.url && (m.kind === 'ARTICLE' || m.kind === 'LINK')) {
      entry.urls.push({ key: nextKey('u'), kind: m.kind, url: m.url, title: m.title ?? '' })
    }
  }
  return entry
}

/** A subordinate's accepted entry chosen in the 汇总 dialog: shown as the source has it until saved. */
export function entryFromIncludable(item: IncludableEntry): EntryModel {
  const entry = entryFromView(item.entry)
  entry.id = ''
  entry.sourceEntryId = item.entry.id
  entry.reviewStatus = null
  entry.returnReason = ''
  entry.featured = false
  return entry
}

export function formFromSubmission(view: SubmissionView): SubmissionFormModel {
  return { summary: view.summary ?? '', entries: view.entries.map(entryFromView) }
}

/**
 * The form refilled after a save keeps the keys of what it already showed (entries by position, files by
 * file id, addresses by position), so cards and pictures are not rebuilt (nor photos fetched again).
 */
export function keepKeys(next: SubmissionFormModel, previous: SubmissionFormModel): SubmissionFormModel {
  next.entries.forEach((entry, i) => {
    const before = previous.entries[i]
    if (!before) return
    entry.key = before.key
    for (const kind of FILE_KINDS) {
      const unused = [...before.files[kind]]
      for (const f of entry.files[kind]) {
        const at = unused.findIndex((u) => u.fileId === f.fileId)
        if (at < 0) continue
        f.key = unused[at]?.key ?? f.key
        unused.splice(at, 1)
      }
    }
    entry.urls.forEach((u, j) => {
      const old = before.urls[j]
      if (old) u.key = old.key
    })
  })
  return next
}

function text(value: string): string | undefined {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

/** Media in a fixed order: photos, videos, article files, then web addresses as entered. */
export function mediaToInput(entry: EntryModel): MediaInput[] {
  const files = FILE_KINDS.flatMap((kind) =>
    entry.files[kind].map((f): MediaInput => ({ kind, fileId: f.fileId, title: text(f.title) })),
  )
  const urls = entry.urls
    .filter((u) => u.url.trim() !== '')
    .map((u): MediaInput => ({ kind: u.kind, url: u.url.trim(), title: text(u.title) }))
  return [...files, ...urls]
}

/**
 * The entry as EntryInput. An included entry is only referenced (id and/or sourceEntryId): the server keeps
 * the subordinate's content and refuses changes to it.
 */
export function entryToInput(entry: EntryModel): EntryInput {
  if (isIncluded(entry)) {
    return entry.id
      ? { id: entry.id, sourceEntryId: entry.sourceEntryId }
      : { sourceEntryId: entry.sourceEntryId }
  }
  return {
    id: entry.id || undefined,
    planItemId: text(entry.planItemId),
    title: entry.title.trim(),
    heldOn: entry.heldOn || undefined,
    heldUntil: entry.heldUntil || undefined,
    location: text(entry.location),
    participants: entry.participants ?? undefined,
    summary: text(entry.summary),
    media: mediaToInput(entry),
  }
}

/** The request body: the whole package (an update replaces it). */
export function toInput(form: SubmissionFormModel): SubmissionInput {
  return { summary: text(form.summary), entries: form.entries.map(entryToInput) }
}

/** What counts for "unsaved changes": the body that would be sent. */
export function snapshot(form: SubmissionFormModel): string {
  return JSON.stringify(toInput(form))
}

/** An http(s) address with a host, as the server accepts for links and article pages. */
export function isWebUrl(value: string): boolean {
  const trimmed = value.trim()
  if (!/^https?:\/\//i.test(trimmed)) return false
  try {
    const url = new URL(trimmed)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** Moves an item of a list by one place; the list is returned unchanged when that is impossible. */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list]
  const copy = [...list]
  const [item] = copy.splice(index, 1)
  if (item !== undefined) copy.splice(target, 0, item)
  return copy
}

// ---- completeness ------------------------------------------------------------------------------

/** The required items, in the order the notice lists them; the same names as the 422 errors[].field. */
export const REQUIREMENTS = ['entries', 'summary', 'photos', 'video', 'article', 'newMediaLink'] as const
export type Requirement = (typeof REQUIREMENTS)[number]

const REQUIREMENT_BY_NAME: Record<string, Requirement> = {
  entries: 'entries',
  summary: 'summary',
  photos: 'photos',
  video: 'video',
  article: 'article',
  newmedialink: 'newMediaLink',
  new_media_link: 'newMediaLink',
}

/** A missing item as the server names it ("photos"; the contract's description also says "PHOTOS"). */
export function requirementOf(name: string): Requirement | null {
  return REQUIREMENT_BY_NAME[name.trim().toLowerCase()] ?? null
}

/** What a 422 SUBMISSION_INCOMPLETE says is missing (errors[].field). */
export function missingFromProblem(problem: Problem | null | undefined): Requirement[] {
  const found = new Set<Requirement>()
  for (const e of problem?.errors ?? []) {
    const r = e.field ? requirementOf(e.field) : null
    if (r) found.add(r)
  }
  return REQUIREMENTS.filter((r) => found.has(r))
}

export interface CompletenessRow {
  key: Requirement
  /** The notice asks for it of this org's type (an activity is always needed). */
  required: boolean
  /** How many the saved package has (summary: 1 when written). */
  present: number
  /** How many are needed when required (photos: the minimum). */
  min: number
  missing: boolean
}

/**
 * The completeness panel: every item with what is required and what the saved package has. Missing is
 * the server's list, plus whatever a refused submit named (`alsoMissing`).
 */
export function completenessRows(
  c: SubmissionCompleteness,
  alsoMissing: readonly string[] = [],
): CompletenessRow[] {
  const missing = new Set<Requirement>()
  for (const name of [...c.missing, ...alsoMissing]) {
    const r = requirementOf(name)
    if (r) missing.add(r)
  }
  const minPhotos = c.required.minPhotos ?? 0
  const rows: Omit<CompletenessRow, 'missing'>[] = [
    { key: 'entries', required: true, present: c.entries, min: 1 },
    { key: 'summary', required: c.required.summary === true, present: c.hasSummary ? 1 : 0, min: 1 },
    { key: 'photos', required: minPhotos > 0, present: c.photos, min: minPhotos },
    { key: 'video', required: c.required.video === true, present: c.videos, min: 1 },
    { key: 'article', required: c.required.article === true, present: c.articles, min: 1 },
    { key: 'newMediaLink', required: c.required.newMediaLink === true, present: c.links, min: 1 },
  ]
  return rows.map((row) => ({ ...row, missing: missing.has(row.key) }))
}

// ---- server field errors -----------------------------------------------------------------------

/** Server field paths ("entries[0].media[2].url") as the form's prop paths ("entries.0.media.2.url"). */
export function fieldPath(serverField: string): string {
  return serverField.replace(/\[(\d+)\]/g, '.$1')
}

/** Field errors by form prop path; the first message for a field wins. */
export function submissionFieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const result: Record<string, string> = {}
  for (const e of problem?.errors ?? []) {
    if (!e.field || !e.message) continue
    const path = fieldPath(e.field)
    if (!(path in result)) result[path] = e.message
  }
  return result
}

/** Fields the editor shows in place: the summary and an entry's own inputs; media errors under its media. */
const PLACED =
  /^(summary|entries\.\d+\.(title|heldOn|heldUntil|location|participants|summary|planItemId|media\..*))$/

export function isPlacedField(path: string): boolean {
  return PLACED.test(path)
}

/** The messages about one entry's media (the server counts them in the order mediaToInput sends them). */
export function mediaErrorsOf(errors: Record<string, string>, index: number): string[] {
  const prefix = `entries.${index}.media`
  return Object.entries(errors)
    .filter(([path]) => path.startsWith(prefix))
    .map(([, message]) => message)
}

// ---- status, actions, review ----------------------------------------------------------------

export const STATUS_TAG: Record<SubmissionStatus, 'info' | 'primary' | 'success' | 'danger'> = {
  DRAFT: 'info',
  SUBMITTED: 'primary',
  ACCEPTED: 'success',
  RETURNED: 'danger',
}

export function actionSet(view: SubmissionView | null): Set<SubmissionAction> {
  return new Set(view?.actions ?? [])
}

/** Only a draft never submitted can be deleted: the server offers DELETE then. */
export function canDeleteDraft(view: SubmissionView | null): boolean {
  return !!view && view.actions.includes('DELETE')
}

export interface EntryReturn {
  entryId: string
  reason: string
}

export function acceptRequest(): ReviewRequest {
  return { decision: 'ACCEPT' }
}

/** 退回: the package's reason and a reason for each entry that has one (blank ones are left out). */
export function returnRequest(reason: string, entries: readonly EntryReturn[]): ReviewRequest {
  const verdicts = entries
    .map((e) => ({ entryId: e.entryId, reason: e.reason.trim() }))
    .filter((e) => e.reason !== '')
  return verdicts.length
    ? { decision: 'RETURN', reason: reason.trim(), entries: verdicts }
    : { decision: 'RETURN', reason: reason.trim() }
}

/** A revision's per-entry reasons with the titles of the entries as sent. */
export function revisionReturns(revision: SubmissionRevision): { title: string; reason: string }[] {
  const titles = new Map(revision.entries.map((e) => [e.id, e.title]))
  return (revision.entryReasons ?? []).map((r) => ({
    title: titles.get(r.entryId) ?? r.entryId,
    reason: r.reason,
  }))
}

/** The entries of a returned package that the reviewer sent back, with why. */
export function returnedEntries(view: SubmissionView): { id: string; title: string; reason: string }[] {
  return view.entries
    .filter((e) => e.reviewStatus === 'RETURNED')
    .map((e) => ({ id: e.id, title: e.title, reason: e.returnReason ?? '' }))
}

// ---- the planned activity an entry realises (对应方案活动) ----

/** The items of one plan, in the order the server gave them. */
export interface PlanItemGroup {
  planId: string
  planTitle: string
  planKind: PlanKind
  items: PlanItemRef[]
}

/** What every entry card of a page picks from: loaded once per package. */
export interface PlanItemOptions {
  groups: PlanItemGroup[]
  byId: ReadonlyMap<string, PlanItemRef>
  loading: boolean
  failed: boolean
}

/** Items grouped by plan; plans and items keep the server's order (the notice's plan first). */
export function planItemGroups(items: readonly PlanItemRef[]): PlanItemGroup[] {
  const groups = new Map<string, PlanItemGroup>()
  for (const item of items) {
    let group = groups.get(item.planId)
    if (!group) {
      group = { planId: item.planId, planTitle: item.planTitle, planKind: item.planKind, items: [] }
      groups.set(item.planId, group)
    }
    group.items.push(item)
  }
  return [...groups.values()]
}

export function planItemOptions(
  items: readonly PlanItemRef[],
  state: { loading?: boolean; failed?: boolean } = {},
): PlanItemOptions {
  return {
    groups: planItemGroups(items),
    byId: new Map(items.map((i) => [i.id, i])),
    loading: state.loading ?? false,
    failed: state.failed ?? false,
  }
}

export function hasTarget(item: Pick<PlanItemRef, 'targetValue'>): boolean {
  return item.targetValue !== undefined && item.targetValue !== null
}
