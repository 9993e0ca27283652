import type { ComposerTranslation } from 'vue-i18n'
import { importNotice } from '@/api/doc-import'
import type { ImportField, NoticeInput } from '@/api/types'
import { parseFieldName } from '@/components/doc-import/highlight'
import type { FieldDescription, FieldKind, ImportKind } from '@/components/doc-import/types'
import { MAX_LENGTH, toOffsetTime, toWallTime } from './data'

/** 公文导入 for the notice editor: the API call, the names and colours of the fields, what may be corrected. */

const KIND: Record<string, FieldKind> = {
  issuer: 'org',
  docNumber: 'heading',
  title: 'heading',
  theme: 'heading',
  mainTo: 'recipient',
  recipients: 'recipient',
  cc: 'recipient',
  sections: 'structure',
  activities: 'activity',
  deadline: 'reporting',
  planRequired: 'reporting',
  planDeadline: 'reporting',
  channels: 'reporting',
  requirements: 'reporting',
  receivingDepartment: 'contact',
  contactPerson: 'contact',
  contactPhone: 'contact',
  contactEmail: 'contact',
  signedOn: 'date',
  issuedOn: 'date',
  attachments: 'attachment',
}

/** Fields named by their plain key under docImport.noticeField. */
const PLAIN = [
  'issuer',
  'docNumber',
  'title',
  'theme',
  'mainTo',
  'deadline',
  'planRequired',
  'planDeadline',
  'receivingDepartment',
  'contactPerson',
  'contactPhone',
  'contactEmail',
  'signedOn',
  'issuedOn',
  'cc',
] as const
type Plain = (typeof PLAIN)[number]
const isPlain = (name: string): name is Plain => (PLAIN as readonly string[]).includes(name)

const REQUIREMENTS = ['summary', 'photos', 'video', 'article', 'newMediaLink'] as const
type Requirement = (typeof REQUIREMENTS)[number]
const isRequirement = (name: string | undefined): name is Requirement =>
  (REQUIREMENTS as readonly string[]).includes(name ?? '')

const ACTIVITY_PARTS = {
  location: 'activityLocation',
  partners: 'activityPartners',
  dates: 'activityDate',
} as const

/** An ISO date-time as Shanghai wall clock to the minute; other values as they are. */
function wallMinutes(value: string): string {
  return toWallTime(value).slice(0, 16) || value
}

export function describeNoticeField(t: ComposerTranslation, f: ImportField): FieldDescription {
  const name = parseFieldName(f.field)
  const n = (name.index ?? 0) + 1
  const kind = KIND[name.base] ?? 'other'
  const described = (label: string, value = f.value): FieldDescription => ({ label, kind, value })

  if (name.base === 'recipients') return described(t('docImport.noticeField.recipient', { n }))
  if (name.base === 'sections') return described(t('docImport.noticeField.section', { n }))
  if (name.base === 'channels') return described(t('docImport.noticeField.channel'))
  if (name.base === 'attachments') return described(t('docImport.noticeField.attachment', { n }))
  if (name.base === 'activities') {
    const part =
      name.sub && name.sub in ACTIVITY_PARTS ? ACTIVITY_PARTS[name.sub as keyof typeof ACTIVITY_PARTS] : null
    return described(t(`docImport.noticeField.${part ?? 'activity'}`, { n }))
  }
  if (name.base === 'requirements' && isRequirement(name.sub)) {
    const value =
      name.sub === 'photos' && f.value !== 'true'
        ? t('docImport.value.minPhotos', { n: f.value })
        : t('docImport.value.required')
    return described(t(`docImport.noticeField.${name.sub}`), value)
  }
  if (isPlain(name.base) && name.index === undefined && !name.sub) {
    const label = t(`docImport.noticeField.${name.base}`)
    if (name.base === 'deadline' || name.base === 'planDeadline')
      return described(label, wallMinutes(f.value))
    if (name.base === 'planRequired')
      return described(label, f.value === 'true' ? t('common.yes') : t('common.no'))
    return described(label)
  }
  return described(f.field) // a field this page does not know yet: its API name
}

const wall = (value: unknown) => (typeof value === 'string' && value ? toWallTime(value) : '')
const offset = (text: string) => (text ? toOffsetTime(text) : undefined)

export function noticeImportKind(t: ComposerTranslation): ImportKind<NoticeInput> {
  return {
    run: (source, options) => importNotice(source, options),
    describe: (f) => describeNoticeField(t, f),
    correctable: [
      // the title is required: cleared, it stays an empty string for the form to ask for
      {
        field: 'title',
        key: 'title',
        input: 'textarea',
        maxlength: MAX_LENGTH.title,
        write: (text) => text.trim(),
      },
      { field: 'theme', key: 'theme', input: 'text', maxlength: MAX_LENGTH.theme },
      { field: 'mainTo', key: 'mainTo', input: 'textarea', maxlength: MAX_LENGTH.mainTo },
      { field: 'deadline', key: 'deadline', input: 'datetime', read: wall, write: offset },
      { field: 'signedOn', key: 'signedOn', input: 'date' },
      {
        field: 'receivingDepartment',
        key: 'receivingDepartment',
        input: 'text',
        maxlength: MAX_LENGTH.receivingDepartment,
      },
      { field: 'contactPerson', key: 'contactPerson', input: 'text', maxlength: MAX_LENGTH.contactPerson },
      { field: 'contactPhone', key: 'contactPhone', input: 'text', maxlength: MAX_LENGTH.contactPhone },
      { field: 'contactEmail', key: 'contactEmail', input: 'text', maxlength: MAX_LENGTH.contactEmail },
    ],
  }
}
