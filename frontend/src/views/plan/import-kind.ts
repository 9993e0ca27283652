import type { ComposerTranslation } from 'vue-i18n'
import { importPlan } from '@/api/doc-import'
import type { ImportField, PlanInput } from '@/api/types'
import { parseFieldName } from '@/components/doc-import/highlight'
import type { FieldDescription, FieldKind, ImportKind } from '@/components/doc-import/types'
import { MAX_LENGTH } from './data'

/** 方案导入 for the plan editor (a work plan such as 区妇联2024年工作思路 read into a plan draft). */

const ITEM_PARTS = {
  startsOn: { label: 'itemStartsOn', kind: 'date' },
  endsOn: { label: 'itemEndsOn', kind: 'date' },
  location: { label: 'itemLocation', kind: 'activity' },
  partners: { label: 'itemPartners', kind: 'activity' },
  target: { label: 'itemTarget', kind: 'reporting' },
} as const satisfies Record<string, { label: string; kind: FieldKind }>

function isItemPart(sub: string | undefined): sub is keyof typeof ITEM_PARTS {
  return sub !== undefined && sub in ITEM_PARTS
}

export function describePlanField(t: ComposerTranslation, f: ImportField): FieldDescription {
  const name = parseFieldName(f.field)
  const n = (name.index ?? 0) + 1
  const plain = name.index === undefined && !name.sub
  if (name.base === 'items') {
    if (isItemPart(name.sub)) {
      const part = ITEM_PARTS[name.sub]
      return { label: t(`docImport.planField.${part.label}`, { n }), kind: part.kind, value: f.value }
    }
    return { label: t('docImport.planField.item', { n }), kind: 'activity', value: f.value }
  }
  if (name.base === 'sections')
    return { label: t('docImport.planField.section', { n }), kind: 'structure', value: f.value }
  if (plain && (name.base === 'title' || name.base === 'theme'))
    return { label: t(`docImport.planField.${name.base}`), kind: 'heading', value: f.value }
  if (plain && (name.base === 'periodStart' || name.base === 'periodEnd'))
    return { label: t(`docImport.planField.${name.base}`), kind: 'date', value: f.value }
  return { label: f.field, kind: 'other', value: f.value } // a field this page does not know yet
}

export function planImportKind(t: ComposerTranslation): ImportKind<PlanInput> {
  return {
    run: (source, options) => importPlan(source, options),
    describe: (f) => describePlanField(t, f),
    correctable: [
      // the title is required: cleared, it stays an empty string for the form to ask for
      {
        field: 'title',
        key: 'title',
        input: 'text',
        maxlength: MAX_LENGTH.title,
        write: (text) => text.trim(),
      },
      { field: 'theme', key: 'theme', input: 'text', maxlength: MAX_LENGTH.theme },
      { field: 'periodStart', key: 'periodStart', input: 'date' },
      { field: 'periodEnd', key: 'periodEnd', input: 'date' },
    ],
  }
}
