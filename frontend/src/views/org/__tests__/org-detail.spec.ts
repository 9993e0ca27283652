import { describe, expect, it } from 'vitest'
import OrgDetail from '../modules/org-detail.vue'
import { mountWithApp } from '@/__tests__/mount'
import { counts, crumbs, org } from '@/__tests__/fixtures'

function text(wrapper: ReturnType<typeof mountWithApp>, testId: string): string {
  return wrapper.get(`[data-testid="${testId}"]`).text()
}

describe('org detail panel', () => {
  it('asks the user to pick an org when none is selected', () => {
    const wrapper = mountWithApp(OrgDetail, { props: { org: null, breadcrumb: [], counts: null } })
    expect(wrapper.text()).toContain('请在左侧组织树中选择一个组织')
    expect(wrapper.find('[data-testid="org-detail-name"]').exists()).toBe(false)
  })

  it('shows every field with Chinese type and level labels, the breadcrumb and the counts', () => {
    const wrapper = mountWithApp(OrgDetail, { props: { org: org(), breadcrumb: crumbs, counts } })

    expect(text(wrapper, 'org-detail-name')).toBe('渝中区妇女联合会')
    expect(text(wrapper, 'org-detail-status')).toBe('正常')
    expect(text(wrapper, 'org-field-code')).toBe('500103')
    expect(text(wrapper, 'org-field-shortName')).toBe('渝中区妇联')
    expect(text(wrapper, 'org-field-type')).toBe('妇联')
    expect(text(wrapper, 'org-field-level')).toBe('区县级')
    expect(text(wrapper, 'org-field-parent')).toBe('重庆市妇女联合会')
    expect(text(wrapper, 'org-field-contactPerson')).toBe('李红')
    expect(text(wrapper, 'org-field-contactPhone')).toBe('023-63800000')
    expect(text(wrapper, 'org-field-contactEmail')).toBe('yuzhong@cqwomen.example.cn')
    expect(text(wrapper, 'org-field-openedOn')).toBe('1950-03-08')
    expect(text(wrapper, 'org-field-childCount')).toBe('11')
    expect(text(wrapper, 'org-field-depth')).toBe('第 2 层')

    expect(wrapper.findAll('[data-testid="org-breadcrumb-item"]').map((w) => w.text())).toEqual(['市妇联'])
    expect(text(wrapper, 'org-breadcrumb-current')).toBe('渝中区妇联')

    expect(text(wrapper, 'org-count-descendants')).toBe('63')
    expect(text(wrapper, 'org-count-active')).toBe('62')
    expect(text(wrapper, 'org-count-closed')).toBe('1')
    expect(text(wrapper, 'org-count-type-FEDERATION')).toBe('妇联 50')
    expect(text(wrapper, 'org-count-type-DEPARTMENT')).toBe('内设部室 12')
    expect(text(wrapper, 'org-count-level-TOWNSHIP')).toBe('乡镇(街道)级 11')
    expect(text(wrapper, 'org-count-level-VILLAGE')).toBe('村(社区)级 39')
    expect(wrapper.find('[data-testid="org-count-type-SOCIAL"]').exists()).toBe(false)
  })

  it.each([
    ['WORK_COMMITTEE', '机关/系统妇委会·妇工委'],
    ['ENTERPRISE', '企事业单位妇女组织'],
    ['DEPARTMENT', '内设部室'],
    ['SOCIAL', '女性社会组织'],
  ] as const)('labels type %s as %s and shows no level', (type, label) => {
    const wrapper = mountWithApp(OrgDetail, {
      props: { org: org({ type, level: undefined }), breadcrumb: crumbs, counts: null },
    })
    expect(text(wrapper, 'org-field-type')).toBe(label)
    expect(text(wrapper, 'org-field-level')).toBe('—')
  })

  it('offers no actions when the server offers none', () => {
    const wrapper = mountWithApp(OrgDetail, {
      props: { org: org({ actions: [] }), breadcrumb: crumbs, counts },
    })
    expect(wrapper.find('[data-testid="org-actions"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="org-create-child"]').exists()).toBe(false)
  })

  it('offers create, edit, move and close as the server allows, and emits them', async () => {
    const wrapper = mountWithApp(OrgDetail, {
      props: { org: org(), breadcrumb: crumbs, counts },
    })

    expect(text(wrapper, 'org-create-child')).toBe('新建下级组织')
    expect(text(wrapper, 'org-edit')).toBe('编辑')
    expect(text(wrapper, 'org-move')).toBe('移动')
    expect(text(wrapper, 'org-close')).toBe('关闭')
    expect(wrapper.find('[data-testid="org-reopen"]').exists()).toBe(false)

    await wrapper.get('[data-testid="org-create-child"]').trigger('click')
    await wrapper.get('[data-testid="org-move"]').trigger('click')
    await wrapper.get('[data-testid="org-breadcrumb-item"]').trigger('click')
    expect(wrapper.emitted('create')).toHaveLength(1)
    expect(wrapper.emitted('move')).toHaveLength(1)
    expect(wrapper.emitted('crumb')).toEqual([['1']])
  })

  it('offers only edit and reopen for a closed org', () => {
    const wrapper = mountWithApp(OrgDetail, {
      props: {
        org: org({ active: false, closedOn: '2026-01-31', actions: ['UPDATE', 'MOVE', 'REOPEN'] }),
        breadcrumb: crumbs,
        counts,
      },
    })
    expect(text(wrapper, 'org-detail-status')).toBe('已关闭')
    expect(text(wrapper, 'org-field-closedOn')).toBe('2026-01-31')
    expect(text(wrapper, 'org-reopen')).toBe('重新启用')
    for (const id of ['org-create-child', 'org-move', 'org-close']) {
      expect(wrapper.find(`[data-testid="${id}"]`).exists()).toBe(false)
    }
  })

  it('shows neither move nor close on the top of the caller’s scope (managed from above)', () => {
    const wrapper = mountWithApp(OrgDetail, {
      props: {
        org: org({ actions: ['UPDATE', 'CREATE_CHILD', 'REORDER_CHILDREN'] }),
        breadcrumb: [],
        counts,
      },
    })
    expect(text(wrapper, 'org-edit')).toBe('编辑')
    expect(wrapper.find('[data-testid="org-move"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="org-close"]').exists()).toBe(false)
    expect(text(wrapper, 'org-field-parent')).toBe('—')
  })
})
