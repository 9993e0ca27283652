import type { NoticeRevision, NoticeView, RequiredItems } from '@/api/types'

export type RequiredItemKey = 'summary' | 'photos' | 'video' | 'article' | 'newMediaLink'

export interface RequiredItem {
  key: RequiredItemKey
  /** Minimum count (photos). */
  n?: number
}

/** The items a submission must contain, in the order the notice lists them. */
export function requiredItems(items: RequiredItems | undefined): RequiredItem[] {
  if (!items) return []
  const list: RequiredItem[] = []
  if (items.summary) list.push({ key: 'summary' })
  if (items.minPhotos && items.minPhotos > 0) list.push({ key: 'photos', n: items.minPhotos })
  if (items.video) list.push({ key: 'video' })
  if (items.article) list.push({ key: 'article' })
  if (items.newMediaLink) list.push({ key: 'newMediaLink' })
  return list
}

/**
 * An earlier version shown as a document: the stored content over the current notice (number,
 * issuer and status do not change by amendment).
 */
export function revisionAsNotice(notice: NoticeView, revision: NoticeRevision): NoticeView {
  const c = revision.content
  return {
    ...notice,
    title: c.title,
    theme: c.theme,
    sections: c.sections ?? [],
    mainTo: c.mainTo,
    cc: c.cc,
    signedOn: c.signedOn,
    contactPerson: c.contactPerson,
    contactPhone: c.contactPhone,
    contactEmail: c.contactEmail,
    receivingDepartment: c.receivingDepartment,
    deadline: c.deadline,
    planRequired: c.planRequired ?? false,
    planDeadline: c.planDeadline,
    requirements: c.requirements ?? {},
    reminders: c.reminders ?? notice.reminders,
    attachments: (c.attachments ?? []).map((a) => {
      const known = notice.attachments.find((k) => k.fileId === a.fileId)
      return known
        ? { ...known, title: a.title ?? known.title }
        : {
            fileId: a.fileId,
            title: a.title ?? '',
            name: a.title ?? a.fileId,
            contentType: '',
            size: 0,
            sha256: '',
          }
    }),
    revision: revision.revision,
  }
}
