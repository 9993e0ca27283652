import type { PlanItemView, PlanSummary, PlanView } from '@/api/types'

export function planItem(overrides: Partial<PlanItemView> = {}): PlanItemView {
  return {
    id: '301',
    section: '（五）夯实基础，持续强化自身建设不停步',
    title: '打造示范型姐妹驿站',
    description: '计划通过三年时间打造50家示范型姐妹驿站。',
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
    organizer: '区妇联',
    targetValue: 50,
    targetUnit: '家',
    progressValue: 44,
    progressNote: '2024年建成14家，2025年建成18家',
    progressUpdatedAt: '2026-11-20T02:00:00Z',
    ...overrides,
  }
}

/** 渝中区妇联's annual work plan, filed with the city and acknowledged (as the demo has it). */
export function plan(overrides: Partial<PlanView> = {}): PlanView {
  return {
    id: '7',
    kind: 'STANDALONE',
    status: 'ACKNOWLEDGED',
    orgId: '118',
    orgName: '渝中区妇女联合会',
    reviewOrgId: '1',
    reviewOrgName: '重庆市妇女联合会',
    title: '区妇联2024年工作思路',
    theme: '构建五大体系',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    sections: [{ html: '<p>2024年**区妇联将以习近平新时代中国特色社会主义思想……</p>' }],
    items: [
      planItem({
        id: '300',
        section: '（一）强化引领，唱响“巾帼心向党”主旋律',
        title: '“三八”国际妇女节110周年纪念活动',
        description: undefined,
        startsOn: '2024-03-01',
        endsOn: '2024-03-08',
        location: '区妇女儿童活动中心',
        expectedParticipants: 300,
        targetValue: undefined,
        targetUnit: undefined,
        progressValue: undefined,
        progressNote: undefined,
        progressUpdatedAt: undefined,
      }),
      planItem(),
    ],
    filedAt: '2024-01-15T02:00:00Z',
    filedBy: 'district_admin',
    reviewedAt: '2024-01-18T08:00:00Z',
    reviewedBy: 'city_admin',
    createdBy: 'district_admin',
    createdAt: '2024-01-15T00:00:00Z',
    updatedAt: '2026-11-20T02:00:00Z',
    actions: ['PROGRESS'],
    version: 4,
    ...overrides,
  }
}

export function summary(overrides: Partial<PlanSummary> = {}): PlanSummary {
  return {
    id: '7',
    kind: 'STANDALONE',
    status: 'ACKNOWLEDGED',
    orgId: '118',
    orgName: '渝中区妇女联合会',
    reviewOrgId: '1',
    reviewOrgName: '重庆市妇女联合会',
    title: '区妇联2024年工作思路',
    itemCount: 23,
    targetCount: 2,
    filedAt: '2024-01-15T02:00:00Z',
    updatedAt: '2026-11-20T02:00:00Z',
    ...overrides,
  }
}
