package cn.jinguo.docimport;

import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names printed in a document matched to orgs, only ever among those the caller may address: its own orgs for the
 * issuer, the issuer's subtree (else the caller's notice:write reach) for recipients. Read-only.
 */
@ApplicationScoped
class ImportOrgs {
    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    /** The org the caller acts for with {@code permission} whose name is {@code printed}, or null. */
    @Transactional
    Org issuer(String printed, Permission permission) {
        if (printed == null) return null;
        Set<String> names = variants(printed);
        if (scope.unrestricted()) {
            List<Org> found = byName(names, "1 = 1", Map.of(), 2);
            return found.size() == 1 ? found.get(0) : null;
        }
        List<Long> ids = scope.memberOrgIds(permission);
        if (ids.isEmpty()) return null;
        return em.createQuery("select o from Org o where o.id in :ids and o.active = true", Org.class)
                .setParameter("ids", ids)
                .getResultStream()
                .filter(o -> names.contains(o.name) || names.contains(o.shortName))
                .findFirst()
                .orElse(null);
    }

    /** The only one of the caller's own orgs with {@code permission}, or null when it has none or several. */
    @Transactional
    Long onlyOrg(Permission permission) {
        List<Long> ids = scope.memberOrgIds(permission);
        return ids.size() == 1 ? ids.get(0) : null;
    }

    /** Orgs named {@code printed} (each a name from 主送) below {@code issuer}, or in the caller's reach. */
    @Transactional
    Map<String, List<Org>> recipients(Collection<String> printed, Org issuer) {
        Map<String, List<Org>> out = new HashMap<>();
        if (printed.isEmpty()) return out;
        Set<String> names = new LinkedHashSet<>();
        printed.forEach(p -> names.addAll(variants(p)));
        DataScope.Filter filter = issuer != null
                ? new DataScope.Filter(
                        "o.path like :below and o.id <> :issuer",
                        Map.of("below", issuer.path + "%", "issuer", issuer.id))
                : scope.reach(Permission.NOTICE_WRITE).filter("o.path");
        List<Org> found = byName(names, filter.condition(), filter.params(), 500);
        for (String p : printed) {
            Set<String> wanted = variants(p);
            out.put(
                    p,
                    found.stream()
                            .filter(o -> wanted.contains(o.name) || wanted.contains(o.shortName))
                            .toList());
        }
        return out;
    }

    /** 收文部门: the issuer's own department the printed name (市妇联宣传部) ends in, or null. */
    @Transactional
    Org department(Org issuer, String printed) {
        if (issuer == null || printed == null) return null;
        return em.createQuery(
                        "select o from Org o where o.parentId = :issuer and o.type = :type and o.active = true",
                        Org.class)
                .setParameter("issuer", issuer.id)
                .setParameter("type", OrgType.DEPARTMENT)
                .getResultStream()
                .filter(o -> printed.equals(o.shortName) || printed.endsWith(o.name))
                .findFirst()
                .orElse(null);
    }

    private List<Org> byName(Set<String> names, String condition, Map<String, Object> params, int max) {
        var q = em.createQuery(
                "select o from Org o where o.active = true and (o.name in :names or o.shortName in :names) and "
                        + condition + " order by o.depth, o.id",
                Org.class);
        params.forEach(q::setParameter);
        return q.setParameter("names", names).setMaxResults(max).getResultList();
    }

    /** A name as printed and with 妇联 ⇄ 妇女联合会, the short and full forms orgs are registered under. */
    private static Set<String> variants(String name) {
        Set<String> out = new LinkedHashSet<>();
        out.add(name);
        if (name.endsWith("妇联")) out.add(name.substring(0, name.length() - 2) + "妇女联合会");
        if (name.endsWith("妇女联合会")) out.add(name.substring(0, name.length() - 5) + "妇联");
        return out;
    }
}
