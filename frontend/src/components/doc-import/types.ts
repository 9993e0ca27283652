import type { ImportOptions, ImportSource } from '@/api/doc-import'
import type { ImportField, ImportRecipient, ImportWarning } from '@/api/types'

/** Colour families of the highlights (one per kind of field; see source-text.vue). */
export const FIELD_KINDS = [
  'heading',
  'org',
  'recipient',
  'structure',
  'activity',
  'date',
  'reporting',
  'contact',
  'attachment',
  'other',
] as const
export type FieldKind = (typeof FIELD_KINDS)[number]

/** What an import answers, for a notice or a plan: spans index `text` (UTF-16, end exclusive). */
export interface ImportResult<D> {
  text: string
  draft: D
  fields: ImportField[]
  warnings: ImportWarning[]
  recipients?: ImportRecipient[]
  attachmentTitles?: string[]
}

/** A found field as the user reads it. */
export interface FieldDescription {
  label: string
  kind: FieldKind
  /** The value in words ("2024-03-12 18:00", "是"). */
  value: string
}

/** The control a correction is made in. */
export type CorrectionInput = 'text' | 'textarea' | 'date' | 'datetime'

/** A scalar of the draft the user may correct in the dialog before it fills the form. */
export interface CorrectableField<D> {
  /** Its name in fields[] ("title"). */
  field: string
  /** The property of the draft it sets. */
  key: keyof D & string
  input: CorrectionInput
  maxlength?: number
  /** Draft value → the text the input edits (default: the string, or ''). */
  read?: (value: unknown) => string
  /** The input's text → the draft value (default: trimmed, undefined when blank). */
  write?: (text: string) => unknown
}

/** What the import dialog needs to know about one kind of document (notice, plan). */
export interface ImportKind<D> {
  run(source: ImportSource, options: ImportOptions): Promise<ImportResult<D>>
  describe(field: ImportField): FieldDescription
  correctable: CorrectableField<D>[]
}

/** One line of the dialog's list: a field found, or a correctable field the text did not give. */
export interface FieldRow {
  /** Index in fields[]; -1 for a field not found. */
  index: number
  field: string
  label: string
  kind: FieldKind
  value: string
  /** Absent for a field not found. */
  confidence?: number
  note?: string
  /** How the user corrects it, when they may. */
  correct?: { key: string; input: CorrectionInput; maxlength?: number }
  /** For recipients[i]: what the phrase names and the orgs it matched. */
  recipient?: ImportRecipient
}

/** The server's limit per request (configurable there; the dialog only uses it for the hint and a first check). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

/** The warning whose message counts the attachments named in the text; the dialog lists their titles under it. */
export const ATTACHMENTS_WARNING = 'IMPORT_ATTACHMENTS_TO_UPLOAD'
