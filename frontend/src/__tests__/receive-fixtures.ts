import type { NoticeView, NotificationView, ReceiptView } from '@/api/types'

/** A published notice of the city federation, as GET /notices/{id} sends it. */
export function notice(overrides: Partial<NoticeView> = {}): NoticeView {
  return {
    id: '42',
    status: 'PUBLISHED',
    issuerOrgId: '1',
    issuerName: '重庆市妇女联合会',
    docNumber: '渝妇发〔2024〕5号',
    title: '关于开展2024年“三八”国际劳动妇女节系列活动的通知',
    theme: '添彩巾帼 建功新时代',
    sections: [
      {
        heading: '一、活动内容',
        html: '<p>各区县妇联要结合实际，开展<strong>形式多样</strong>的庆祝活动。</p>',
      },
      { heading: '二、工作要求', html: '<p>请于3月10日前报送活动信息。</p>' },
    ],
    mainTo: '各区县妇联',
    cc: '市委办公厅',
    recipients: { groups: [{ type: 'FEDERATION', level: 'DISTRICT' }] },
    signedOn: '2024-02-26',
    contactPerson: '曹倩',
    contactPhone: '023-63800000',
    deadline: '2024-03-10T18:00:00+08:00',
    planRequired: true,
    planDeadline: '2024-03-01T18:00:00+08:00',
    requirements: { items: { summary: true, minPhotos: 3 } },
    reminders: { enabled: true, daysBefore: [3, 1], daysAfter: [1, 3, 7], escalateAfterDays: 3 },
    attachments: [],
    forwards: [],
    revision: 0,
    recipientCount: 38,
    signedCount: 10,
    publishedAt: '2024-02-27T02:00:00Z',
    createdBy: 'city.editor',
    updatedAt: '2024-02-27T02:00:00Z',
    actions: ['WITHDRAW', 'AMEND'],
    version: 3,
    ...overrides,
  }
}

export function receipt(overrides: Partial<ReceiptView> = {}): ReceiptView {
  return {
    id: '900',
    orgId: '118',
    orgName: '渝中区妇女联合会',
    notice: {
      id: '42',
      status: 'PUBLISHED',
      docNumber: '渝妇发〔2024〕5号',
      title: '关于开展2024年“三八”国际劳动妇女节系列活动的通知',
      issuerOrgId: '1',
      issuerName: '重庆市妇女联合会',
      deadline: '2024-03-10T18:00:00+08:00',
      publishedAt: '2024-02-27T02:00:00Z',
      recipientCount: 38,
      signedCount: 10,
      updatedAt: '2024-02-27T02:00:00Z',
    },
    deliveredAt: '2024-02-27T02:00:00Z',
    deadline: '2024-03-10T18:00:00+08:00',
    actions: ['SIGN', 'FORWARD'],
    version: 1,
    ...overrides,
  }
}

export function notification(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n1',
    kind: 'NOTICE_PUBLISHED',
    noticeId: '42',
    receiptId: '900',
    title: '新通知：渝妇发〔2024〕5号',
    createdAt: new Date(Date.now() - 5 * 60 * 1000).toISOString(),
    ...overrides,
  }
}
