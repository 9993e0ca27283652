import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import RecipientPicker from '../modules/recipient-picker.vue'
import { mountWithApp } from '@/__tests__/mount'
import { org } from '@/__tests__/fixtures'
import { ApiError } from '@/api/problem'
import type { RecipientRule } from '@/api/types'
import { PREVIEW_DEBOUNCE_MS, describePreview, normalizeRule, togglePreset } from '../recipients'
import { createAppI18n } from '@/locales'
import { preview } from './fixtures'

const noticeApi = vi.hoisted(() => ({ previewRecipients: vi.fn() }))
vi.mock('@/api/notice', () => noticeApi)
const orgApi = vi.hoisted(() => ({
  MAX_PAGE_SIZE: 200,
  fetchOrg: vi.fn(),
  fetchOrgsByIds: vi.fn(),
  fetchChildren: vi.fn(),
  searchOrgs: vi.fn(),
}))
vi.mock('@/api/org', () => orgApi)

const city = org({
  id: '1',
  name: '重庆市妇女联合会',
  shortName: '市妇联',
  type: 'FEDERATION',
  level: 'CITY',
})

function mountPicker(rule: RecipientRule = { groups: [], orgIds: [], excludedOrgIds: [] }) {
  const wrapper: VueWrapper = mountWithApp(RecipientPicker, {
    props: {
      modelValue: rule,
      issuerOrgId: '1',
      'onUpdate:modelValue': (value: RecipientRule) => wrapper.setProps({ modelValue: value }),
    },
  })
  return wrapper
}

function lastRule(wrapper: VueWrapper): RecipientRule | undefined {
  const events = wrapper.emitted<[RecipientRule]>('update:modelValue') ?? []
  return events[events.length - 1]?.[0]
}

async function debounce() {
  await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS + 10)
  await flushPromises()
}

function text(testId: string): string | undefined {
  return document.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim()
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  orgApi.fetchOrg.mockResolvedValue({ org: city, etag: '"1"' })
  orgApi.fetchOrgsByIds.mockResolvedValue([])
})

afterEach(() => {
  vi.useRealTimers()
})

describe('recipient rules', () => {
  it('toggles presets as groups and keeps an org from being both picked and excluded', () => {
    let rule: RecipientRule = { groups: [], orgIds: ['7'], excludedOrgIds: [] }
    rule = togglePreset(rule, 'districtFederations')
    rule = togglePreset(rule, 'directChildren')
    expect(rule.groups).toEqual([{ type: 'FEDERATION', level: 'DISTRICT' }, { directChildrenOnly: true }])
    rule = togglePreset(rule, 'districtFederations')
    expect(rule.groups).toEqual([{ directChildrenOnly: true }])
    expect(normalizeRule({ ...rule, excludedOrgIds: ['7'] })).toEqual({
      groups: [{ directChildrenOnly: true }],
      orgIds: [],
      excludedOrgIds: ['7'],
    })
    // a level only applies to federations
    expect(normalizeRule({ groups: [{ type: 'ENTERPRISE', level: 'DISTRICT' }] }).groups).toEqual([
      { type: 'ENTERPRISE' },
    ])
  })

  it('describes a preview the way the federation counts', () => {
    const { t } = createAppI18n('zh-CN').global
    expect(describePreview(t, preview())).toBe('共 38 个单位：妇联 38（区县 38）')
    expect(
      describePreview(
        t,
        preview({
          total: 50,
          byType: { FEDERATION: 45, WORK_COMMITTEE: 5 },
          byLevel: { DISTRICT: 38, TOWNSHIP: 7 },
        }),
      ),
    ).toBe('共 50 个单位：妇联 45（区县 38、乡镇（街道） 7）、机关/系统妇委会·妇工委 5')
    expect(describePreview(t, preview({ total: 0, byType: {}, byLevel: {}, sample: [] }))).toBe(
      '按当前规则没有收文单位',
    )
  })
})

describe('recipient picker', () => {
  it('builds “各区县妇联” from its preset and previews it once the typing stops', async () => {
    noticeApi.previewRecipients.mockResolvedValue(preview())
    const wrapper = mountPicker()
    await flushPromises()
    expect(text('recipient-preview-message')).toBe('请选择收文单位')

    await wrapper.get('[data-testid="recipient-preset-districtFederations"]').trigger('click')
    expect(lastRule(wrapper)).toEqual({
      groups: [{ type: 'FEDERATION', level: 'DISTRICT' }],
      orgIds: [],
      excludedOrgIds: [],
    })
    expect(noticeApi.previewRecipients).not.toHaveBeenCalled() // debounced
    await debounce()

    expect(noticeApi.previewRecipients).toHaveBeenCalledTimes(1)
    expect(noticeApi.previewRecipients).toHaveBeenCalledWith(
      '1',
      { groups: [{ type: 'FEDERATION', level: 'DISTRICT' }], orgIds: [], excludedOrgIds: [] },
      expect.any(AbortSignal),
    )
    expect(text('recipient-preview-summary')).toBe('共 38 个单位：妇联 38（区县 38）')
    expect(document.querySelectorAll('[data-testid="recipient-preview-org"]')).toHaveLength(2)
    expect(wrapper.get('[data-testid="recipient-preset-districtFederations"]').classes().join(' ')).toContain(
      'is-checked',
    )
  })

  it('excludes an org straight from the preview', async () => {
    noticeApi.previewRecipients.mockResolvedValue(preview())
    const wrapper = mountPicker({
      groups: [{ type: 'FEDERATION', level: 'DISTRICT' }],
      orgIds: [],
      excludedOrgIds: [],
    })
    await debounce()

    noticeApi.previewRecipients.mockResolvedValue(
      preview({ total: 37, byLevel: { DISTRICT: 37 }, byType: { FEDERATION: 37 } }),
    )
    await wrapper.findAll('[data-testid="recipient-exclude"]')[0]!.trigger('click')
    expect(lastRule(wrapper)?.excludedOrgIds).toEqual(['118'])
    await debounce()
    expect(noticeApi.previewRecipients).toHaveBeenLastCalledWith(
      '1',
      expect.objectContaining({ excludedOrgIds: ['118'] }),
      expect.any(AbortSignal),
    )
    expect(text('recipient-preview-summary')).toBe('共 37 个单位：妇联 37（区县 37）')
  })

  it('adds a custom group and narrows it to direct children', async () => {
    noticeApi.previewRecipients.mockResolvedValue(preview())
    const wrapper = mountPicker()
    await wrapper.get('[data-testid="recipient-group-add"]').trigger('click')
    expect(lastRule(wrapper)?.groups).toEqual([{}])
    await wrapper.get('[data-testid="recipient-group-direct"] input').setValue(true)
    expect(lastRule(wrapper)?.groups).toEqual([{ directChildrenOnly: true }])
  })

  it('says why the server cannot resolve the rule', async () => {
    noticeApi.previewRecipients.mockRejectedValue(
      new ApiError(422, {
        type: 'x',
        title: '规则错误',
        status: 422,
        code: 'NOTICE_RECIPIENT_OUT_OF_RANGE',
        detail: '以下单位不存在、已关闭或不在发文范围内：900',
      }),
    )
    mountPicker({ groups: [], orgIds: ['900'], excludedOrgIds: [] })
    await debounce()
    expect(text('recipient-preview-message')).toBe('以下单位不存在、已关闭或不在发文范围内：900')
  })

  it('names the orgs a saved rule holds with one request for all of them', async () => {
    noticeApi.previewRecipients.mockResolvedValue(preview())
    orgApi.fetchOrgsByIds.mockResolvedValue([
      org({ id: '118', name: '渝中区妇女联合会' }),
      org({ id: '7', name: '解放碑街道妇女联合会' }),
    ])
    const wrapper = mountPicker({ groups: [], orgIds: ['118'], excludedOrgIds: ['7'] })
    await debounce()
    expect(orgApi.fetchOrgsByIds).toHaveBeenCalledTimes(1)
    expect(orgApi.fetchOrgsByIds.mock.calls[0]![0]).toEqual(expect.arrayContaining(['118', '7']))
    expect(wrapper.get('[data-testid="recipient-explicit"]').text()).toContain('渝中区妇女联合会')
    expect(wrapper.get('[data-testid="recipient-excluded"]').text()).toContain('解放碑街道妇女联合会')
  })
})
