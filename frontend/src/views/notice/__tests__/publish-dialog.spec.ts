import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import PublishDialog from '../modules/publish-dialog.vue'
import { mountWithApp } from '@/__tests__/mount'
import { ApiError } from '@/api/problem'
import { issuerCode, notice, preview } from './fixtures'

const noticeApi = vi.hoisted(() => ({
  listIssuerCodes: vi.fn(),
  previewRecipients: vi.fn(),
  publishNotice: vi.fn(),
}))
vi.mock('@/api/notice', () => noticeApi)

const draft = notice({ signedOn: '2024-02-26' })

function mountDialog() {
  return mountWithApp(PublishDialog, { props: { modelValue: true, notice: draft, etag: '"3"' } })
}

function text(testId: string): string | undefined {
  return document.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim()
}

function submitButton(): HTMLButtonElement {
  const button = document.querySelector<HTMLButtonElement>('[data-testid="notice-publish-submit"]')
  if (!button) throw new Error('no submit button')
  return button
}

beforeEach(() => {
  vi.clearAllMocks()
  noticeApi.previewRecipients.mockResolvedValue(preview())
})

describe('publish dialog', () => {
  it('offers only active issuer codes and says how many orgs receive the notice', async () => {
    noticeApi.listIssuerCodes.mockResolvedValue([
      issuerCode(),
      issuerCode({ id: '4', code: '渝妇办', active: false }),
    ])
    mountDialog()
    await flushPromises()

    expect(noticeApi.listIssuerCodes).toHaveBeenCalledWith('1')
    expect(noticeApi.previewRecipients).toHaveBeenCalledWith('1', draft.recipients)
    // the only active code is chosen
    expect(text('notice-publish-number')).toBe('发文字号将自动编为：渝妇发〔2024〕N号')
    expect(text('notice-publish-preview')).toBe('共 38 个单位：妇联 38（区县 38）')
    expect(text('notice-publish-confirm')).toBe('发布后将向 38 个单位下发，发文字号自动编号')
    expect(submitButton().disabled).toBe(false)
  })

  it('publishes with the chosen code and the draft’s ETag', async () => {
    noticeApi.listIssuerCodes.mockResolvedValue([issuerCode()])
    const published = notice({ status: 'PUBLISHED', docNumber: '渝妇发〔2024〕5号', version: 4 })
    noticeApi.publishNotice.mockResolvedValue({ notice: published, etag: '"4"' })
    const wrapper = mountDialog()
    await flushPromises()

    submitButton().click()
    await flushPromises()

    expect(noticeApi.publishNotice).toHaveBeenCalledWith('42', '"3"', '3')
    expect(wrapper.emitted('published')).toEqual([[published, '"4"']])
    expect(wrapper.emitted('update:modelValue')).toEqual([[false]])
    expect(document.body.textContent).toContain('已发布：渝妇发〔2024〕5号')
  })

  it('cannot publish without an active issuer code', async () => {
    noticeApi.listIssuerCodes.mockResolvedValue([issuerCode({ active: false })])
    mountDialog()
    await flushPromises()
    expect(text('notice-publish-no-codes')).toContain('还没有可用的机关代字')
    expect(submitButton().disabled).toBe(true)
  })

  it('shows the server’s objection and stays open', async () => {
    noticeApi.listIssuerCodes.mockResolvedValue([issuerCode()])
    noticeApi.publishNotice.mockRejectedValue(
      new ApiError(422, {
        type: 'x',
        title: '不符合规则',
        status: 422,
        code: 'NOTICE_DEADLINE_AFTER_PARENT',
        detail: '转发通知的截止时间不能晚于上级通知给本单位的截止时间（2024-03-08T18:00+08:00）',
      }),
    )
    const wrapper = mountDialog()
    await flushPromises()
    submitButton().click()
    await flushPromises()

    expect(text('notice-publish-error')).toContain('未能发布')
    expect(text('notice-publish-error')).toContain('转发通知的截止时间不能晚于上级通知给本单位的截止时间')
    expect(wrapper.emitted('published')).toBeUndefined()
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
  })
})
