package cn.jinguo.notice;

import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.notice.NoticeDtos.RecipientGroup;
import cn.jinguo.notice.NoticeDtos.RecipientOrg;
import cn.jinguo.notice.NoticeDtos.RecipientPreview;
import cn.jinguo.notice.NoticeDtos.RecipientRule;
import cn.jinguo.org.FederationLevel;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgRepository;
import cn.jinguo.org.OrgType;
import cn.jinguo.org.SubtreeMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a recipient rule into orgs, always in SQL over the org table (one statement, whatever the count): for a
 * preview, and at publish to insert the receipts. Recipients are open orgs in the issuer's sending range, never
 * the issuer itself (nor the federation a department sends for).
 */
@ApplicationScoped
public class Recipients {
    private static final int SAMPLE = 50;

    @Inject
    EntityManager em;

    @Inject
    OrgRepository orgs;

    /** A condition on {@code o} (the org table) and its parameters. */
    record Selection(String where, Map<String, Object> params) {
        Query bind(Query q) {
            params.forEach(q::setParameter);
            return q;
        }
    }

    /**
     * Where an issuer may send: below itself; a department (内设部室) sends in its federation's name, to the
     * federation's range.
     */
    public Org sendingRoot(Org issuer) {
        if (issuer.type == OrgType.DEPARTMENT && issuer.parentId != null) return orgs.findById(issuer.parentId);
        return issuer;
    }

    Selection select(Org issuer, RecipientRule rule) {
        Org root = sendingRoot(issuer);
        Map<String, Object> params = new HashMap<>();
        params.put("root", root.path + "%");
        params.put("issuer", issuer.id);
        params.put("rootId", root.id);
        List<String> ors = new ArrayList<>();
        List<RecipientGroup> groups = rule.groupsOrEmpty();
        Map<Long, Org> within = loadInRange(
                root,
                groups.stream()
                        .map(RecipientGroup::withinOrgId)
                        .filter(id -> id != null)
                        .toList());
        for (int i = 0; i < groups.size(); i++) {
            RecipientGroup g = groups.get(i);
            List<String> and = new ArrayList<>();
            and.add("1 = 1");
            if (g.type() != null) {
                and.add("o.type = :t" + i);
                params.put("t" + i, g.type().name());
            }
            if (g.level() != null) {
                and.add("o.level = :l" + i);
                params.put("l" + i, g.level().name());
            }
            Org base = g.withinOrgId() == null ? root : within.get(Ids.parse(g.withinOrgId()));
            if (g.directChildrenOnly()) {
                and.add("o.parent_id = :p" + i);
                params.put("p" + i, base.id);
            } else if (base != root) {
                and.add("o.path like :w" + i);
                params.put("w" + i, base.path + "%");
            }
            ors.add("(" + String.join(" and ", and) + ")");
        }
        Set<Long> explicit = loadInRange(root, rule.orgIdsOrEmpty()).keySet();
        if (!explicit.isEmpty()) {
            ors.add("o.id in (:explicit)");
            params.put("explicit", explicit);
        }
        // Neither the issuer nor, for a department, its own federation receives the notice.
        String where = "o.active and o.path like :root and o.id <> :issuer and o.id <> :rootId and "
                + (ors.isEmpty() ? "1 = 0" : "(" + String.join(" or ", ors) + ")");
        Set<Long> excluded = new HashSet<>();
        for (String id : rule.excludedOrEmpty()) {
            Long key = Ids.parseOrNull(id);
            if (key != null) excluded.add(key); // excluding an unknown org excludes nothing
        }
        if (!excluded.isEmpty()) {
            where += " and o.id not in (:excluded)";
            params.put("excluded", excluded);
        }
        return new Selection(where, params);
    }

    public RecipientPreview preview(Org issuer, RecipientRule rule) {
        Selection s = select(issuer, rule);
        @SuppressWarnings("unchecked")
        List<Object[]> counts = s.bind(em.createNativeQuery(
                        "select o.type, o.level, count(*) from org o where " + s.where() + " group by o.type, o.level"))
                .getResultList();
        Map<OrgType, Long> byType = new EnumMap<>(OrgType.class);
        Map<FederationLevel, Long> byLevel = new EnumMap<>(FederationLevel.class);
        long total = 0;
        for (Object[] r : counts) {
            long n = ((Number) r[2]).longValue();
            total += n;
            byType.merge(OrgType.valueOf((String) r[0]), n, Long::sum);
            if (r[1] != null) byLevel.merge(FederationLevel.valueOf((String) r[1]), n, Long::sum);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> sample = s.bind(
                        em.createNativeQuery("select o.id, o.code, o.name, o.type, o.level from org o where "
                                + s.where() + " order by o.depth, o.path, o.sort_order limit " + SAMPLE))
                .getResultList();
        return new RecipientPreview(
                total,
                byType,
                byLevel,
                sample.stream()
                        .map(r -> new RecipientOrg(
                                r[0].toString(),
                                (String) r[1],
                                (String) r[2],
                                OrgType.valueOf((String) r[3]),
                                r[4] == null ? null : FederationLevel.valueOf((String) r[4])))
                        .toList());
    }

    /** Freezes the rule into receipts, one insert for all of them; returns how many. */
    int deliver(Notice notice, Instant at) {
        Selection s = select(notice.issuer, notice.recipientRule);
        Query insert = em.createNativeQuery("insert into receipt (notice_id, org_id, org_path, delivered_at, deadline)"
                + " select :notice, o.id, o.path, :at, :deadline"
                + " from org o where " + s.where());
        insert.setParameter("notice", notice.id).setParameter("at", at).setParameter("deadline", notice.deadline);
        return s.bind(insert).executeUpdate();
    }

    /** A receipt's org path follows its org when a subtree moves. */
    void rebase(@Observes SubtreeMoved moved) {
        moved.rebase(em, "receipt", "org_path");
    }

    /** Orgs named by id, all of which must be open and in the sending range (422 naming those that are not). */
    private Map<Long, Org> loadInRange(Org root, List<String> ids) {
        Map<Long, Org> found = new HashMap<>();
        if (ids.isEmpty()) return found;
        Set<Long> keys = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String id : ids) {
            Long key = Ids.parseOrNull(id);
            if (key == null) bad.add(id);
            else keys.add(key);
        }
        if (!keys.isEmpty()) {
            for (Org o : orgs.list("id in ?1", keys)) {
                if (o.active && o.path.startsWith(root.path)) found.put(o.id, o);
            }
        }
        keys.stream().filter(k -> !found.containsKey(k)).forEach(k -> bad.add(k.toString()));
        if (!bad.isEmpty()) {
            throw ApiException.rule(
                    "NOTICE_RECIPIENT_OUT_OF_RANGE", String.join("、", bad.subList(0, Math.min(bad.size(), 10))));
        }
        return found;
    }
}
