import type {
  IncludableEntry,
  PlanItemRef,
  SubmissionCompleteness,
  SubmissionEntry,
  SubmissionRevision,
  SubmissionSummary,
  SubmissionView,
} from '@/api/types'

/** 渝中区妇联's package for the city's 三八 notice, as the API sends it. */

export function completeness(overrides: Partial<SubmissionCompleteness> = {}): SubmissionCompleteness {
  return {
    required: { summary: true, minPhotos: 3, video: false, article: false, newMediaLink: false },
    entries: 1,
    photos: 2,
    videos: 0,
    articles: 0,
    links: 1,
    hasSummary: true,
    missing: ['photos'],
    ...overrides,
  }
}

export function entry(overrides: Partial<SubmissionEntry> = {}): SubmissionEntry {
  return {
    id: '907',
    originOrgId: '118',
    originOrgName: '渝中区妇女联合会',
    title: '“巾帼心向党”主题宣讲进社区',
    heldOn: '2024-03-06',
    heldUntil: '2024-03-08',
    location: '解放碑街道新时代文明实践站',
    participants: 120,
    summary: '邀请巾帼宣讲团成员走进社区。',
    media: [
      {
        kind: 'PHOTO',
        fileId: '57',
        title: '活动现场',
        fileName: 'a.jpg',
        contentType: 'image/jpeg',
        size: 2048,
      },
      { kind: 'PHOTO', fileId: '58', fileName: 'b.jpg', contentType: 'image/jpeg', size: 4096 },
      { kind: 'LINK', url: 'https://mp.weixin.qq.com/s/abc123', title: '公众号报道' },
    ],
    reviewStatus: 'PENDING',
    featured: false,
    ...overrides,
  }
}

/** A subordinate's entry rolled up into the package (汇总). */
export function includedEntry(overrides: Partial<SubmissionEntry> = {}): SubmissionEntry {
  return entry({
    id: '990',
    originOrgId: '301',
    originOrgName: '解放碑街道妇女联合会',
    sourceEntryId: '880',
    title: '社区巾帼宣讲',
    heldUntil: undefined,
    media: [{ kind: 'PHOTO', fileId: '70', fileName: 'c.jpg', contentType: 'image/jpeg', size: 1024 }],
    ...overrides,
  })
}

export function submission(overrides: Partial<SubmissionView> = {}): SubmissionView {
  return {
    id: '31',
    notice: {
      id: '42',
      docNumber: '渝妇发〔2024〕5号',
      title: '关于开展2024年“三八”国际劳动妇女节系列活动的通知',
      issuerName: '重庆市妇女联合会',
      status: 'PUBLISHED',
    },
    orgId: '118',
    orgName: '渝中区妇女联合会',
    receiptId: '900',
    status: 'DRAFT',
    summary: '共开展活动 1 场',
    revision: 0,
    deadline: '2024-03-10T18:00:00+08:00',
    late: false,
    entries: [entry()],
    completeness: completeness(),
    actions: ['UPDATE', 'SUBMIT', 'DELETE'],
    version: 3,
    ...overrides,
  }
}

export function summaryRow(overrides: Partial<SubmissionSummary> = {}): SubmissionSummary {
  return {
    id: '31',
    notice: submission().notice,
    orgId: '118',
    orgName: '渝中区妇女联合会',
    status: 'SUBMITTED',
    revision: 1,
    entries: 2,
    participants: 150,
    featured: 0,
    deadline: '2024-03-10T18:00:00+08:00',
    firstSubmittedAt: '2024-03-11T02:00:00Z',
    submittedAt: '2024-03-11T02:00:00Z',
    late: true,
    updatedAt: '2024-03-11T02:00:00Z',
    ...overrides,
  }
}

export function includable(overrides: Partial<IncludableEntry> = {}): IncludableEntry {
  return {
    entry: entry({
      id: '880',
      originOrgId: '301',
      originOrgName: '解放碑街道妇女联合会',
      title: '社区巾帼宣讲',
      reviewStatus: 'ACCEPTED',
    }),
    submissionId: '77',
    orgName: '解放碑街道妇女联合会',
    notice: { id: '43', title: '转发：三八活动通知', issuerName: '渝中区妇女联合会', status: 'PUBLISHED' },
    ...overrides,
  }
}

export function revision(overrides: Partial<SubmissionRevision> = {}): SubmissionRevision {
  return {
    revision: 1,
    submittedAt: '2024-03-09T02:00:00Z',
    submittedBy: 'yuzhong.editor',
    late: false,
    decision: 'RETURNED',
    reason: '请补充志愿服务照片',
    entryReasons: [{ entryId: '907', reason: '缺少现场照片' }],
    reviewedAt: '2024-03-09T08:00:00Z',
    reviewedBy: 'city.admin',
    entries: [entry()],
    ...overrides,
  }
}

/** A planned activity of 渝中区妇联's plan carried by the city's notice; overrides for the others. */
export function planItem(overrides: Partial<PlanItemRef> = {}): PlanItemRef {
  return {
    id: '301',
    title: '纪念“三八”节妇女代表座谈会',
    section: '二、主要活动',
    startsOn: '2024-03-05',
    endsOn: '2024-03-05',
    planId: '7',
    planTitle: '市妇联“三八”系列活动方案',
    planStatus: 'DRAFT',
    planKind: 'ISSUER',
    ...overrides,
  }
}

/** The notice's plan (one activity), then the org's annual plan (an activity and a target of 50 家). */
export function planItems(): PlanItemRef[] {
  return [
    planItem(),
    planItem({
      id: '410',
      title: '巾帼志愿服务进社区',
      planId: '12',
      planTitle: '渝中区妇联2024年工作计划',
      planKind: 'STANDALONE',
    }),
    planItem({
      id: '411',
      title: '打造示范型姐妹驿站',
      section: '（五）夯实基础',
      startsOn: '2024-01-01',
      endsOn: '2026-12-31',
      targetValue: 50,
      targetUnit: '家',
      progressValue: 32,
      planId: '12',
      planTitle: '渝中区妇联2024年工作计划',
      planKind: 'STANDALONE',
    }),
  ]
}
