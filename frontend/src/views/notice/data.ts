import {
  type NoticeAttachment,
  type NoticeInput,
  type NoticeView,
  ORG_TYPES,
  type OrgType,
  type Problem,
  type RecipientRule,
  type ReminderPolicy,
  type RequiredItems,
} from '@/api/types'

/** Limits mirrored from NoticeInput's validation, so most mistakes never leave the form. */
export const MAX_LENGTH = {
  title: 200,
  theme: 200,
  heading: 200,
  mainTo: 1000,
  cc: 1000,
  contactPerson: 50,
  contactPhone: 30,
  contactEmail: 254,
  receivingDepartment: 100,
  attachmentTitle: 200,
} as const
export const MAX_SECTIONS = 100
export const MAX_PHOTOS = 100
export const PHONE_PATTERN = /^[0-9+\-() ]{5,30}$/
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Business dates and times are Shanghai's (UTC+8, no daylight saving). */
export const BUSINESS_ZONE = 'Asia/Shanghai'
const SHANGHAI_OFFSET = '+08:00'

export interface SectionModel {
  /** Stable key for v-for while sections are reordered. */
  key: number
  heading: string
  html: string
}

export interface ItemsModel {
  summary: boolean
  minPhotos: number
  video: boolean
  article: boolean
  newMediaLink: boolean
}

export interface OverrideModel {
  type: OrgType
  items: ItemsModel
}

export interface AttachmentModel {
  fileId: string
  /** 附件说明 as printed. */
  title: string
  name: string
  size: number
  contentType: string
}

/** The reminder policy (自动催报) as the editor shows it. */
export interface ReminderModel {
  enabled: boolean
  /** Days before the deadline, largest first. */
  daysBefore: number[]
  /** Days after the deadline. */
  daysAfter: number[]
  escalate: boolean
  escalateAfterDays: number
}

/** The server's default policy, for new notices. */
export function defaultReminders(): ReminderModel {
  return { enabled: true, daysBefore: [3, 1], daysAfter: [1, 3, 7], escalate: true, escalateAfterDays: 3 }
}

const sortedDays = (days: number[] | undefined, order: 1 | -1): number[] =>
  [...new Set(days ?? [])].sort((a, b) => (a - b) * order)

export function remindersFrom(policy: ReminderPolicy | undefined): ReminderModel {
  if (!policy) return defaultReminders()
  return {
    enabled: policy.enabled ?? true,
    daysBefore: sortedDays(policy.daysBefore, -1),
    daysAfter: sortedDays(policy.daysAfter, 1),
    escalate: policy.escalateAfterDays != null,
    escalateAfterDays: policy.escalateAfterDays ?? 3,
  }
}

export function remindersOut(model: ReminderModel): ReminderPolicy {
  return {
    enabled: model.enabled,
    daysBefore: sortedDays(model.daysBefore, -1),
    daysAfter: sortedDays(model.daysAfter, 1),
    escalateAfterDays: model.escalate ? model.escalateAfterDays : undefined,
  }
}

/** What the editor edits; empty strings stand for "not given"; date-times are Shanghai wall clock. */
export interface NoticeFormModel {
  issuerOrgId: string
  title: string
  theme: string
  sections: SectionModel[]
  mainTo: string
  cc: string
  recipients: RecipientRule
  signedOn: string
  contactPerson: string
  contactPhone: string
  contactEmail: string
  receivingDepartment: string
  /**
   * The issuer's department (部室) that reviews in its place, or ''. No control of its own: it comes with a
   * draft (an import matched it from 收文部门) and is sent back unchanged, so a save does not drop it.
   */
  receivingOrgId: string
  /** 'YYYY-MM-DD HH:mm:ss' in Shanghai, or ''. */
  deadline: string
  planRequired: boolean
  planDeadline: string
  items: ItemsModel
  overrides: OverrideModel[]
  attachments: AttachmentModel[]
  reminders: ReminderModel
}

let sectionKey = 0
export function newSection(heading = '', html = ''): SectionModel {
  return { key: ++sectionKey, heading, html }
}

export function emptyItems(): ItemsModel {
  return { summary: false, minPhotos: 0, video: false, article: false, newMediaLink: false }
}

export function emptyRule(): RecipientRule {
  return { groups: [], orgIds: [], excludedOrgIds: [] }
}

export function emptyForm(issuerOrgId = ''): NoticeFormModel {
  return {
    issuerOrgId,
    title: '',
    theme: '',
    sections: [newSection()],
    mainTo: '',
    cc: '',
    recipients: emptyRule(),
    signedOn: '',
    contactPerson: '',
    contactPhone: '',
    contactEmail: '',
    receivingDepartment: '',
    receivingOrgId: '',
    deadline: '',
    planRequired: false,
    planDeadline: '',
    items: emptyItems(),
    overrides: [],
    attachments: [],
    reminders: defaultReminders(),
  }
}

function itemsFrom(items: RequiredItems | undefined): ItemsModel {
  return {
    summary: items?.summary ?? false,
    minPhotos: items?.minPhotos ?? 0,
    video: items?.video ?? false,
    article: items?.article ?? false,
    newMediaLink: items?.newMediaLink ?? false,
  }
}

function isOrgType(value: string): value is OrgType {
  return (ORG_TYPES as readonly string[]).includes(value)
}

function attachmentFrom(a: NoticeAttachment): AttachmentModel {
  return { fileId: a.fileId, title: a.title, name: a.name, size: a.size, contentType: a.contentType }
}

/** What a notice and a draft's input have in common: the content the form edits, but the attachments. */
type NoticeContent = Omit<NoticeInput, 'attachments' | 'issuerOrgId'>

function formFromContent(
  issuerOrgId: string,
  content: NoticeContent,
  attachments: AttachmentModel[],
): NoticeFormModel {
  const byType = content.requirements?.byOrgType ?? {}
  return {
    issuerOrgId,
    title: content.title,
    theme: content.theme ?? '',
    sections: (content.sections ?? []).map((s) => newSection(s.heading ?? '', s.html)),
    mainTo: content.mainTo ?? '',
    cc: content.cc ?? '',
    recipients: {
      groups: (content.recipients?.groups ?? []).map((g) => ({ ...g })),
      orgIds: [...(content.recipients?.orgIds ?? [])],
      excludedOrgIds: [...(content.recipients?.excludedOrgIds ?? [])],
    },
    signedOn: content.signedOn ?? '',
    contactPerson: content.contactPerson ?? '',
    contactPhone: content.contactPhone ?? '',
    contactEmail: content.contactEmail ?? '',
    receivingDepartment: content.receivingDepartment ?? '',
    receivingOrgId: content.receivingOrgId ?? '',
    deadline: content.deadline ? toWallTime(content.deadline) : '',
    planRequired: content.planRequired ?? false,
    planDeadline: content.planDeadline ? toWallTime(content.planDeadline) : '',
    items: itemsFrom(content.requirements?.items),
    overrides: Object.entries(byType)
      .filter(([type]) => isOrgType(type))
      .map(([type, items]) => ({ type: type as OrgType, items: itemsFrom(items) })),
    attachments,
    reminders: remindersFrom(content.reminders),
  }
}

export function formFromNotice(notice: NoticeView): NoticeFormModel {
  return formFromContent(notice.issuerOrgId, notice, notice.attachments.map(attachmentFrom))
}

/**
 * A NoticeInput (an imported draft) as the form. Its attachments are left out: an input names stored files
 * only by id, and an import names none (the files are uploaded in the form).
 */
export function formFromInput(input: NoticeInput): NoticeFormModel {
  const form = formFromContent(input.issuerOrgId ?? '', input, [])
  if (!form.sections.length) form.sections = [newSection()] // as a new form: one section to type in
  return form
}

/**
 * The form after an import replaces its content: the issuer stays when the draft names none or the form's
 * is fixed (a saved draft), and then the department matched for another issuer is dropped; the files
 * already attached and the reminder policy stay (an import reads neither).
 */
export function importedForm(
  current: NoticeFormModel,
  draft: NoticeInput,
  options: { issuerFixed: boolean; issuerIds: string[] },
): NoticeFormModel {
  const form = formFromInput(draft)
  const drafted = draft.issuerOrgId ?? ''
  const keep = options.issuerFixed || !drafted || !options.issuerIds.includes(drafted)
  if (keep && drafted !== current.issuerOrgId) {
    form.issuerOrgId = current.issuerOrgId
    form.receivingOrgId = ''
  }
  form.attachments = current.attachments.map((a) => ({ ...a }))
  form.reminders = { ...current.reminders }
  return form
}

const optional = (value: string): string | undefined => {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

function itemsOut(items: ItemsModel): RequiredItems {
  return { ...items }
}

/** The request body: a whole NoticeInput (an update replaces the draft). */
export function toInput(form: NoticeFormModel): NoticeInput {
  const byOrgType: Record<string, RequiredItems> = {}
  for (const o of form.overrides) byOrgType[o.type] = itemsOut(o.items)
  return {
    issuerOrgId: form.issuerOrgId || undefined,
    title: form.title.trim(),
    theme: optional(form.theme),
    sections: form.sections
      .filter((s) => s.heading.trim() !== '' || !isBlankHtml(s.html))
      .map((s) => ({ heading: optional(s.heading), html: s.html })),
    mainTo: optional(form.mainTo),
    cc: optional(form.cc),
    recipients: {
      groups: (form.recipients.groups ?? []).map((g) => ({ ...g })),
      orgIds: [...(form.recipients.orgIds ?? [])],
      excludedOrgIds: [...(form.recipients.excludedOrgIds ?? [])],
    },
    signedOn: optional(form.signedOn),
    contactPerson: optional(form.contactPerson),
    contactPhone: optional(form.contactPhone),
    contactEmail: optional(form.contactEmail),
    receivingDepartment: optional(form.receivingDepartment),
    receivingOrgId: form.receivingOrgId || undefined,
    deadline: form.deadline ? toOffsetTime(form.deadline) : undefined,
    planRequired: form.planRequired,
    planDeadline: form.planRequired && form.planDeadline ? toOffsetTime(form.planDeadline) : undefined,
    requirements: { items: itemsOut(form.items), byOrgType },
    attachments: form.attachments.map((a) => ({
      fileId: a.fileId,
      title: a.title.trim() || titleFromFileName(a.name),
    })),
    reminders: remindersOut(form.reminders),
  }
}

/** A rich-text section with no words in it (an empty editor yields `<p></p>`). */
export function isBlankHtml(html: string): boolean {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .trim() === ''
  )
}

/** What counts for "unsaved changes": the body that would be sent. */
export function snapshot(form: NoticeFormModel): string {
  return JSON.stringify(toInput(form))
}

// ---- time ----------------------------------------------------------------------------------------

const wallFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** An instant (ISO with any offset) as Shanghai wall clock 'YYYY-MM-DD HH:mm:ss'. */
export function toWallTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const parts: Record<string, string> = {}
  for (const p of wallFormat.formatToParts(date)) parts[p.type] = p.value
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** Shanghai wall clock 'YYYY-MM-DD HH:mm[:ss]' as ISO-8601 with the +08:00 offset. */
export function toOffsetTime(wall: string): string {
  const [date, time = '00:00:00'] = wall.trim().split(/[ T]/)
  const full = time.length === 5 ? `${time}:00` : time
  return `${date}T${full}${SHANGHAI_OFFSET}`
}

// ---- problems ------------------------------------------------------------------------------------

/**
 * Field errors by the server's field path ("title", "sections[1].heading", "requirements.items.minPhotos");
 * the first message for a field wins.
 */
export function noticeFieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const result: Record<string, string> = {}
  for (const e of problem?.errors ?? []) {
    if (e.field && e.message && !(e.field in result)) result[e.field] = e.message
  }
  return result
}

/** Human-readable size: 1.2 MB, 830 KB. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

/** The default 附件说明: the file name without its extension. */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}
