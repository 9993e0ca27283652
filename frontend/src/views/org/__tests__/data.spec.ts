import { describe, expect, it } from 'vitest'
import { childLevel, emptyForm, formFromOrg, toCreate, toUpdate, todayInShanghai } from '../data'
import { org } from '@/__tests__/fixtures'

describe('org form data', () => {
  it('starts a federation’s child as a federation one level down', () => {
    expect(emptyForm(org({ level: 'CITY' }))).toMatchObject({ type: 'FEDERATION', level: 'DISTRICT' })
    expect(emptyForm(org({ level: 'DISTRICT' }))).toMatchObject({ type: 'FEDERATION', level: 'TOWNSHIP' })
    expect(emptyForm(org({ level: 'VILLAGE' }))).toMatchObject({ level: 'VILLAGE' })
    expect(emptyForm(org({ type: 'DEPARTMENT', level: undefined }))).toMatchObject({ type: '', level: '' })
    expect(childLevel(undefined)).toBeUndefined()
  })

  it('builds bodies that omit empty optional fields and drop a level outside federations', () => {
    const form = {
      ...formFromOrg(org()),
      type: 'SOCIAL' as const,
      shortName: '   ',
      contactEmail: ' a@b.cn ',
    }
    const update = toUpdate(form)
    expect(update.level).toBeUndefined()
    expect(update.shortName).toBeUndefined()
    expect(update.contactEmail).toBe('a@b.cn')
    expect(update).not.toHaveProperty('parentId')

    const create = toCreate({ ...form, sortOrder: 5 }, '118')
    expect(create).toMatchObject({ parentId: '118', sortOrder: 5, type: 'SOCIAL' })
  })

  it('round-trips an org through the form', () => {
    const o = org()
    expect(toUpdate(formFromOrg(o))).toEqual({
      code: o.code,
      name: o.name,
      shortName: o.shortName,
      type: o.type,
      level: o.level,
      contactPerson: o.contactPerson,
      contactPhone: o.contactPhone,
      contactEmail: o.contactEmail,
      openedOn: o.openedOn,
    })
  })

  it('gives today’s date in Shanghai, not in the browser’s zone', () => {
    // 2024-03-07 17:30 UTC is already 2024-03-08 in Shanghai
    expect(todayInShanghai(new Date('2024-03-07T17:30:00Z'))).toBe('2024-03-08')
    expect(todayInShanghai(new Date('2024-03-07T15:59:00Z'))).toBe('2024-03-07')
  })
})
