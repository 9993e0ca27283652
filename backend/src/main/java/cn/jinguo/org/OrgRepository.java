package cn.jinguo.org;

import cn.jinguo.account.DataScope;
import cn.jinguo.common.Paging;
import cn.jinguo.common.Text;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tree queries. Each list is one query plus one count; child counts for a page come in one grouped query. */
@ApplicationScoped
public class OrgRepository implements PanacheRepository<Org> {

    public Optional<Org> byCode(String code) {
        return find("lower(code) = lower(?1)", code).firstResultOptional();
    }

    public List<Org> byCodes(Collection<String> lowerCodes) {
        return lowerCodes.isEmpty() ? List.of() : list("lower(code) in ?1", lowerCodes);
    }

    public boolean activeSiblingNamed(Long parentId, String name, Long exceptId) {
        String parent = parentId == null ? "parentId is null" : "parentId = :parent";
        var q = getEntityManager()
                .createQuery(
                        "select count(o) from Org o where " + parent
                                + " and name = :name and active = true and id <> :except",
                        Long.class)
                .setParameter("name", name)
                .setParameter("except", exceptId == null ? -1L : exceptId);
        if (parentId != null) q.setParameter("parent", parentId);
        return q.getSingleResult() > 0;
    }

    public List<Org> roots(List<String> rootPaths, boolean unrestricted) {
        if (unrestricted) return list("parentId is null order by sortOrder, name");
        return list("path in ?1 order by depth, sortOrder, name", rootPaths);
    }

    public List<Org> children(long parentId, boolean includeClosed, Paging paging) {
        return find(
                        "parentId = ?1" + (includeClosed ? "" : " and active = true") + " order by sortOrder, name, id",
                        parentId)
                .page(paging.page(), paging.size())
                .list();
    }

    public long countChildren(long parentId, boolean includeClosed) {
        return count("parentId = ?1" + (includeClosed ? "" : " and active = true"), parentId);
    }

    /** Number of children of each given org, in one query. */
    public Map<Long, Long> childCounts(Collection<Long> ids, boolean includeClosed) {
        Map<Long, Long> counts = new HashMap<>();
        if (ids.isEmpty()) return counts;
        getEntityManager()
                .createQuery(
                        "select o.parentId, count(o) from Org o where o.parentId in :ids"
                                + (includeClosed ? "" : " and o.active = true") + " group by o.parentId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    public record SearchCriteria(
            String q, OrgType type, FederationLevel level, Boolean active, Long parentId, List<Long> ids) {}

    public List<Org> search(DataScope.Filter scope, SearchCriteria c, Paging paging) {
        TypedQuery<Org> q =
                searchQuery(scope, c, "select o from Org o", " order by o.depth, o.sortOrder, o.name, o.id", Org.class);
        return q.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
    }

    public long countSearch(DataScope.Filter scope, SearchCriteria c) {
        return searchQuery(scope, c, "select count(o) from Org o", "", Long.class)
                .getSingleResult();
    }

    private <T> TypedQuery<T> searchQuery(
            DataScope.Filter scope, SearchCriteria c, String select, String order, Class<T> type) {
        StringBuilder where = new StringBuilder(" where ").append(scope.condition());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (c.q() != null && !c.q().isBlank()) {
            where.append(" and o.searchText like :q");
            params.put("q", Text.containsPattern(c.q()));
        }
        if (c.type() != null) {
            where.append(" and o.type = :type");
            params.put("type", c.type());
        }
        if (c.level() != null) {
            where.append(" and o.level = :level");
            params.put("level", c.level());
        }
        if (c.active() != null) {
            where.append(" and o.active = :active");
            params.put("active", c.active());
        }
        if (c.parentId() != null) {
            where.append(" and o.parentId = :parentId");
            params.put("parentId", c.parentId());
        }
        if (c.ids() != null && !c.ids().isEmpty()) {
            where.append(" and o.id in :ids");
            params.put("ids", c.ids());
        }
        TypedQuery<T> q = getEntityManager().createQuery(select + where + order, type);
        params.forEach(q::setParameter);
        return q;
    }

    /** Orgs on the path above {@code org}, top first, restricted to the caller's scope. */
    public List<Org> ancestors(Org org, DataScope.Filter scope) {
        List<Long> ids = new ArrayList<>();
        for (String part : org.path.split("/")) {
            if (!part.isEmpty() && !part.equals(org.id.toString())) ids.add(Long.parseLong(part));
        }
        if (ids.isEmpty()) return List.of();
        TypedQuery<Org> q = getEntityManager()
                .createQuery(
                        "select o from Org o where o.id in :ids and " + scope.condition() + " order by o.depth",
                        Org.class);
        q.setParameter("ids", ids);
        scope.params().forEach(q::setParameter);
        return q.getResultList();
    }

    public record Counts(
            long descendants, long active, Map<OrgType, Long> byType, Map<FederationLevel, Long> byLevel) {}

    public Counts counts(Org org) {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        """
                        select o.type, o.level, o.active, count(o) from Org o
                        where o.path like :prefix and o.id <> :id group by o.type, o.level, o.active""",
                        Object[].class)
                .setParameter("prefix", org.path + "%")
                .setParameter("id", org.id)
                .getResultList();
        long total = 0, active = 0;
        Map<OrgType, Long> byType = new EnumMap<>(OrgType.class);
        Map<FederationLevel, Long> byLevel = new EnumMap<>(FederationLevel.class);
        for (Object[] r : rows) {
            long n = (Long) r[3];
            total += n;
            if ((Boolean) r[2]) {
                active += n;
                byType.merge((OrgType) r[0], n, Long::sum);
                if (r[1] != null) byLevel.merge((FederationLevel) r[1], n, Long::sum);
            }
        }
        return new Counts(total, active, byType, byLevel);
    }

    /** {@link #nextSortOrder} for many parents in one query; parents without children map to 0. */
    public Map<Long, Integer> nextSortOrders(Collection<Long> parentIds) {
        Map<Long, Integer> next = new HashMap<>();
        if (parentIds.isEmpty()) return next;
        getEntityManager()
                .createQuery(
                        "select o.parentId, max(o.sortOrder) from Org o where o.parentId in :p group by o.parentId",
                        Object[].class)
                .setParameter("p", new HashSet<>(parentIds))
                .getResultList()
                .forEach(r -> next.put((Long) r[0], (Integer) r[1] + 1));
        return next;
    }

    public int nextSortOrder(Long parentId) {
        var q = getEntityManager()
                .createQuery(
                        "select max(o.sortOrder) from Org o where "
                                + (parentId == null ? "o.parentId is null" : "o.parentId = :p"),
                        Integer.class);
        if (parentId != null) q.setParameter("p", parentId);
        Integer max = q.getSingleResult();
        return max == null ? 0 : max + 1;
    }

    /** Re-roots the subtree at {@code oldPrefix} under {@code newPrefix} in one statement. */
    public int rewritePaths(String oldPrefix, String newPrefix, int depthDelta) {
        return getEntityManager()
                .createNativeQuery(
                        """
                        update org set path = :newPrefix || substring(path from :cut), depth = depth + :delta,
                               updated_at = now()
                        where path like :like""")
                .setParameter("newPrefix", newPrefix)
                .setParameter("cut", oldPrefix.length() + 1)
                .setParameter("delta", depthDelta)
                .setParameter("like", oldPrefix + "%")
                .executeUpdate();
    }

    /** Serializes structural changes: moves take it exclusively, creates share it. */
    public void lockTree(boolean exclusive) {
        getEntityManager()
                .createNativeQuery(
                        exclusive
                                ? "select pg_advisory_xact_lock(7310001)"
                                : "select pg_advisory_xact_lock_shared(7310001)")
                .getSingleResult();
    }

    public FederationLevel shallowestChildFederation(long id) {
        return getEntityManager()
                .createQuery(
                        "select distinct o.level from Org o where o.parentId = :id and o.type = :fed",
                        FederationLevel.class)
                .setParameter("id", id)
                .setParameter("fed", OrgType.FEDERATION)
                .getResultStream()
                .min(Enum::compareTo)
                .orElse(null);
    }

    public boolean hasChildOfType(long id, OrgType type) {
        return count("parentId = ?1 and type = ?2", id, type) > 0;
    }
}
