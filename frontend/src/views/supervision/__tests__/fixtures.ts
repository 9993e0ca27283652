import type {
  MissingOrg,
  TrackingBranch,
  TrackingCounts,
  TrackingReceipt,
  TrackingSummary,
} from '@/api/types'

export function counts(overrides: Partial<TrackingCounts> = {}): TrackingCounts {
  return {
    recipients: 38,
    exempt: 1,
    expected: 37,
    read: 36,
    signed: 35,
    plansFiled: 20,
    plansAcknowledged: 12,
    submitted: 30,
    onTime: 27,
    late: 3,
    missing: 7,
    overdue: 2,
    accepted: 25,
    returned: 1,
    featured: 6,
    extended: 2,
    completionRate: 0.8108,
    ...overrides,
  }
}

export function summary(overrides: Partial<TrackingSummary> = {}): TrackingSummary {
  return {
    notice: {
      id: '42',
      docNumber: '渝妇发〔2024〕5号',
      title: '关于开展2024年“三八”国际劳动妇女节系列活动的通知',
      status: 'PUBLISHED',
      issuerOrgId: '1',
      issuerName: '重庆市妇女联合会',
      deadline: '2024-03-10T18:00:00+08:00',
      planRequired: false,
    },
    view: 'ISSUER',
    canManage: true,
    rootOrgId: '1',
    counts: counts(),
    asOf: '2024-03-08T02:00:00Z',
    ...overrides,
  }
}

export function branch(overrides: Partial<TrackingBranch> = {}): TrackingBranch {
  return {
    orgId: '118',
    code: '500103',
    name: '渝中区妇女联合会',
    type: 'FEDERATION',
    level: 'DISTRICT',
    self: false,
    recipient: true,
    receiptId: '901',
    hasChildren: false,
    counts: counts({
      recipients: 1,
      exempt: 0,
      expected: 1,
      submitted: 1,
      onTime: 1,
      late: 0,
      missing: 0,
      overdue: 0,
    }),
    ...overrides,
  }
}

export function receipt(overrides: Partial<TrackingReceipt> = {}): TrackingReceipt {
  return {
    receiptId: '901',
    orgId: '118',
    orgCode: '500103',
    orgName: '渝中区妇女联合会',
    orgType: 'FEDERATION',
    orgLevel: 'DISTRICT',
    parentName: '重庆市妇女联合会',
    progress: 'PENDING',
    deliveredAt: '2024-02-26T02:00:00Z',
    deadline: '2024-03-10T18:00:00+08:00',
    late: false,
    featuredCount: 0,
    reminderCount: 0,
    version: 1,
    ...overrides,
  }
}

export function missing(overrides: Partial<MissingOrg> = {}): MissingOrg {
  return {
    receiptId: '902',
    orgId: '119',
    orgCode: '500103001',
    orgName: '解放碑街道妇女联合会',
    parentName: '渝中区妇女联合会',
    contactPerson: '张敏',
    contactPhone: '023-63001234',
    contactEmail: 'jfb@example.cn',
    deadline: '2024-03-10T18:00:00+08:00',
    extended: false,
    overdueDays: 2,
    reminderCount: 1,
    lastRemindedAt: '2024-03-11T01:00:00Z',
    ...overrides,
  }
}
