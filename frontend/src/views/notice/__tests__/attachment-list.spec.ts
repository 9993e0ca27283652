import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import AttachmentList from '../modules/attachment-list.vue'
import { mountWithApp } from '@/__tests__/mount'
import { ApiError } from '@/api/problem'
import type { StoredFile } from '@/api/types'
import type { AttachmentModel } from '../data'

const mediaApi = vi.hoisted(() => ({
  uploadWhole: vi.fn(),
  startUpload: vi.fn(),
  getUpload: vi.fn(),
  appendChunk: vi.fn(),
  cancelUpload: vi.fn(),
  fetchFileLimits: vi.fn(),
  fetchImage: vi.fn(),
}))
vi.mock('@/api/notice-view', () => ({ downloadAttachment: vi.fn() }))
vi.mock('@/api/media', () => mediaApi)

function stored(id: string, name: string): StoredFile {
  return {
    id,
    name,
    contentType: 'application/pdf',
    size: 2048,
    kind: 'DOCUMENT',
    sha256: 'ab',
    ownerOrgId: '1',
    uploadedAt: '2024-02-26T02:00:00Z',
    hasThumbnail: false,
  }
}

function mountList(attachments: AttachmentModel[] = []) {
  const wrapper: VueWrapper = mountWithApp(AttachmentList, {
    props: {
      modelValue: attachments,
      orgId: '1',
      'onUpdate:modelValue': (value: AttachmentModel[]) => wrapper.setProps({ modelValue: value }),
    },
  })
  return wrapper
}

function model(wrapper: VueWrapper): AttachmentModel[] {
  const events = wrapper.emitted<[AttachmentModel[]]>('update:modelValue') ?? []
  return events[events.length - 1]?.[0] ?? []
}

async function choose(wrapper: VueWrapper, ...names: string[]) {
  const input = wrapper.get('[data-testid="notice-attachment-input"]').element as HTMLInputElement
  const files = names.map((name) => new File(['x'], name))
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  await wrapper.get('[data-testid="notice-attachment-input"]').trigger('change')
  await flushPromises()
}

beforeEach(() => {
  vi.clearAllMocks()
  mediaApi.fetchFileLimits.mockRejectedValue(new Error('offline'))
})

describe('attachment list', () => {
  it('uploads for the issuer and captions the file with its name without extension', async () => {
    mediaApi.uploadWhole.mockImplementation(
      async (_org: string, file: File, progress: (loaded: number, total: number) => void) => {
        progress(1, 2)
        return stored('17', file.name)
      },
    )
    const wrapper = mountList()
    await choose(wrapper, '2024年三八活动报名表.docx')

    expect(mediaApi.uploadWhole).toHaveBeenCalledWith(
      '1',
      expect.any(File),
      expect.any(Function),
      expect.any(AbortSignal),
    )
    expect(model(wrapper)).toEqual([
      {
        fileId: '17',
        title: '2024年三八活动报名表',
        name: '2024年三八活动报名表.docx',
        size: 2048,
        contentType: 'application/pdf',
      },
    ])
    expect(document.querySelectorAll('[data-testid="notice-attachment-pending"]')).toHaveLength(0)
  })

  it('says why an upload failed and retries it', async () => {
    mediaApi.uploadWhole.mockRejectedValueOnce(new ApiError(503, null))
    const wrapper = mountList()
    await choose(wrapper, '宣传片.mp4')
    expect(document.querySelector('[data-testid="notice-attachment-error"]')?.textContent).toBe('上传失败')
    expect(model(wrapper)).toEqual([])

    mediaApi.uploadWhole.mockResolvedValueOnce(stored('18', '宣传片.mp4'))
    await wrapper.get('[data-testid="notice-attachment-retry"]').trigger('click')
    await flushPromises()
    expect(mediaApi.uploadWhole).toHaveBeenCalledTimes(2)
    expect(model(wrapper).map((a) => a.fileId)).toEqual(['18'])
    expect(document.querySelector('[data-testid="notice-attachment-error"]')).toBeNull()
  })

  it("shows the server's reason for a refused file, without a retry", async () => {
    mediaApi.uploadWhole.mockRejectedValueOnce(
      new ApiError(415, {
        type: 'x',
        title: '不支持的内容类型',
        status: 415,
        code: 'FILE_CONTENT_MISMATCH',
        detail: '文件内容不是有效的 .pdf 文件（是否改过扩展名或已损坏？）',
      }),
    )
    const wrapper = mountList()
    await choose(wrapper, '通知.pdf')
    expect(document.querySelector('[data-testid="notice-attachment-error"]')?.textContent).toContain(
      '不是有效的 .pdf 文件',
    )
    expect(document.querySelector('[data-testid="notice-attachment-retry"]')).toBeNull()
    expect(model(wrapper)).toEqual([])
  })

  it('renames, reorders and removes attachments', async () => {
    const initial: AttachmentModel[] = [
      { fileId: '1', title: '活动方案', name: '活动方案.docx', size: 10, contentType: 'x' },
      { fileId: '2', title: '报名表', name: '报名表.xlsx', size: 10, contentType: 'x' },
    ]
    const wrapper = mountList(initial)
    // the caption is edited in place, in the editor's form
    await wrapper.findAll('[data-testid="notice-attachment-title"]')[1]!.setValue('参赛报名表')
    expect(initial[1]?.title).toBe('参赛报名表')

    await wrapper.findAll('[data-testid="notice-attachment-up"]')[1]!.trigger('click')
    expect(model(wrapper).map((a) => a.fileId)).toEqual(['2', '1'])
    expect(wrapper.findAll('[data-testid="notice-attachment"]')[0]?.text()).toContain('附件1')

    await wrapper.findAll('[data-testid="notice-attachment-remove"]')[0]!.trigger('click')
    expect(model(wrapper).map((a) => a.fileId)).toEqual(['1'])
  })
})
