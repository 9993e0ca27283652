import type {
  MembershipView,
  PlanInput,
  PlanItemInput,
  PlanItemView,
  PlanStatus,
  PlanView,
  Problem,
} from '@/api/types'
import { isBlankHtml, newSection, type SectionModel } from '@/views/notice/data'

/** Limits mirrored from PlanInput's validation, so most mistakes never leave the form. */
export const MAX_LENGTH = {
  title: 200,
  theme: 200,
  section: 200,
  itemTitle: 200,
  description: 5000,
  location: 200,
  organizer: 200,
  partners: 500,
  audience: 200,
  targetUnit: 20,
} as const
export const MAX_ITEMS = 200
export const MAX_SECTIONS = 50
export const MAX_PARTICIPANTS = 10_000_000
/** numeric(14,2) */
export const MAX_VALUE = 999_999_999_999.99

/** One row of the items table; empty strings and nulls stand for "not given". */
export interface ItemModel {
  /** Stable key for v-for while rows are added, removed and reordered. */
  key: number
  /** The server's id of an existing item ('' for a new row): sent back so the item keeps its progress. */
  id: string
  section: string
  title: string
  description: string
  /** 'YYYY-MM-DD' or '' */
  startsOn: string
  endsOn: string
  location: string
  organizer: string
  partners: string
  audience: string
  expectedParticipants: number | null
  targetValue: number | null
  targetUnit: string
}

/** What the plan editor edits. */
export interface PlanFormModel {
  orgId: string
  noticeId: string
  title: string
  theme: string
  periodStart: string
  periodEnd: string
  sections: SectionModel[]
  items: ItemModel[]
}

let itemKey = 0
export function newItem(section = ''): ItemModel {
  return {
    key: ++itemKey,
    id: '',
    section,
    title: '',
    description: '',
    startsOn: '',
    endsOn: '',
    location: '',
    organizer: '',
    partners: '',
    audience: '',
    expectedParticipants: null,
    targetValue: null,
    targetUnit: '',
  }
}

export function emptyForm(orgId = '', noticeId = ''): PlanFormModel {
  return {
    orgId,
    noticeId,
    title: '',
    theme: '',
    periodStart: '',
    periodEnd: '',
    sections: [],
    items: [newItem()],
  }
}

/** An item as the server shows it or as a draft's input has it (an imported one has no id). */
type ItemContent = Omit<PlanItemInput, 'id'> & { id?: string }

function itemFrom(i: ItemContent): ItemModel {
  return {
    key: ++itemKey,
    id: i.id ?? '',
    section: i.section ?? '',
    title: i.title,
    description: i.description ?? '',
    startsOn: i.startsOn ?? '',
    endsOn: i.endsOn ?? '',
    location: i.location ?? '',
    organizer: i.organizer ?? '',
    partners: i.partners ?? '',
    audience: i.audience ?? '',
    expectedParticipants: i.expectedParticipants ?? null,
    targetValue: i.targetValue ?? null,
    targetUnit: i.targetUnit ?? '',
  }
}

/** What a plan and a draft's input have in common: the content the form edits. */
type PlanContent = Pick<PlanInput, 'title' | 'theme' | 'periodStart' | 'periodEnd' | 'sections'> & {
  items?: ItemContent[]
}

function formFromContent(orgId: string, noticeId: string, content: PlanContent): PlanFormModel {
  return {
    orgId,
    noticeId,
    title: content.title,
    theme: content.theme ?? '',
    periodStart: content.periodStart ?? '',
    periodEnd: content.periodEnd ?? '',
    sections: (content.sections ?? []).map((s) => newSection(s.heading ?? '', s.html)),
    items: (content.items ?? []).map(itemFrom),
  }
}

export function formFromPlan(plan: PlanView): PlanFormModel {
  return formFromContent(plan.orgId, plan.notice?.id ?? '', plan)
}

/** A PlanInput (an imported draft) as the form: its items are new rows (ids dropped); a blank row when none. */
export function formFromInput(input: PlanInput): PlanFormModel {
  const items = (input.items ?? []).map((i) => ({ ...i, id: undefined }))
  const form = formFromContent(input.orgId ?? '', input.noticeId ?? '', { ...input, items })
  if (!form.items.length) form.items = [newItem()]
  return form
}

/**
 * The form after an import replaces its content: the org stays when the draft names none or the plan's org
 * is fixed (a saved plan); the notice it answers always stays (a text does not say).
 */
export function importedForm(
  current: PlanFormModel,
  draft: PlanInput,
  options: { orgFixed: boolean; orgIds: string[] },
): PlanFormModel {
  const form = formFromInput(draft)
  const drafted = draft.orgId ?? ''
  if (options.orgFixed || !drafted || !options.orgIds.includes(drafted)) form.orgId = current.orgId
  form.noticeId = current.noticeId
  return form
}

const optional = (value: string): string | undefined => {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

const optionalNumber = (value: number | null): number | undefined =>
  value === null || Number.isNaN(value) ? undefined : value

/** A row nobody filled in (the blank row a new plan starts with) is not sent. */
export function isBlankItem(item: ItemModel): boolean {
  return (
    !item.id &&
    [
      item.section,
      item.title,
      item.description,
      item.startsOn,
      item.endsOn,
      item.location,
      item.organizer,
      item.partners,
      item.audience,
      item.targetUnit,
    ].every((v) => v.trim() === '') &&
    item.expectedParticipants === null &&
    item.targetValue === null
  )
}

function itemOut(item: ItemModel): PlanItemInput {
  return {
    id: item.id || undefined,
    section: optional(item.section),
    title: item.title.trim(),
    description: optional(item.description),
    startsOn: item.startsOn || undefined,
    endsOn: item.endsOn || undefined,
    location: optional(item.location),
    organizer: optional(item.organizer),
    partners: optional(item.partners),
    audience: optional(item.audience),
    expectedParticipants: optionalNumber(item.expectedParticipants),
    targetValue: optionalNumber(item.targetValue),
    targetUnit: optionalNumber(item.targetValue) === undefined ? undefined : optional(item.targetUnit),
  }
}

/** The rows that are sent, with their index in the table (server errors name the index sent). */
export function sentItems(form: PlanFormModel): { item: ItemModel; row: number }[] {
  return form.items.map((item, row) => ({ item, row })).filter(({ item }) => !isBlankItem(item))
}

/** The request body: a whole PlanInput (an update replaces the plan's content). */
export function toInput(form: PlanFormModel): PlanInput {
  return {
    orgId: form.orgId || undefined,
    noticeId: form.noticeId || undefined,
    title: form.title.trim(),
    theme: optional(form.theme),
    periodStart: form.periodStart || undefined,
    periodEnd: form.periodEnd || undefined,
    sections: form.sections
      .filter((s) => s.heading.trim() !== '' || !isBlankHtml(s.html))
      .map((s) => ({ heading: optional(s.heading), html: s.html })),
    items: sentItems(form).map(({ item }) => itemOut(item)),
  }
}

/** What counts for "unsaved changes": the body that would be sent. */
export function snapshot(form: PlanFormModel): string {
  return JSON.stringify(toInput(form))
}

// ---- checks ----------------------------------------------------------------------------------

export type ItemField = keyof Omit<ItemModel, 'key' | 'id'>

/** Why a row cannot be sent, keyed by its field: the messages' keys under plan.check. */
export type ItemProblem = 'required' | 'dateOrder' | 'unitWithoutTarget' | 'decimals' | 'range'

function twoDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6
}

/** Client-side checks of one row, mirroring the server's; the server has the last word. */
export function itemProblems(item: ItemModel): Partial<Record<ItemField, ItemProblem>> {
  const problems: Partial<Record<ItemField, ItemProblem>> = {}
  if (isBlankItem(item)) return problems
  if (item.title.trim() === '') problems.title = 'required'
  if (item.startsOn && item.endsOn && item.endsOn < item.startsOn) problems.endsOn = 'dateOrder'
  if (
    item.expectedParticipants !== null &&
    (item.expectedParticipants < 0 ||
      item.expectedParticipants > MAX_PARTICIPANTS ||
      !Number.isInteger(item.expectedParticipants))
  )
    problems.expectedParticipants = 'range'
  if (item.targetValue === null) {
    if (item.targetUnit.trim() !== '') problems.targetValue = 'unitWithoutTarget'
  } else if (item.targetValue < 0 || item.targetValue > MAX_VALUE) {
    problems.targetValue = 'range'
  } else if (!twoDecimals(item.targetValue)) {
    problems.targetValue = 'decimals'
  }
  return problems
}

/** Every row's problems as field paths of the request ("items[2].endsOn"), with their message keys. */
export function formProblems(form: PlanFormModel): Record<string, ItemProblem> {
  const result: Record<string, ItemProblem> = {}
  if (form.periodStart && form.periodEnd && form.periodEnd < form.periodStart) result.periodEnd = 'dateOrder'
  sentItems(form).forEach(({ item }, index) => {
    for (const [field, problem] of Object.entries(itemProblems(item))) {
      result[`items[${index}].${field}`] = problem
    }
  })
  return result
}

/**
 * Server field errors by path ("title", "items[1].endsOn"); item paths count the rows sent, so they are
 * turned back into table rows ("rows[3].endsOn") for the table to place them.
 */
export function planFieldErrors(
  problem: Problem | null | undefined,
  form: PlanFormModel,
): Record<string, string> {
  const rows = sentItems(form).map(({ row }) => row)
  const result: Record<string, string> = {}
  for (const e of problem?.errors ?? []) {
    if (!e.field || !e.message) continue
    const match = /^items\[(\d+)\]\.(.+)$/.exec(e.field)
    const row = match ? rows[Number(match[1])] : undefined
    const key = match && row !== undefined ? `rows[${row}].${match[2]}` : e.field
    if (!(key in result)) result[key] = e.message
  }
  return result
}

// ---- reading a plan --------------------------------------------------------------------------

export interface SectionGroup {
  /** '' for items without a section. */
  section: string
  items: PlanItemView[]
}

/** Items grouped by consecutive section headings, in the plan's order. */
export function groupBySection(items: PlanItemView[]): SectionGroup[] {
  const groups: SectionGroup[] = []
  for (const item of items) {
    const section = item.section ?? ''
    const last = groups[groups.length - 1]
    if (last && last.section === section) last.items.push(item)
    else groups.push({ section, items: [item] })
  }
  return groups
}

/** Share of a target achieved, 0–100 (a target passed shows 100). */
export function progressPercent(
  progress: number | null | undefined,
  target: number | null | undefined,
): number {
  if (!target || target <= 0 || progress === null || progress === undefined) return 0
  return Math.min(100, Math.max(0, Math.round((progress / target) * 100)))
}

/** The tag colour of each plan status, the same in every list and panel. */
export const PLAN_STATUS_TAG: Record<PlanStatus, 'info' | 'success' | 'danger' | 'warning' | 'primary'> = {
  DRAFT: 'info',
  FILED: 'warning',
  ACKNOWLEDGED: 'success',
  RETURNED: 'danger',
}

export interface OrgOption {
  id: string
  name: string
}

/** The orgs whose plans the caller writes (plan:write in that very org); a plan's own org is always listed. */
export function writerOrgs(memberships: MembershipView[], plan: PlanView | null): OrgOption[] {
  const options = new Map<string, string>()
  for (const m of memberships) {
    if (m.permissions.includes('plan:write')) options.set(m.orgId, m.orgName)
  }
  if (plan && !options.has(plan.orgId)) options.set(plan.orgId, plan.orgName)
  return [...options].map(([id, name]) => ({ id, name }))
}
