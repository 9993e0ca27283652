import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import MediaUpload from '../media-upload.vue'
import { mountWithApp, settle } from '@/__tests__/mount'
import type { FileLimits, StoredFile, UploadSession } from '@/api/types'

const mediaApi = vi.hoisted(() => ({
  uploadWhole: vi.fn(),
  startUpload: vi.fn(),
  getUpload: vi.fn(),
  appendChunk: vi.fn(),
  cancelUpload: vi.fn(),
  fetchFileLimits: vi.fn(),
  fetchImage: vi.fn(),
}))
vi.mock('@/api/media', () => mediaApi)

const limits: FileLimits = {
  maxSize: 100,
  maxVideoSize: 1000,
  chunkSize: 20,
  resumableAbove: 50,
  maxImagePixels: 50_000_000,
  thumbnailSize: 320,
  previewSize: 1600,
  types: [
    { extension: 'jpg', contentType: 'image/jpeg', kind: 'IMAGE' },
    { extension: 'png', contentType: 'image/png', kind: 'IMAGE' },
    { extension: 'mp4', contentType: 'video/mp4', kind: 'VIDEO' },
    { extension: 'pdf', contentType: 'application/pdf', kind: 'DOCUMENT' },
  ],
}

function stored(id: string, file: File): StoredFile {
  const image = file.name.endsWith('.jpg')
  return {
    id,
    name: file.name,
    contentType: image ? 'image/jpeg' : 'video/mp4',
    kind: image ? 'IMAGE' : 'VIDEO',
    size: file.size,
    sha256: 'ab',
    ownerOrgId: '7',
    uploadedAt: '2024-03-08T02:00:00Z',
    width: image ? 1600 : undefined,
    height: image ? 1200 : undefined,
    hasThumbnail: image,
  }
}

function mountUpload(props: Record<string, unknown> = {}, initial: StoredFile[] = []) {
  const wrapper: VueWrapper = mountWithApp(MediaUpload, {
    props: {
      modelValue: initial,
      orgId: '7',
      'onUpdate:modelValue': (value: StoredFile[]) => wrapper.setProps({ modelValue: value }),
      ...props,
    },
  })
  return wrapper
}

function model(wrapper: VueWrapper): StoredFile[] {
  const events = wrapper.emitted<[StoredFile[]]>('update:modelValue') ?? []
  return events[events.length - 1]?.[0] ?? []
}

function file(name: string, size: number): File {
  return new File([new Uint8Array(size)], name, { lastModified: 1 })
}

async function choose(wrapper: VueWrapper, ...files: File[]) {
  const input = wrapper.get('[data-testid="media-upload-input"]')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  await settle()
}

beforeEach(() => {
  vi.resetAllMocks()
  window.localStorage.clear()
  mediaApi.fetchFileLimits.mockResolvedValue(limits)
  mediaApi.fetchImage.mockResolvedValue(new Blob(['jpeg']))
  mediaApi.uploadWhole.mockImplementation(
    async (_org: string, f: File, onBytes: (l: number, t: number) => void) => {
      onBytes(f.size, f.size)
      return stored(`id-${f.name}`, f)
    },
  )
  URL.createObjectURL = vi.fn(() => 'blob:thumbnail')
  URL.revokeObjectURL = vi.fn()
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('media upload', () => {
  it('uploads photos, adds them to v-model and shows their thumbnails', async () => {
    const wrapper = mountUpload({ accept: ['IMAGE'] })
    await flushPromises()
    expect(wrapper.get('[data-testid="media-upload-input"]').attributes('accept')).toBe('.jpg,.png')
    expect(wrapper.text()).toContain('支持 JPG、PNG')

    await choose(wrapper, file('合影.jpg', 10), file('现场.jpg', 12))
    expect(mediaApi.uploadWhole).toHaveBeenCalledTimes(2)
    expect(mediaApi.uploadWhole).toHaveBeenCalledWith(
      '7',
      expect.any(File),
      expect.any(Function),
      expect.any(AbortSignal),
    )
    expect(model(wrapper).map((f) => f.id)).toEqual(['id-合影.jpg', 'id-现场.jpg'])
    expect(wrapper.emitted('uploaded')).toHaveLength(2)
    await settle()
    expect(mediaApi.fetchImage).toHaveBeenCalledWith('id-合影.jpg', 'thumbnail')
    expect(wrapper.findAll('[data-testid="media-upload-file"] img')[0]?.attributes('src')).toBe(
      'blob:thumbnail',
    )
    expect(wrapper.findAll('[data-testid="media-upload-pending"]')).toHaveLength(0)
  })

  it('says in place why a file is refused before sending it', async () => {
    const wrapper = mountUpload({ accept: ['IMAGE'] })
    await flushPromises()
    await choose(wrapper, file('宣传片.mp4', 10), file('大合影.jpg', 101))
    const errors = wrapper.findAll('[data-testid="media-upload-error"]').map((e) => e.text())
    expect(errors).toEqual(['不支持该类型的文件（.mp4）', '文件超过 100 B 的上限'])
    expect(wrapper.find('[data-testid="media-upload-retry"]').exists()).toBe(false)
    expect(mediaApi.uploadWhole).not.toHaveBeenCalled()

    await wrapper.findAll('[data-testid="media-upload-cancel"]')[0]!.trigger('click')
    await settle()
    expect(wrapper.findAll('[data-testid="media-upload-pending"]')).toHaveLength(1)
  })

  it('sends a large video in chunks with progress', async () => {
    const video = file('三八节活动视频.mp4', 55)
    const session = (offset: number, done = false): UploadSession => ({
      id: 'u1',
      orgId: '7',
      fileName: video.name,
      size: 55,
      offset,
      chunkSize: 20,
      expiresAt: '2024-03-09T02:00:00Z',
      file: done ? stored('v1', video) : undefined,
    })
    let release: () => void = () => undefined
    mediaApi.startUpload.mockResolvedValue(session(0))
    mediaApi.appendChunk
      .mockImplementationOnce(async () => session(20))
      .mockImplementationOnce(
        (_id: string, _offset: number, _chunk: Blob, onBytes: (l: number, t: number) => void) =>
          new Promise<UploadSession>((resolve) => {
            onBytes(10, 20)
            release = () => resolve(session(40))
          }),
      )
      .mockImplementationOnce(async () => session(55, true))
    const wrapper = mountUpload({ accept: ['VIDEO'] })
    await flushPromises()
    await choose(wrapper, video)

    // 30 of 55 bytes: 20 acknowledged and half of the second chunk
    expect(wrapper.findAll('[data-testid="media-upload-progress"]')).toHaveLength(1)
    expect(wrapper.text()).toContain('30 B / 55 B')
    expect(wrapper.emitted<[boolean]>('busy')?.at(-1)).toEqual([true])
    release()
    await settle()
    expect(mediaApi.appendChunk.mock.calls.map((c) => c[1])).toEqual([0, 20, 40])
    expect(model(wrapper).map((f) => f.id)).toEqual(['v1'])
    expect(wrapper.emitted<[boolean]>('busy')?.at(-1)).toEqual([false])
  })

  it('keeps to the maximum count', async () => {
    const existing = stored('old', file('旧.jpg', 5))
    const wrapper = mountUpload({ maxCount: 2 }, [existing])
    await flushPromises()
    await choose(wrapper, file('一.jpg', 5), file('二.jpg', 5), file('三.jpg', 5))
    expect(mediaApi.uploadWhole).toHaveBeenCalledOnce()
    expect(model(wrapper).map((f) => f.id)).toEqual(['old', 'id-一.jpg'])
    expect(wrapper.get('[data-testid="media-upload-drop"]').text()).toContain('已达 2 个文件的上限')

    await wrapper.findAll('[data-testid="media-upload-remove"]')[0]!.trigger('click')
    expect(model(wrapper).map((f) => f.id)).toEqual(['id-一.jpg'])
  })

  it('takes dropped files and nothing while disabled', async () => {
    const wrapper = mountUpload()
    await flushPromises()
    await wrapper.get('[data-testid="media-upload-drop"]').trigger('drop', {
      dataTransfer: { files: [file('合影.jpg', 5)] },
    })
    await settle()
    expect(mediaApi.uploadWhole).toHaveBeenCalledOnce()

    await wrapper.setProps({ disabled: true })
    await wrapper.get('[data-testid="media-upload-drop"]').trigger('drop', {
      dataTransfer: { files: [file('现场.jpg', 5)] },
    })
    await settle()
    expect(mediaApi.uploadWhole).toHaveBeenCalledOnce()
  })
})
