import type { IssuerCodeView, NoticeSummary, NoticeView, RecipientPreview } from '@/api/types'

export function notice(overrides: Partial<NoticeView> = {}): NoticeView {
  return {
    id: '42',
    status: 'DRAFT',
    issuerOrgId: '1',
    issuerName: '重庆市妇女联合会',
    title: '关于开展2024年“三八”国际劳动妇女节系列活动的通知',
    theme: '添彩巾帼 建功新时代',
    sections: [{ heading: '一、活动内容', html: '<p>各区县妇联要结合实际，开展形式多样的庆祝活动。</p>' }],
    mainTo: '各区县妇联',
    recipients: { groups: [{ type: 'FEDERATION', level: 'DISTRICT' }], orgIds: [], excludedOrgIds: [] },
    deadline: '2024-03-10T18:00:00+08:00',
    planRequired: false,
    requirements: {
      items: { summary: true, minPhotos: 3, video: false, article: false, newMediaLink: false },
    },
    reminders: { enabled: true, daysBefore: [3, 1], daysAfter: [1, 3, 7], escalateAfterDays: 3 },
    attachments: [],
    forwards: [],
    revision: 0,
    recipientCount: 0,
    signedCount: 0,
    createdBy: 'city.editor',
    updatedAt: '2024-02-26T02:00:00Z',
    actions: ['UPDATE', 'DELETE', 'PUBLISH'],
    version: 3,
    ...overrides,
  }
}

export function summary(overrides: Partial<NoticeSummary> = {}): NoticeSummary {
  return {
    id: '42',
    status: 'PUBLISHED',
    docNumber: '渝妇发〔2024〕5号',
    title: '关于开展2024年“三八”国际劳动妇女节系列活动的通知',
    issuerOrgId: '1',
    issuerName: '重庆市妇女联合会',
    deadline: '2024-03-10T18:00:00+08:00',
    publishedAt: '2024-02-26T02:00:00Z',
    recipientCount: 38,
    signedCount: 19,
    updatedAt: '2024-02-26T02:00:00Z',
    ...overrides,
  }
}

export function preview(overrides: Partial<RecipientPreview> = {}): RecipientPreview {
  return {
    total: 38,
    byType: { FEDERATION: 38 },
    byLevel: { DISTRICT: 38 },
    sample: [
      { id: '118', code: '500103', name: '渝中区妇女联合会', type: 'FEDERATION', level: 'DISTRICT' },
      { id: '119', code: '500104', name: '大渡口区妇女联合会', type: 'FEDERATION', level: 'DISTRICT' },
    ],
    ...overrides,
  }
}

export function issuerCode(overrides: Partial<IssuerCodeView> = {}): IssuerCodeView {
  return {
    id: '3',
    orgId: '1',
    code: '渝妇发',
    description: '市妇联发文',
    active: true,
    version: 1,
    ...overrides,
  }
}
