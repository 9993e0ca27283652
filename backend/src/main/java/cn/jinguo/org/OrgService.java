package cn.jinguo.org;

import static cn.jinguo.common.Text.blankToNull;

import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.BusinessTime;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.Versioned;
import cn.jinguo.org.OrgDtos.Crumb;
import cn.jinguo.org.OrgDtos.OrgClose;
import cn.jinguo.org.OrgDtos.OrgCounts;
import cn.jinguo.org.OrgDtos.OrgCreate;
import cn.jinguo.org.OrgDtos.OrgMove;
import cn.jinguo.org.OrgDtos.OrgPage;
import cn.jinguo.org.OrgDtos.OrgUpdate;
import cn.jinguo.org.OrgDtos.OrgView;
import cn.jinguo.org.OrgDtos.SiblingOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The organization tree: reads within the caller's scope, and every structural change with its rules. */
@ApplicationScoped
public class OrgService {
    @Inject
    OrgRepository orgs;

    @Inject
    DataScope scope;

    @Inject
    AuditLog audit;

    @Inject
    Event<SubtreeMoved> subtreeMoved;

    // ---- reads ----

    @Transactional
    public List<OrgView> roots() {
        List<Org> roots = orgs.roots(scope.roots(), scope.unrestricted());
        return withChildCounts(roots, false);
    }

    @Transactional
    public OrgView get(String id) {
        Org org = visible(id);
        return view(org, orgs.countChildren(org.id, false));
    }

    @Transactional
    public OrgPage search(
            String q,
            OrgType type,
            FederationLevel level,
            Boolean active,
            String parentId,
            List<String> ids,
            Paging paging) {
        Long parent = parentId == null ? null : visible(parentId).id;
        List<Long> keys = new ArrayList<>();
        if (ids != null) {
            if (ids.size() > Paging.MAX_SIZE) throw ApiException.field("id", "Size");
            for (String id : ids) {
                Long key = Ids.parseOrNull(id);
                if (key == null) throw ApiException.field("id", "Invalid");
                keys.add(key);
            }
        }
        var criteria = new OrgRepository.SearchCriteria(q, type, level, active, parent, keys);
        DataScope.Filter filter = scope.filter("o.path");
        List<Org> found = orgs.search(filter, criteria, paging);
        return new OrgPage(
                withChildCounts(found, false), orgs.countSearch(filter, criteria), paging.page(), paging.size());
    }

    @Transactional
    public OrgPage children(String id, boolean includeClosed, Paging paging) {
        Org parent = visible(id);
        List<Org> children = orgs.children(parent.id, includeClosed, paging);
        return new OrgPage(
                withChildCounts(children, includeClosed),
                orgs.countChildren(parent.id, includeClosed),
                paging.page(),
                paging.size());
    }

    @Transactional
    public List<Crumb> ancestors(String id) {
        Org org = visible(id);
        return orgs.ancestors(org, scope.filter("o.path")).stream()
                .map(o -> new Crumb(o.id.toString(), o.name, o.shortName))
                .toList();
    }

    @Transactional
    public OrgCounts counts(String id) {
        OrgRepository.Counts c = orgs.counts(visible(id));
        return new OrgCounts(c.descendants(), c.active(), c.descendants() - c.active(), c.byType(), c.byLevel());
    }

    // ---- changes ----

    @Transactional
    public OrgView create(@NotNull @Valid OrgCreate in) {
        orgs.lockTree(false);
        Org parent = null;
        if (in.parentId() == null) {
            if (!scope.unrestricted()) throw ApiException.forbidden("ORG_ROOT_PLATFORM_ONLY");
        } else {
            parent = visible(in.parentId());
            scope.require(Permission.ORG_WRITE, parent.path);
        }
        OrgRules.checkPlacement(parent, in.type(), in.level());
        requireFreeCode(in.code(), null);
        requireFreeName(parent == null ? null : parent.id, in.name(), null);

        Org org = new Org();
        org.code = in.code().trim();
        org.name = in.name().trim();
        org.shortName = blankToNull(in.shortName());
        org.type = in.type();
        org.level = in.level();
        org.parentId = parent == null ? null : parent.id;
        org.sortOrder = in.sortOrder() != null ? in.sortOrder() : orgs.nextSortOrder(org.parentId);
        org.contactPerson = blankToNull(in.contactPerson());
        org.contactPhone = blankToNull(in.contactPhone());
        org.contactEmail = blankToNull(in.contactEmail());
        org.openedOn = in.openedOn();
        org.updatedAt = Instant.now();
        org.path = "/"; // replaced below, once the sequence has given the id
        orgs.persist(org);
        org.path = parent == null ? "/" + org.id + "/" : parent.childPath(org.id);
        org.depth = parent == null ? 0 : parent.depth + 1;
        orgs.flush();
        audit.record(
                "org.create",
                "org",
                org.id,
                org.id,
                org.path,
                "新建组织“" + org.name + "”（" + org.code + "）",
                Map.of("parentId", String.valueOf(org.parentId), "type", org.type.name()));
        return view(org, 0);
    }

    @Transactional
    public OrgView update(String id, String ifMatch, @NotNull @Valid OrgUpdate in) {
        Org org = visible(id);
        scope.require(Permission.ORG_WRITE, org.path);
        Versioned.requireMatch(ifMatch, org.version);
        if (in.type() != org.type || in.level() != org.level) {
            Org parent = org.parentId == null ? null : orgs.findById(org.parentId);
            OrgRules.checkPlacement(parent, in.type(), in.level());
            OrgRules.checkChildrenFit(
                    org,
                    in.type(),
                    in.level(),
                    orgs.shallowestChildFederation(org.id),
                    orgs.hasChildOfType(org.id, OrgType.DEPARTMENT));
        }
        if (!in.code().trim().equalsIgnoreCase(org.code)) requireFreeCode(in.code(), org.id);
        if (org.active && !in.name().trim().equals(org.name)) requireFreeName(org.parentId, in.name(), org.id);

        Map<String, Object> changes = new LinkedHashMap<>();
        org.code = track(changes, "code", org.code, in.code().trim());
        org.name = track(changes, "name", org.name, in.name().trim());
        org.shortName = track(changes, "shortName", org.shortName, blankToNull(in.shortName()));
        org.type = track(changes, "type", org.type, in.type());
        org.level = track(changes, "level", org.level, in.level());
        org.contactPerson = track(changes, "contactPerson", org.contactPerson, blankToNull(in.contactPerson()));
        org.contactPhone = track(changes, "contactPhone", org.contactPhone, blankToNull(in.contactPhone()));
        org.contactEmail = track(changes, "contactEmail", org.contactEmail, blankToNull(in.contactEmail()));
        org.openedOn = track(changes, "openedOn", org.openedOn, in.openedOn());
        if (!changes.isEmpty()) {
            org.updatedAt = Instant.now();
            orgs.flush();
            audit.record(
                    "org.update",
                    "org",
                    org.id,
                    org.id,
                    org.path,
                    "修改组织“" + org.name + "”：" + String.join("、", changes.keySet()),
                    changes);
        }
        return view(org, orgs.countChildren(org.id, false));
    }

    @Transactional
    public OrgView move(String id, String ifMatch, @NotNull @Valid OrgMove in) {
        orgs.lockTree(true);
        Org org = visible(id);
        Org target = visible(in.newParentId());
        requireManagedFromAbove(org);
        scope.require(Permission.ORG_WRITE, target.path);
        Versioned.checkMatch(ifMatch, org.version);
        if (target.id.equals(org.id) || org.isAncestorOf(target))
            throw ApiException.conflict("ORG_MOVE_CYCLE", org.name, target.name);
        if (Objects.equals(org.parentId, target.id)) throw ApiException.conflict("ORG_MOVE_SAME_PARENT", target.name);
        OrgRules.checkPlacement(target, org.type, org.level);
        if (org.active) requireFreeName(target.id, org.name, org.id);

        String oldPath = org.path;
        Long oldParent = org.parentId;
        String newPath = target.childPath(org.id);
        org.parentId = target.id;
        org.sortOrder = in.sortOrder() != null ? in.sortOrder() : orgs.nextSortOrder(target.id);
        org.updatedAt = Instant.now();
        orgs.flush();
        int moved = orgs.rewritePaths(oldPath, newPath, target.depth + 1 - org.depth);
        subtreeMoved.fire(new SubtreeMoved(oldPath, newPath));
        orgs.getEntityManager().refresh(org);
        audit.record(
                "org.move",
                "org",
                org.id,
                org.id,
                org.path,
                "移动组织“" + org.name + "”（含 " + (moved - 1) + " 个下级）到“" + target.name + "”下",
                Map.of(
                        "fromParentId",
                        String.valueOf(oldParent),
                        "toParentId",
                        target.id.toString(),
                        "subtreeSize",
                        moved));
        return view(org, orgs.countChildren(org.id, false));
    }

    @Transactional
    public OrgView close(String id, String ifMatch, @Valid OrgClose in) {
        orgs.lockTree(true); // no child may be created or moved in while we count the open ones
        Org org = visible(id);
        requireManagedFromAbove(org);
        Versioned.checkMatch(ifMatch, org.version);
        if (!org.active) throw ApiException.conflict("ORG_ALREADY_CLOSED", org.name);
        long open = orgs.countChildren(org.id, false);
        if (open > 0) throw ApiException.rule("ORG_HAS_OPEN_CHILDREN", org.name, open);
        org.active = false;
        org.closedOn = in != null && in.closedOn() != null ? in.closedOn() : BusinessTime.today();
        org.updatedAt = Instant.now();
        orgs.flush();
        String reason = in == null || in.reason() == null ? "" : in.reason();
        audit.record(
                "org.close",
                "org",
                org.id,
                org.id,
                org.path,
                "关闭组织“" + org.name + "”" + (reason.isBlank() ? "" : "：" + reason),
                Map.of("closedOn", org.closedOn.toString(), "reason", reason));
        return view(org, 0);
    }

    @Transactional
    public OrgView reopen(String id, String ifMatch) {
        orgs.lockTree(true); // the parent must stay open while we reopen below it
        Org org = visible(id);
        requireManagedFromAbove(org);
        Versioned.checkMatch(ifMatch, org.version);
        if (org.active) throw ApiException.conflict("ORG_NOT_CLOSED", org.name);
        if (org.parentId != null) {
            Org parent = orgs.findById(org.parentId);
            if (!parent.active) throw ApiException.rule("ORG_PARENT_CLOSED", parent.name);
        }
        requireFreeName(org.parentId, org.name, org.id);
        org.active = true;
        org.closedOn = null;
        org.updatedAt = Instant.now();
        orgs.flush();
        audit.record("org.reopen", "org", org.id, org.id, org.path, "恢复组织“" + org.name + "”", null);
        return view(org, orgs.countChildren(org.id, false));
    }

    @Transactional
    public void reorder(String parentId, @NotNull @Valid SiblingOrder in) {
        Org parent = visible(parentId);
        scope.require(Permission.ORG_WRITE, parent.path);
        Set<Long> wanted = new HashSet<>();
        for (String childId : in.childIds()) {
            if (!wanted.add(Ids.parse(childId))) throw ApiException.badRequest("ORDER_DUPLICATE_ID", childId);
        }
        List<Org> children = orgs.list("parentId = ?1 and id in ?2", parent.id, wanted);
        if (children.size() != wanted.size()) throw ApiException.rule("ORDER_NOT_CHILDREN", parent.name);
        Map<Long, Org> byId = new java.util.HashMap<>();
        children.forEach(c -> byId.put(c.id, c));
        // Listed children take the first positions; the others keep their relative order after them.
        int position = 0;
        for (String childId : in.childIds()) byId.get(Long.parseLong(childId)).sortOrder = position++;
        for (Org rest : orgs.list("parentId = ?1 and id not in ?2 order by sortOrder, name, id", parent.id, wanted)) {
            rest.sortOrder = position++;
        }
        audit.record(
                "org.reorder",
                "org",
                parent.id,
                parent.id,
                parent.path,
                "调整“" + parent.name + "”的下级排序",
                Map.of("childIds", in.childIds()));
    }

    // ---- helpers ----

    /** Loads an org the caller may see; anything else, including a malformed id, is 404. */
    public Org visible(String id) {
        Long key = Ids.parseOrNull(id);
        Org org = key == null ? null : orgs.findById(key);
        scope.requireVisible(org == null ? null : org.path, "ORG_NOT_FOUND", id);
        return org;
    }

    /** Moving, closing and reopening are decided by someone above the org: a member cannot close its own root. */
    private boolean managedFromAbove(Org org) {
        if (org.parentId == null) return scope.unrestricted();
        return scope.can(
                Permission.ORG_WRITE,
                org.path.substring(0, org.path.length() - org.id.toString().length() - 1));
    }

    private void requireManagedFromAbove(Org org) {
        if (managedFromAbove(org)) return;
        throw ApiException.forbidden(
                "PERMISSION_REQUIRED", (org.parentId == null ? Permission.PLATFORM_ADMIN : Permission.ORG_WRITE).key);
    }

    /** What the caller may do with the org now, by the same rules the operations check (so clients can hide the rest). */
    private List<OrgAction> actions(Org org) {
        List<OrgAction> actions = new ArrayList<>();
        if (scope.can(Permission.ORG_WRITE, org.path)) {
            actions.add(OrgAction.UPDATE);
            if (org.active) actions.add(OrgAction.CREATE_CHILD);
            actions.add(OrgAction.REORDER_CHILDREN);
        }
        if (managedFromAbove(org)) {
            actions.add(OrgAction.MOVE);
            actions.add(org.active ? OrgAction.CLOSE : OrgAction.REOPEN);
        }
        return actions;
    }

    private OrgView view(Org org, long childCount) {
        return OrgMapper.view(org, childCount, actions(org));
    }

    private void requireFreeCode(String code, Long exceptId) {
        orgs.byCode(code.trim()).filter(o -> !o.id.equals(exceptId)).ifPresent(o -> {
            throw ApiException.conflict("ORG_CODE_TAKEN", code.trim());
        });
    }

    private void requireFreeName(Long parentId, String name, Long exceptId) {
        if (orgs.activeSiblingNamed(parentId, name.trim(), exceptId))
            throw ApiException.conflict("ORG_NAME_TAKEN", name.trim());
    }

    private List<OrgView> withChildCounts(List<Org> list, boolean includeClosed) {
        Map<Long, Long> counts = orgs.childCounts(list.stream().map(o -> o.id).toList(), includeClosed);
        return list.stream().map(o -> view(o, counts.getOrDefault(o.id, 0L))).toList();
    }

    private static <T> T track(Map<String, Object> changes, String field, T before, T after) {
        if (!Objects.equals(before, after)) changes.put(field, after == null ? "" : after.toString());
        return after;
    }
}
