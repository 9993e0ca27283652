import type { ComposerTranslation } from 'vue-i18n'
import {
  FEDERATION_LEVELS,
  ORG_TYPES,
  type RecipientGroup,
  type RecipientPreview,
  type RecipientRule,
} from '@/api/types'

/** How long the picker waits after the last change before asking the server for a preview. */
export const PREVIEW_DEBOUNCE_MS = 400

/** The choices federations make most often, as RecipientRule groups. */
export const PRESETS = {
  districtFederations: { type: 'FEDERATION', level: 'DISTRICT' },
  townshipFederations: { type: 'FEDERATION', level: 'TOWNSHIP' },
  cityWorkCommittees: { type: 'WORK_COMMITTEE', directChildrenOnly: true },
  directChildren: { directChildrenOnly: true },
} as const satisfies Record<string, RecipientGroup>

export type PresetKey = keyof typeof PRESETS
export const PRESET_KEYS = Object.keys(PRESETS) as PresetKey[]

/** Two groups select the same orgs (absent and false/empty are the same). */
export function sameGroup(a: RecipientGroup, b: RecipientGroup): boolean {
  return (
    (a.type ?? null) === (b.type ?? null) &&
    (a.level ?? null) === (b.level ?? null) &&
    (a.withinOrgId || null) === (b.withinOrgId || null) &&
    (a.directChildrenOnly ?? false) === (b.directChildrenOnly ?? false)
  )
}

export function hasPreset(rule: RecipientRule, key: PresetKey): boolean {
  return (rule.groups ?? []).some((g) => sameGroup(g, PRESETS[key]))
}

/** Adds the preset's group, or removes it when it is already there. */
export function togglePreset(rule: RecipientRule, key: PresetKey): RecipientRule {
  const groups = rule.groups ?? []
  const preset: RecipientGroup = { ...PRESETS[key] }
  return {
    ...rule,
    groups: hasPreset(rule, key) ? groups.filter((g) => !sameGroup(g, preset)) : [...groups, preset],
  }
}

/** A group without the fields that do not apply (a level only for federations, no empty subtree). */
export function cleanGroup(group: RecipientGroup): RecipientGroup {
  const out: RecipientGroup = {}
  if (group.type) out.type = group.type
  if (group.level && (group.type === 'FEDERATION' || !group.type)) out.level = group.level
  if (group.withinOrgId) out.withinOrgId = group.withinOrgId
  if (group.directChildrenOnly) out.directChildrenOnly = true
  return out
}

/** The rule as sent: clean groups, no duplicate ids, an org never both picked and excluded. */
export function normalizeRule(rule: RecipientRule): RecipientRule {
  const excluded = [...new Set(rule.excludedOrgIds ?? [])]
  return {
    groups: (rule.groups ?? []).map(cleanGroup),
    orgIds: [...new Set(rule.orgIds ?? [])].filter((id) => !excluded.includes(id)),
    excludedOrgIds: excluded,
  }
}

export function isEmptyRule(rule: RecipientRule): boolean {
  return !(rule.groups?.length || rule.orgIds?.length)
}

/** "共 38 个单位：妇联 38（区县 38）、机关/系统妇委会·妇工委 5". */
export function describePreview(t: ComposerTranslation, preview: RecipientPreview): string {
  if (preview.total === 0) return t('notice.recipients.previewNone')
  const parts: string[] = []
  for (const type of ORG_TYPES) {
    const count = preview.byType[type]
    if (!count) continue
    let part = `${t(`org.type.${type}`)} ${count}`
    if (type === 'FEDERATION') {
      const levels = FEDERATION_LEVELS.filter((l) => preview.byLevel[l]).map(
        (l) => `${t(`notice.levelShort.${l}`)} ${preview.byLevel[l]}`,
      )
      if (levels.length)
        part += t('notice.recipients.levelsWrap', { levels: levels.join(t('notice.listSep')) })
    }
    parts.push(part)
  }
  return t('notice.recipients.previewSummary', {
    total: preview.total,
    parts: parts.join(t('notice.listSep')),
  })
}
