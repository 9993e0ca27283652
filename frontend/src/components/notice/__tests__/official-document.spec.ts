import { describe, expect, it } from 'vitest'
import OfficialDocument from '../official-document.vue'
import { dateParts, dueState, formatDateTime } from '../format'
import { mountWithApp } from '@/__tests__/mount'
import { notice } from '@/__tests__/receive-fixtures'
import type { NoticeAttachment } from '@/api/types'

function text(wrapper: ReturnType<typeof mountWithApp>, testId: string): string {
  return wrapper.get(`[data-testid="${testId}"]`).text()
}

function attachment(fileId: string, title: string, name: string): NoticeAttachment {
  return { fileId, title, name, contentType: 'application/pdf', size: 1024, sha256: 'ab' }
}

describe('official document', () => {
  it('lays the notice out as the paper document', () => {
    const wrapper = mountWithApp(OfficialDocument, { props: { notice: notice() } })

    expect(text(wrapper, 'doc-issuer-mark')).toBe('重庆市妇女联合会文件')
    expect(text(wrapper, 'doc-number')).toBe('渝妇发〔2024〕5号')
    expect(text(wrapper, 'doc-title')).toBe('关于开展2024年“三八”国际劳动妇女节系列活动的通知')
    expect(text(wrapper, 'doc-main-to')).toBe('各区县妇联：')
    expect(wrapper.findAll('[data-testid="doc-section-heading"]').map((h) => h.text())).toEqual([
      '一、活动内容',
      '二、工作要求',
    ])
    expect(text(wrapper, 'doc-signature-issuer')).toBe('重庆市妇女联合会')
    expect(text(wrapper, 'doc-signed-on')).toBe('2024年2月26日')
    expect(text(wrapper, 'doc-contact')).toContain('联系人：曹倩')
    expect(text(wrapper, 'doc-contact')).toContain('电话：023-63800000')
    // 版记: 抄送, then the issuer and the date it was issued (Beijing time)
    expect(text(wrapper, 'doc-cc')).toBe('抄送：市委办公厅')
    expect(text(wrapper, 'doc-printed')).toMatch(/^重庆市妇女联合会\s*2024年2月27日印发$/)
    expect(wrapper.find('[data-testid="doc-watermark"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="doc-attachments"]').exists()).toBe(false)
  })

  it('keeps a colon the 主送 already has, and leaves out what the notice lacks', () => {
    const wrapper = mountWithApp(OfficialDocument, {
      props: {
        notice: notice({
          mainTo: '各区县妇联、各市级机关妇委会：',
          cc: undefined,
          contactPerson: undefined,
          contactPhone: undefined,
          docNumber: undefined,
        }),
      },
    })
    expect(text(wrapper, 'doc-main-to')).toBe('各区县妇联、各市级机关妇委会：')
    expect(wrapper.find('[data-testid="doc-cc"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="doc-contact"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="doc-number"]').exists()).toBe(false)
  })

  it('renders the sanitized section HTML, and everything else as text', () => {
    const wrapper = mountWithApp(OfficialDocument, {
      props: {
        notice: notice({
          title: '<img src=x onerror="alert(1)">标题',
          mainTo: '<b>各区县妇联</b>',
          issuerName: '<i>妇联</i>',
          sections: [{ heading: '<em>一、</em>', html: '<p>正文<strong>加粗</strong></p>' }],
        }),
      },
    })
    const html = wrapper.html()
    expect(wrapper.find('[data-testid="doc-title"] img').exists()).toBe(false)
    expect(text(wrapper, 'doc-title')).toBe('<img src=x onerror="alert(1)">标题')
    expect(wrapper.find('[data-testid="doc-main-to"] b').exists()).toBe(false)
    expect(wrapper.find('[data-testid="doc-issuer-mark"] i').exists()).toBe(false)
    expect(wrapper.find('[data-testid="doc-section-heading"] em').exists()).toBe(false)
    expect(wrapper.get('[data-testid="doc-section"] strong').text()).toBe('加粗')
    expect(html).not.toContain('<img')
  })

  it.each([
    ['WITHDRAWN', '已撤回'],
    ['DRAFT', '草稿'],
  ] as const)('marks a %s notice as %s', (status, label) => {
    const wrapper = mountWithApp(OfficialDocument, { props: { notice: notice({ status }) } })
    expect(text(wrapper, 'doc-watermark')).toBe(label)
    expect(text(wrapper, 'doc-status-tag')).toBe(label)
  })

  it('lists attachments when the notice has them, numbered when there are several', async () => {
    const attachments = [attachment('f1', '活动信息统计表', 'stats.xlsx'), attachment('f2', '', '回执.docx')]
    const wrapper = mountWithApp(OfficialDocument, {
      props: { notice: notice({ attachments }), downloadable: true },
    })
    expect(text(wrapper, 'doc-attachments')).toMatch(/^附件：/)
    expect(wrapper.findAll('[data-testid="doc-attachment"]').map((a) => a.text())).toEqual([
      '活动信息统计表',
      '回执.docx',
    ])
    await wrapper.get('[data-testid="doc-attachment"] a').trigger('click')
    expect(wrapper.emitted('download')?.[0]?.[0]).toMatchObject({ fileId: 'f1' })
  })

  it('prints a single attachment without a number', () => {
    const wrapper = mountWithApp(OfficialDocument, {
      props: { notice: notice({ attachments: [attachment('f1', '活动报名表', 'a.docx')] }) },
    })
    expect(wrapper.get('[data-testid="doc-attachments"] ol').classes()).toContain('single')
    expect(wrapper.find('[data-testid="doc-attachment"] a').exists()).toBe(false)
  })
})

describe('notice formats', () => {
  it('reads dates in Beijing time', () => {
    expect(dateParts('2024-02-26')).toEqual({ y: 2024, m: 2, d: 26 })
    expect(dateParts('2024-02-26T17:00:00Z')).toEqual({ y: 2024, m: 2, d: 27 })
    expect(dateParts('nonsense')).toBeNull()
    expect(formatDateTime('2024-03-10T10:00:00Z')).toBe('2024-03-10 18:00')
  })

  it('tells overdue and due soon (three days) apart', () => {
    const now = Date.parse('2024-03-08T00:00:00Z')
    expect(dueState('2024-03-07T23:00:00Z', now)).toBe('overdue')
    expect(dueState('2024-03-10T00:00:00Z', now)).toBe('soon')
    expect(dueState('2024-03-12T00:00:00Z', now)).toBeNull()
    expect(dueState(undefined, now)).toBeNull()
  })
})
