import type { FormItemRule } from 'element-plus'
import type { ComposerTranslation } from 'vue-i18n'
import {
  FEDERATION_LEVELS,
  ORG_TYPES,
  type FederationLevel,
  type OrgCreate,
  type OrgType,
  type OrgUpdate,
  type OrgView,
} from '@/api/types'

/** Limits mirrored from the API's validation (OrgCreate / OrgUpdate), so most mistakes never leave the form. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
export const PHONE_PATTERN = /^[0-9+\-() ]{5,30}$/
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const MAX_LENGTH = {
  code: 64,
  name: 200,
  shortName: 100,
  contactPerson: 50,
  contactPhone: 30,
  contactEmail: 254,
  reason: 200,
} as const

export { FEDERATION_LEVELS, ORG_TYPES }

/** What the create/edit form edits; empty strings stand for "not given". */
export interface OrgFormModel {
  code: string
  name: string
  shortName: string
  type: OrgType | ''
  level: FederationLevel | ''
  sortOrder: number | undefined
  contactPerson: string
  contactPhone: string
  contactEmail: string
  openedOn: string
}

export function emptyForm(parent?: OrgView | null): OrgFormModel {
  return {
    code: '',
    name: '',
    shortName: '',
    type: parent?.type === 'FEDERATION' ? 'FEDERATION' : '',
    level: parent?.type === 'FEDERATION' ? (childLevel(parent.level) ?? '') : '',
    sortOrder: undefined,
    contactPerson: '',
    contactPhone: '',
    contactEmail: '',
    openedOn: '',
  }
}

/** The level a federation child usually has: one step below its parent's. */
export function childLevel(level: FederationLevel | undefined | null): FederationLevel | undefined {
  if (!level) return undefined
  const index = FEDERATION_LEVELS.indexOf(level)
  return FEDERATION_LEVELS[Math.min(index + 1, FEDERATION_LEVELS.length - 1)]
}

export function formFromOrg(org: OrgView): OrgFormModel {
  return {
    code: org.code,
    name: org.name,
    shortName: org.shortName ?? '',
    type: org.type,
    level: org.level ?? '',
    sortOrder: org.sortOrder,
    contactPerson: org.contactPerson ?? '',
    contactPhone: org.contactPhone ?? '',
    contactEmail: org.contactEmail ?? '',
    openedOn: org.openedOn ?? '',
  }
}

const optional = (value: string): string | undefined => {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

function requireType(type: OrgType | ''): OrgType {
  if (type === '') throw new Error('type is validated before the body is built')
  return type
}

export function toUpdate(form: OrgFormModel): OrgUpdate {
  const type = requireType(form.type)
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    shortName: optional(form.shortName),
    type,
    level: type === 'FEDERATION' && form.level !== '' ? form.level : undefined,
    contactPerson: optional(form.contactPerson),
    contactPhone: optional(form.contactPhone),
    contactEmail: optional(form.contactEmail),
    openedOn: optional(form.openedOn),
  }
}

export function toCreate(form: OrgFormModel, parentId: string): OrgCreate {
  return {
    ...toUpdate(form),
    parentId,
    sortOrder: form.sortOrder,
  }
}

type Rules = Partial<Record<keyof OrgFormModel, FormItemRule[]>>

/** Form rules with messages from the locale files (Chinese by default). */
export function orgFormRules(t: ComposerTranslation, form: OrgFormModel): Rules {
  const field = (key: keyof OrgFormModel) => t(`org.field.${key}`)
  const required = (key: keyof OrgFormModel): FormItemRule => ({
    required: true,
    whitespace: true,
    message: t('org.form.required', { field: field(key) }),
    trigger: 'blur',
  })
  const max = (key: keyof typeof MAX_LENGTH & keyof OrgFormModel): FormItemRule => ({
    max: MAX_LENGTH[key],
    message: t('org.form.maxLength', { field: field(key), max: MAX_LENGTH[key] }),
    trigger: 'blur',
  })
  return {
    code: [
      required('code'),
      max('code'),
      { pattern: CODE_PATTERN, message: t('org.form.codePattern'), trigger: 'blur' },
    ],
    name: [required('name'), max('name')],
    shortName: [max('shortName')],
    type: [
      {
        required: true,
        message: t('org.form.selectRequired', { field: field('type') }),
        trigger: 'change',
      },
    ],
    level: [
      {
        validator: (_rule, value: unknown, callback) => {
          if (form.type === 'FEDERATION' && !value) callback(new Error(t('org.form.levelRequired')))
          else callback()
        },
        trigger: 'change',
      },
    ],
    contactPerson: [max('contactPerson')],
    contactPhone: [{ pattern: PHONE_PATTERN, message: t('org.form.phoneInvalid'), trigger: 'blur' }],
    contactEmail: [
      max('contactEmail'),
      { pattern: EMAIL_PATTERN, message: t('org.form.emailInvalid'), trigger: 'blur' },
    ],
  }
}

/** Today in Asia/Shanghai as YYYY-MM-DD (business dates are Shanghai dates). */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
