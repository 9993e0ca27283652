import type { Dashboard, StatsActivity, StatsView } from '@/api/types'

export function statsView(overrides: Partial<StatsView> = {}): StatsView {
  return {
    org: { id: '1', name: '重庆市妇女联合会', type: 'FEDERATION', depth: 0 },
    from: '2026-01-01',
    to: '2026-06-30',
    status: 'SUBMITTED',
    totals: { activities: 6, participants: 262, reports: 6, orgs: 5, featured: 1 },
    byDistrict: [
      { key: '118', label: '渝中区妇女联合会', activities: 4, participants: 195, reports: 4 },
      { key: '120', label: '江北区妇女联合会', activities: 1, participants: 60, reports: 1 },
    ],
    byOrgType: [
      { key: 'FEDERATION', activities: 5, participants: 255, reports: 5 },
      { key: 'WORK_COMMITTEE', activities: 1, participants: 7, reports: 1 },
    ],
    byMonth: [
      { key: '2026-03', activities: 2, participants: 160, reports: 4 },
      { key: '2026-05', activities: 1, participants: 7, reports: 1 },
    ],
    byTheme: [
      { key: '巾帼心向党', activities: 3, participants: 165, reports: 3 },
      { activities: 1, participants: 30, reports: 1 },
    ],
    ...overrides,
  }
}

export function activity(overrides: Partial<StatsActivity> = {}): StatsActivity {
  return {
    id: '907',
    submissionId: '311',
    title: '社区宣讲',
    heldOn: '2026-03-05',
    location: '妇女儿童之家',
    participants: 100,
    originOrgId: '911',
    originOrgName: '较场口社区妇联',
    districtName: '渝中区妇女联合会',
    reporterOrgId: '118',
    reporterOrgName: '渝中区妇女联合会',
    notice: { id: '42', docNumber: '渝妇发〔2026〕5号', title: '关于开展三八节活动的通知' },
    status: 'SUBMITTED',
    featured: false,
    ...overrides,
  }
}

export function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    org: { id: '118', name: '渝中区妇女联合会', type: 'FEDERATION', depth: 1 },
    toSign: {
      count: 3,
      overdue: 1,
      items: [
        {
          receiptId: '501',
          noticeId: '42',
          docNumber: '渝妇发〔2026〕5号',
          title: '关于开展三八节活动的通知',
          issuerName: '重庆市妇女联合会',
          deadline: '2026-03-01T18:00:00+08:00',
          overdue: true,
        },
      ],
    },
    toFile: {
      count: 2,
      overdue: 0,
      items: [
        {
          receiptId: '502',
          noticeId: '43',
          docNumber: '渝妇函〔2026〕1号',
          title: '关于报送活动方案的通知',
          issuerName: '重庆市妇女联合会',
          deadline: '2026-04-01T18:00:00+08:00',
          overdue: false,
        },
        {
          receiptId: '505',
          noticeId: '48',
          title: '关于报送读书活动方案的通知',
          issuerName: '重庆市妇女联合会',
          overdue: false,
          planId: '13',
        },
      ],
    },
    toSubmit: {
      count: 2,
      overdue: 0,
      items: [
        {
          receiptId: '503',
          noticeId: '44',
          title: '关于报送工作总结的通知',
          issuerName: '市妇联宣传部',
          overdue: false,
          submissionId: '77',
        },
        {
          receiptId: '504',
          noticeId: '45',
          title: '关于报送典型案例的通知',
          issuerName: '市妇联宣传部',
          deadline: '2026-05-01T18:00:00+08:00',
          overdue: false,
        },
      ],
    },
    toReview: {
      submissions: 4,
      plans: 1,
      items: [
        {
          kind: 'PLAN',
          id: '12',
          title: '解放碑街道家庭教育宣传周活动方案',
          orgName: '解放碑街道妇联',
          since: '2026-02-20T09:30:00+08:00',
        },
        {
          kind: 'SUBMISSION',
          id: '88',
          noticeId: '46',
          docNumber: '渝中妇发〔2026〕2号',
          title: '关于开展家庭教育宣传周的通知',
          orgName: '七星岗街道妇联',
          since: '2026-02-21T10:00:00+08:00',
        },
      ],
    },
    issued: {
      total: 2,
      items: [
        {
          id: '46',
          docNumber: '渝中妇发〔2026〕2号',
          title: '关于开展家庭教育宣传周的通知',
          deadline: '2026-03-10T18:00:00+08:00',
          overdue: true,
          recipients: 12,
          expected: 10,
          signed: 10,
          submitted: 4,
          accepted: 2,
        },
        {
          id: '47',
          title: '关于开展读书活动的通知',
          overdue: false,
          recipients: 11,
          expected: 11,
          signed: 11,
          submitted: 11,
          accepted: 9,
        },
      ],
    },
    ...overrides,
  }
}
