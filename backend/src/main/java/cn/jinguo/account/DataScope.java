package cn.jinguo.account;

import cn.jinguo.common.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides what the caller may see and do. A member sees its org and everything below;
 * what lies outside is reported as not found (404) so that its existence does not leak, while a visible
 * target the caller's role does not allow is 403. Every query that lists or loads scoped data takes its
 * filter from {@link #filter(String)}.
 */
@RequestScoped
public class DataScope {
    @Inject
    Caller caller;

    private Reach visible;

    /** A JPQL/SQL condition on a path column and the parameters it binds. */
    public record Filter(String condition, Map<String, Object> params) {}

    public boolean unrestricted() {
        return caller.platformAdmin();
    }

    /**
     * Where a permission holds: everywhere (platform admins) or in the subtrees below {@code paths}. A plain value,
     * so background work can carry the caller's reach after the request has ended.
     */
    public record Reach(boolean everywhere, List<String> paths) {
        public boolean isEmpty() {
            return !everywhere && paths.isEmpty();
        }

        public boolean covers(String path) {
            return path != null && (everywhere || paths.stream().anyMatch(path::startsWith));
        }

        /** Condition restricting {@code pathColumn} to this reach ("1 = 1" everywhere). */
        public Filter filter(String pathColumn) {
            if (everywhere) return new Filter("1 = 1", Map.of());
            if (paths.isEmpty()) return new Filter("1 = 0", Map.of());
            Map<String, Object> params = new HashMap<>();
            List<String> ors = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                String name = "scope" + i;
                ors.add(pathColumn + " like :" + name);
                params.put(name, paths.get(i) + "%");
            }
            return new Filter("(" + String.join(" or ", ors) + ")", params);
        }
    }

    /** Where the caller holds {@code permission}; nested grants collapse into their ancestor. */
    public Reach reach(Permission permission) {
        if (unrestricted()) return new Reach(true, List.of());
        List<String> paths = caller.grants().stream()
                .filter(g -> g.permissions().contains(permission))
                .map(Caller.Grant::orgPath)
                .distinct()
                .sorted(Comparator.comparingInt(String::length))
                .toList();
        List<String> tops = new ArrayList<>();
        for (String p : paths) {
            if (tops.stream().noneMatch(p::startsWith)) tops.add(p);
        }
        return new Reach(false, List.copyOf(tops));
    }

    /** The topmost paths the caller sees (every role may read the tree below its org). */
    public List<String> roots() {
        if (visible == null) visible = reach(Permission.ORG_READ);
        return visible.paths();
    }

    public boolean covers(String path) {
        roots();
        return visible.covers(path);
    }

    /** 404 unless the path is visible to the caller. */
    public void requireVisible(String path, String notFoundCode, Object id) {
        if (path == null || !covers(path)) throw ApiException.notFound(notFoundCode, id);
    }

    public boolean can(Permission permission, String path) {
        return unrestricted()
                || caller.grants().stream()
                        .anyMatch(g ->
                                path.startsWith(g.orgPath()) && g.permissions().contains(permission));
    }

    /** 403 unless the caller holds the permission somewhere; returns where it holds. */
    public Reach requireSomewhere(Permission permission) {
        Reach reach = reach(permission);
        if (reach.isEmpty()) throw ApiException.forbidden("PERMISSION_REQUIRED", permission.key);
        return reach;
    }

    /** 403 unless a role held at or above {@code path} grants the permission. */
    public void require(Permission permission, String path) {
        if (!can(permission, path)) throw ApiException.forbidden("PERMISSION_REQUIRED", permission.key);
    }

    /** Every permission the caller holds somewhere. */
    public Set<Permission> permissions() {
        if (unrestricted()) return EnumSet.allOf(Permission.class);
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        caller.grants().forEach(g -> all.addAll(g.permissions()));
        return all;
    }

    /** Condition restricting {@code pathColumn} to the caller's subtrees ("1 = 1" for platform admins). */
    public Filter filter(String pathColumn) {
        roots();
        return visible.filter(pathColumn);
    }

    /**
     * Whether the caller acts as a member of the org itself (a grant at exactly that org with the permission), as
     * issuing or signing in an org's name needs; platform admins may always. A role above the org is not enough:
     * a city editor does not sign for a district.
     */
    public boolean actsFor(long orgId, Permission permission) {
        return unrestricted()
                || caller.grants().stream()
                        .anyMatch(g -> g.orgId() == orgId && g.permissions().contains(permission));
    }

    /** The orgs where the caller itself holds a role granting {@code permission}. */
    public List<Long> memberOrgIds(Permission permission) {
        return caller.grants().stream()
                .filter(g -> g.permissions().contains(permission))
                .map(Caller.Grant::orgId)
                .distinct()
                .toList();
    }

    /** The orgs where the caller holds a membership itself, in the order of its grants. */
    public List<Long> memberOrgIds() {
        return caller.grants().stream().map(Caller.Grant::orgId).distinct().toList();
    }
}
