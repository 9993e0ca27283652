import type { ImportField, NoticeImport, PlanImport } from '@/api/types'

/**
 * Import answers as POST /notices/import and /plans/import give them, for the opening of sample 001 (市妇联's
 * 三八 notice) and sample 002 (渝中区妇联's annual work plan). Spans are found in the text, so they stay right
 * when the text is edited here.
 */

export const NOTICE_TEXT = [
  '重庆市妇女联合会',
  '渝妇发〔2024〕5号',
  '重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知',
  '各区县（自治县）妇联，两江新区妇联，各市级机关妇委会（妇工委、系统妇联）：',
  '重庆市妇联部署开展主题为“跟党走奋进新征程 巾帼建功新时代”的系列活动。具体通知如下：',
  '一、强化政治引领，筑牢思想根基',
  '全市各级妇联组织要把学习宣传贯彻作为重大责任。',
  '二、工作要求',
  '请于3月12日前将活动图片、视频报送市妇联宣传部。联系人：莫海舟，电话：67125371，邮箱：cqflxcb@163.com。',
  '附件：1.活动信息报送表',
  '重庆市妇女联合会',
  '2024年2月20日',
].join('\n')

/** A field of `text` read from `found` (its first occurrence from `from`). */
export function field(
  text: string,
  name: string,
  found: string,
  value: string = found,
  more: Partial<ImportField> = {},
  from = 0,
): ImportField {
  const start = text.indexOf(found, from)
  if (start < 0) throw new Error(`"${found}" is not in the text`)
  return { field: name, value, confidence: 0.9, start, end: start + found.length, ...more }
}

export function noticeImport(overrides: Partial<NoticeImport> = {}): NoticeImport {
  const text = NOTICE_TEXT
  const f = (name: string, found: string, value?: string, more?: Partial<ImportField>, from?: number) =>
    field(text, name, found, value, more, from)
  const title = '重庆市妇女联合会关于开展2024年“三八”国际妇女节纪念活动的通知'
  return {
    text,
    draft: {
      issuerOrgId: '1',
      title,
      theme: '跟党走奋进新征程 巾帼建功新时代',
      sections: [
        { html: '<p>重庆市妇联部署开展主题为“跟党走奋进新征程 巾帼建功新时代”的系列活动。</p>' },
        {
          heading: '一、强化政治引领，筑牢思想根基',
          html: '<p>全市各级妇联组织要把学习宣传贯彻作为重大责任。</p>',
        },
        { heading: '二、工作要求', html: '<p>请于3月12日前将活动图片、视频报送市妇联宣传部。</p>' },
      ],
      mainTo: '各区县（自治县）妇联，两江新区妇联，各市级机关妇委会（妇工委、系统妇联）',
      recipients: {
        groups: [
          { type: 'FEDERATION', level: 'DISTRICT', directChildrenOnly: false },
          { type: 'WORK_COMMITTEE', directChildrenOnly: true },
        ],
        orgIds: ['25'],
        excludedOrgIds: [],
      },
      signedOn: '2024-02-20',
      contactPerson: '莫海舟',
      contactPhone: '67125371',
      contactEmail: 'cqflxcb@163.com',
      receivingDepartment: '市妇联宣传部',
      receivingOrgId: '27',
      deadline: '2024-03-12T18:00+08:00',
      planRequired: false,
      requirements: {
        items: { summary: true, minPhotos: 1, video: true, article: false, newMediaLink: false },
        byOrgType: {},
      },
      attachments: [],
    },
    docNumber: { printed: '渝妇发〔2024〕5号', code: '渝妇发', year: 2024, serial: 5 },
    fields: [
      f('issuer', '重庆市妇女联合会', undefined, { confidence: 0.95 }),
      f('docNumber', '渝妇发〔2024〕5号', undefined, { note: '仅作参考：发布时由平台编号' }),
      f('title', title),
      f('theme', '跟党走奋进新征程 巾帼建功新时代', undefined, { confidence: 0.85 }),
      f('mainTo', '各区县（自治县）妇联，两江新区妇联，各市级机关妇委会（妇工委、系统妇联）'),
      f('recipients[0]', '各区县（自治县）妇联', undefined, {
        confidence: 0.85,
        note: '一类收文单位：妇联区县级',
      }),
      f('recipients[1]', '两江新区妇联', undefined, {
        confidence: 0.7,
        note: '具体单位（妇联区县级），按名称匹配',
      }),
      f('recipients[2]', '各市级机关妇委会（妇工委、系统妇联）', undefined, { confidence: 0.85 }),
      f('sections[1]', '一、强化政治引领，筑牢思想根基'),
      f('sections[2]', '二、工作要求'),
      f('deadline', '3月12日', '2024-03-12T18:00+08:00', {
        confidence: 0.85,
        note: '未写明时间，按北京时间 18:00 计',
      }),
      f('requirements.photos', '图片', '1', {
        confidence: 0.75,
        note: '要求报送图片但未写张数，按至少 1 张计',
      }),
      f('requirements.video', '视频', 'true', { confidence: 0.75 }),
      f('receivingDepartment', '市妇联宣传部', undefined, { confidence: 0.8 }),
      f('contactPerson', '莫海舟'),
      f('contactPhone', '67125371', undefined, { confidence: 0.85 }),
      f('contactEmail', 'cqflxcb@163.com'),
      f('attachments[0]', '活动信息报送表', undefined, { confidence: 0.8 }),
      f('signedOn', '2024年2月20日', '2024-02-20', { confidence: 0.5 }),
    ],
    recipients: [
      {
        name: '各区县（自治县）妇联',
        group: true,
        type: 'FEDERATION',
        level: 'DISTRICT',
        orgs: [],
        confidence: 0.85,
        ...span(text, '各区县（自治县）妇联'),
      },
      {
        name: '两江新区妇联',
        group: false,
        type: 'FEDERATION',
        level: 'DISTRICT',
        orgs: [{ id: '25', name: '两江新区妇女联合会' }],
        confidence: 0.7,
        ...span(text, '两江新区妇联'),
      },
      {
        name: '各市级机关妇委会（妇工委、系统妇联）',
        group: true,
        type: 'WORK_COMMITTEE',
        orgs: [],
        confidence: 0.85,
        ...span(text, '各市级机关妇委会（妇工委、系统妇联）'),
      },
    ],
    activities: [],
    outline: [],
    attachmentTitles: ['活动信息报送表'],
    warnings: [
      { code: 'IMPORT_ATTACHMENTS_TO_UPLOAD', message: '文中列出了 1 个附件，请在发布前上传附件文件' },
    ],
    ...overrides,
  }
}

function span(text: string, found: string): { start: number; end: number } {
  const start = text.indexOf(found)
  return { start, end: start + found.length }
}

export const PLAN_TEXT = [
  '区妇联2024年工作思路',
  '一、强化引领，唱响“巾帼心向党”主旋律',
  '开展主题宣讲活动。',
  '二、夯实基础，持续强化自身建设不停步',
  '计划通过三年时间打造50家示范型姐妹驿站。',
].join('\n')

export function planImport(overrides: Partial<PlanImport> = {}): PlanImport {
  const text = PLAN_TEXT
  const f = (name: string, found: string, value?: string, more?: Partial<ImportField>) =>
    field(text, name, found, value, more)
  return {
    text,
    draft: {
      orgId: '118',
      title: '区妇联2024年工作思路',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      sections: [],
      items: [
        {
          section: '一、强化引领，唱响“巾帼心向党”主旋律',
          title: '强化引领，唱响“巾帼心向党”主旋律',
          description: '开展主题宣讲活动。',
        },
        {
          section: '二、夯实基础，持续强化自身建设不停步',
          title: '打造50家示范型姐妹驿站',
          startsOn: '2024-01-01',
          endsOn: '2026-12-31',
          targetValue: 50,
          targetUnit: '家',
        },
      ],
    },
    fields: [
      f('title', '区妇联2024年工作思路', undefined, { confidence: 0.75 }),
      f('periodStart', '2024年', '2024-01-01', { confidence: 0.8, note: '年度计划：2024年全年' }),
      f('periodEnd', '2024年', '2024-12-31', { confidence: 0.8, note: '年度计划：2024年全年' }),
      f('items[0].title', '强化引领，唱响“巾帼心向党”主旋律', undefined, { confidence: 0.75 }),
      f('items[1].title', '打造50家示范型姐妹驿站', undefined, { confidence: 0.75 }),
      f('items[1].target', '50家', '50 家', { confidence: 0.8 }),
    ],
    warnings: [],
    ...overrides,
  }
}
