import { beforeEach, describe, expect, it, vi } from 'vitest'
import { h, ref } from 'vue'
import MediaField from '../modules/media-field.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { ApiError } from '@/api/problem'
import type { StoredFile } from '@/api/types'
import type { FileKind, FileMediaModel } from '../data'

const api = vi.hoisted(() => ({ uploadReportFile: vi.fn(), fetchFileBlob: vi.fn() }))
vi.mock('@/api/submission', () => api)

function stored(overrides: Partial<StoredFile> = {}): StoredFile {
  return {
    id: '57',
    name: '活动现场.jpg',
    contentType: 'image/jpeg',
    kind: 'IMAGE',
    size: 2048,
    sha256: 'ab',
    ownerOrgId: '118',
    uploadedAt: '2024-03-06T02:00:00Z',
    hasThumbnail: true,
    ...overrides,
  }
}

function mountField(kind: FileKind, initial: FileMediaModel[] = [], editable = true) {
  const items = ref<FileMediaModel[]>(initial)
  const wrapper = mountWithApp({
    render: () =>
      h(MediaField, {
        modelValue: items.value,
        'onUpdate:modelValue': (v: FileMediaModel[]) => (items.value = v),
        kind,
        orgId: '118',
        editable,
      }),
  })
  return { wrapper, items }
}

async function pick(wrapper: ReturnType<typeof mountField>['wrapper'], testId: string, files: File[]) {
  const input = wrapper.get(`[data-testid="${testId}"]`).element as HTMLInputElement
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

beforeEach(() => {
  vi.clearAllMocks()
  api.fetchFileBlob.mockResolvedValue(new Blob(['x'], { type: 'image/jpeg' }))
  URL.createObjectURL = vi.fn(() => 'blob:photo')
  URL.revokeObjectURL = vi.fn()
})

describe('media field (local upload wrapper)', () => {
  it('uploads a photo for the package’s org and shows it from its file', async () => {
    api.uploadReportFile.mockResolvedValue(stored())
    const { wrapper, items } = mountField('PHOTO')
    await pick(wrapper, 'media-photo-input', [new File(['x'], '活动现场.jpg', { type: 'image/jpeg' })])
    expect(api.uploadReportFile).toHaveBeenCalledWith(
      '118',
      expect.any(File),
      expect.any(Function),
      expect.anything(),
    )
    expect(items.value.map((m) => [m.fileId, m.fileName, m.title])).toEqual([['57', '活动现场.jpg', '']])
    expect(api.fetchFileBlob).toHaveBeenCalledWith('57', expect.anything())
    expect(wrapper.find('[data-testid="media-thumb"] img').attributes('src')).toBe('blob:photo')
  })

  it('refuses a file that is not a picture before uploading it', async () => {
    const { wrapper, items } = mountField('PHOTO')
    await pick(wrapper, 'media-photo-input', [new File(['%PDF'], '总结.pdf', { type: 'application/pdf' })])
    expect(api.uploadReportFile).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="media-photo-error"]').text()).toContain('“总结.pdf”不是图片')
    expect(items.value).toEqual([])
  })

  it('keeps a failed upload with its reason, and retries it', async () => {
    api.uploadReportFile
      .mockRejectedValueOnce(
        new ApiError(413, { type: 'about:blank', title: '', status: 413, code: 'FILE_TOO_LARGE' }),
      )
      .mockResolvedValueOnce(stored({ id: '60', name: '宣传稿.pdf', contentType: 'application/pdf' }))
    const { wrapper, items } = mountField('ARTICLE')
    await pick(wrapper, 'media-article-input', [
      new File(['%PDF'], '宣传稿.pdf', { type: 'application/pdf' }),
    ])
    expect(wrapper.get('[data-testid="media-article-error"]').text()).toContain('“宣传稿.pdf”超过大小限制')
    await wrapper.get('[data-testid="media-article-retry"]').trigger('click')
    await settle()
    expect(api.uploadReportFile).toHaveBeenCalledTimes(2)
    expect(wrapper.find('[data-testid="media-article-pending"]').exists()).toBe(false)
    // an article keeps its file name (without extension) as the title
    expect(items.value.map((m) => [m.fileId, m.title])).toEqual([['60', '宣传稿']])
  })

  it('is read-only when the package cannot be edited', () => {
    const { wrapper } = mountField(
      'VIDEO',
      [
        {
          key: 'm1',
          fileId: '61',
          title: '活动视频',
          fileName: 'v.mp4',
          contentType: 'video/mp4',
          size: 1024,
        },
      ],
      false,
    )
    expect(wrapper.find('[data-testid="media-video-add"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="media-video-remove"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="media-video-item"]').text()).toContain('活动视频')
  })
})
