import type { FormItemRule } from 'element-plus'
import type { ComposerTranslation } from 'vue-i18n'
import type { MembershipView, NoticeView } from '@/api/types'
import { EMAIL_PATTERN, MAX_LENGTH, PHONE_PATTERN, type NoticeFormModel } from './data'

export interface IssuerOption {
  id: string
  name: string
}

/** The orgs whose notices the caller writes (notice:write in that very org); a draft's own issuer is always listed. */
export function issuerOptions(memberships: MembershipView[], notice: NoticeView | null): IssuerOption[] {
  const options = new Map<string, string>()
  for (const m of memberships) {
    if (m.permissions.includes('notice:write')) options.set(m.orgId, m.orgName)
  }
  if (notice && !options.has(notice.issuerOrgId)) options.set(notice.issuerOrgId, notice.issuerName)
  return [...options].map(([id, name]) => ({ id, name }))
}

type Rules = Partial<Record<keyof NoticeFormModel, FormItemRule[]>>

/** Client-side checks mirroring NoticeInput's validation; the server has the last word. */
export function editorRules(t: ComposerTranslation, form: NoticeFormModel): Rules {
  const field = (key: keyof typeof MAX_LENGTH & keyof NoticeFormModel) => t(`notice.field.${key}`)
  const max = (key: keyof typeof MAX_LENGTH & keyof NoticeFormModel): FormItemRule => ({
    max: MAX_LENGTH[key],
    message: t('notice.editor.maxLength', { field: field(key), max: MAX_LENGTH[key] }),
    trigger: 'blur',
  })
  return {
    issuerOrgId: [
      {
        required: true,
        message: t('notice.editor.selectRequired', { field: t('notice.field.issuer') }),
        trigger: 'change',
      },
    ],
    title: [
      {
        required: true,
        whitespace: true,
        message: t('notice.editor.required', { field: field('title') }),
        trigger: 'blur',
      },
      max('title'),
    ],
    theme: [max('theme')],
    mainTo: [max('mainTo')],
    cc: [max('cc')],
    contactPerson: [max('contactPerson')],
    contactPhone: [{ pattern: PHONE_PATTERN, message: t('notice.editor.phoneInvalid'), trigger: 'blur' }],
    contactEmail: [
      max('contactEmail'),
      { pattern: EMAIL_PATTERN, message: t('notice.editor.emailInvalid'), trigger: 'blur' },
    ],
    receivingDepartment: [max('receivingDepartment')],
    planDeadline: [
      {
        validator: (_rule, value: unknown, callback) => {
          if (typeof value === 'string' && value && form.deadline && value > form.deadline)
            callback(new Error(t('notice.editor.planDeadlineAfter')))
          else callback()
        },
        trigger: 'change',
      },
    ],
  }
}
