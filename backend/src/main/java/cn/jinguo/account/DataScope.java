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

    private List<String> roots;

    /** A JPQL/SQL condition on a path column and the parameters it binds. */
    public record Filter(String condition, Map<String, Object> params) {}

    public boolean unrestricted() {
        return caller.platformAdmin();
    }

    /** The topmost paths the caller sees (nested memberships collapse into their ancestor). */
    public List<String> roots() {
        if (roots == null) {
            List<String> paths = caller.grants().stream()
                    .map(Caller.Grant::orgPath)
                    .distinct()
                    .sorted(Comparator.comparingInt(String::length))
                    .toList();
            List<String> tops = new ArrayList<>();
            for (String p : paths) {
                if (tops.stream().noneMatch(p::startsWith)) tops.add(p);
            }
            roots = List.copyOf(tops);
        }
        return roots;
    }

    public boolean covers(String path) {
        return unrestricted() || roots().stream().anyMatch(path::startsWith);
    }

    /** 404 unless the path is visible to the caller. */
    public void requireVisible(String path, String notFoundCode, Object id) {
        if (path == null || !covers(path)) throw ApiException.notFound(notFoundCode, id);
    }

    public Set<Role> rolesAt(String path) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Caller.Grant g : caller.grants()) {
            if (path.startsWith(g.orgPath())) roles.add(g.role());
        }
        return roles;
    }

    public boolean can(Permission permission, String path) {
        if (unrestricted()) return true;
        return rolesAt(path).stream().anyMatch(r -> r.permissions().contains(permission));
    }

    /** 403 unless a role held at or above {@code path} grants the permission. */
    public void require(Permission permission, String path) {
        if (!can(permission, path)) throw ApiException.forbidden("PERMISSION_REQUIRED", permission.key);
    }

    /** Tops of the subtrees where the caller holds audit:read. */
    public List<String> auditRoots() {
        return caller.grants().stream()
                .filter(g -> g.role().permissions().contains(Permission.AUDIT_READ))
                .map(Caller.Grant::orgPath)
                .distinct()
                .toList();
    }

    /** Every permission the caller holds somewhere. */
    public Set<Permission> permissions() {
        if (unrestricted()) return EnumSet.allOf(Permission.class);
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        caller.grants().forEach(g -> all.addAll(g.role().permissions()));
        return all;
    }

    /** Condition restricting {@code pathColumn} to the caller's subtrees ("true" for platform admins). */
    public Filter filter(String pathColumn) {
        if (unrestricted()) return new Filter("1 = 1", Map.of());
        if (roots().isEmpty()) return new Filter("1 = 0", Map.of());
        Map<String, Object> params = new HashMap<>();
        List<String> ors = new ArrayList<>();
        for (int i = 0; i < roots().size(); i++) {
            ors.add(pathColumn + " like :scope" + i);
            params.put("scope" + i, roots().get(i) + "%");
        }
        return new Filter("(" + String.join(" or ", ors) + ")", params);
    }
}
