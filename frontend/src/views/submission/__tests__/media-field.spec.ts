import { beforeEach, describe, expect, it, vi } from 'vitest'
import { h, ref } from 'vue'
import MediaField from '../modules/media-field.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import { ApiError } from '@/api/problem'
import type { FileLimits, StoredFile } from '@/api/types'
import type { FileKind, FileMediaModel } from '../data'

const api = vi.hoisted(() => ({
  uploadWhole: vi.fn(),
  startUpload: vi.fn(),
  getUpload: vi.fn(),
  appendChunk: vi.fn(),
  cancelUpload: vi.fn(),
  fetchFileLimits: vi.fn(),
  fetchImage: vi.fn(),
}))
vi.mock('@/api/media', () => api)

const limits: FileLimits = {
  maxSize: 20 * 1024 * 1024,
  maxVideoSize: 2 * 1024 * 1024 * 1024,
  chunkSize: 8 * 1024 * 1024,
  resumableAbove: 8 * 1024 * 1024,
  maxImagePixels: 50_000_000,
  thumbnailSize: 320,
  previewSize: 1600,
  types: [
    { extension: 'jpg', contentType: 'image/jpeg', kind: 'IMAGE' },
    { extension: 'mp4', contentType: 'video/mp4', kind: 'VIDEO' },
    { extension: 'pdf', contentType: 'application/pdf', kind: 'DOCUMENT' },
  ],
}

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
    width: 1600,
    height: 1200,
    hasThumbnail: true,
    ...overrides,
  }
}

function mountField(kind: FileKind, initial: FileMediaModel[] = [], editable = true, max?: number) {
  const items = ref<FileMediaModel[]>(initial)
  const wrapper = mountWithApp({
    render: () =>
      h(MediaField, {
        modelValue: items.value,
        'onUpdate:modelValue': (v: FileMediaModel[]) => (items.value = v),
        kind,
        orgId: '118',
        editable,
        max,
      }),
  })
  return { wrapper, items }
}

async function pick(wrapper: ReturnType<typeof mountField>['wrapper'], testId: string, files: File[]) {
  await settle()
  const input = wrapper.get(`[data-testid="${testId}"]`).element as HTMLInputElement
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

beforeEach(() => {
  vi.resetAllMocks()
  window.localStorage.clear()
  api.fetchFileLimits.mockResolvedValue(limits)
  api.fetchImage.mockResolvedValue(new Blob(['x'], { type: 'image/jpeg' }))
  URL.createObjectURL = vi.fn(() => 'blob:photo')
  URL.revokeObjectURL = vi.fn()
})

describe('media field', () => {
  it('uploads a photo for the package’s org and shows its thumbnail', async () => {
    api.uploadWhole.mockResolvedValue(stored())
    const { wrapper, items } = mountField('PHOTO')
    await pick(wrapper, 'media-photo-input', [new File(['x'], '活动现场.jpg', { type: 'image/jpeg' })])
    expect(api.uploadWhole).toHaveBeenCalledWith(
      '118',
      expect.any(File),
      expect.any(Function),
      expect.anything(),
    )
    expect(items.value.map((m) => [m.fileId, m.fileName, m.title])).toEqual([['57', '活动现场.jpg', '']])
    await settle()
    expect(api.fetchImage).toHaveBeenCalledWith('57', 'thumbnail')
    expect(wrapper.find('[data-testid="media-thumb"] img').attributes('src')).toBe('blob:photo')
  })

  it('refuses a file that is not a picture before uploading it', async () => {
    const { wrapper, items } = mountField('PHOTO')
    await pick(wrapper, 'media-photo-input', [new File(['%PDF'], '总结.pdf', { type: 'application/pdf' })])
    expect(api.uploadWhole).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="media-photo-error"]').text()).toContain('不支持该类型的文件（.pdf）')
    expect(items.value).toEqual([])
  })

  it('keeps a failed upload with its reason, and retries it', async () => {
    api.uploadWhole.mockRejectedValueOnce(new ApiError(0, null)).mockResolvedValueOnce(
      stored({
        id: '60',
        name: '宣传稿.pdf',
        contentType: 'application/pdf',
        kind: 'DOCUMENT',
        hasThumbnail: false,
      }),
    )
    const { wrapper, items } = mountField('ARTICLE')
    await pick(wrapper, 'media-article-input', [
      new File(['%PDF'], '宣传稿.pdf', { type: 'application/pdf' }),
    ])
    expect(wrapper.get('[data-testid="media-article-error"]').text()).toContain('网络中断')
    await wrapper.get('[data-testid="media-article-retry"]').trigger('click')
    await settle()
    expect(api.uploadWhole).toHaveBeenCalledTimes(2)
    expect(wrapper.find('[data-testid="media-article-pending"]').exists()).toBe(false)
    // an article keeps its file name (without extension) as the title
    expect(items.value.map((m) => [m.fileId, m.title])).toEqual([['60', '宣传稿']])
  })

  it('takes no more files than the field has room for', async () => {
    api.uploadWhole.mockImplementation(async (_org: string, f: File) => stored({ id: f.name, name: f.name }))
    const one: FileMediaModel = {
      key: 'm1',
      fileId: '1',
      title: '',
      fileName: '一.jpg',
      contentType: 'image/jpeg',
      size: 1,
    }
    const { wrapper, items } = mountField('PHOTO', [one], true, 2)
    await pick(wrapper, 'media-photo-input', [new File(['x'], '二.jpg'), new File(['x'], '三.jpg')])
    expect(api.uploadWhole).toHaveBeenCalledOnce()
    expect(items.value.map((m) => m.fileId)).toEqual(['1', '二.jpg'])
    await settle()
    expect(wrapper.get('[data-testid="media-photo-drop"]').text()).toContain('已达文件数量上限')
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
    expect(wrapper.find('[data-testid="media-video-drop"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="media-video-input"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="media-video-remove"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="media-video-item"]').text()).toContain('活动视频')
  })
})
