package cn.jinguo.audit;

import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reading the audit trail: events of orgs in the caller's scope, for those who hold audit:read there. */
@ApplicationScoped
public class AuditService {
    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    @Schema(name = "AuditEventView", description = "审计事件 / an audit event")
    public record AuditEventView(
            @Schema(required = true, example = "981") String id,
            @Schema(required = true) Instant at,
            @Schema(required = true, example = "district_admin") String actor,
            @Schema(example = "118") String orgId,
            @Schema(required = true, example = "org.move") String action,
            @Schema(required = true, example = "org") String targetType,
            @Schema(example = "4211") String targetId,
            @Schema(required = true, example = "移动组织“新华路社区妇联”（含 0 个下级）到“七星岗街道妇联”下") String summary) {}

    @Schema(name = "AuditPage")
    public record AuditPage(
            @Schema(required = true) List<AuditEventView> items,
            @Schema(required = true) long total,
            @Schema(required = true) int page,
            @Schema(required = true) int size) {}

    @Transactional
    public AuditPage list(String orgId, String targetType, String targetId, String action, Paging paging) {
        // Only where the caller holds audit:read (an org admin), not merely where it can see.
        DataScope.Filter filter = scope.requireSomewhere(Permission.AUDIT_READ).filter("e.orgPath");
        StringBuilder where = new StringBuilder(" from AuditEvent e where ").append(filter.condition());
        Map<String, Object> params = new HashMap<>(filter.params());
        if (orgId != null) {
            Long id = Ids.parseOrNull(orgId);
            String path = id == null
                    ? null
                    : em.createQuery("select o.path from Org o where o.id = :id", String.class)
                            .setParameter("id", id)
                            .getResultStream()
                            .findFirst()
                            .orElse(null);
            scope.requireVisible(path, "ORG_NOT_FOUND", orgId);
            where.append(" and e.orgPath like :orgPath");
            params.put("orgPath", path + "%");
        }
        if (targetType != null) {
            where.append(" and e.targetType = :tt");
            params.put("tt", targetType);
        }
        if (targetId != null) {
            where.append(" and e.targetId = :tid");
            params.put("tid", targetId);
        }
        if (action != null) {
            where.append(" and e.action = :action");
            params.put("action", action);
        }
        TypedQuery<AuditEvent> q =
                em.createQuery("select e" + where + " order by e.at desc, e.id desc", AuditEvent.class);
        TypedQuery<Long> c = em.createQuery("select count(e)" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            c.setParameter(k, v);
        });
        List<AuditEventView> items =
                q.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList().stream()
                        .map(e -> new AuditEventView(
                                e.id.toString(),
                                e.at,
                                e.actor,
                                e.orgId == null ? null : e.orgId.toString(),
                                e.action,
                                e.targetType,
                                e.targetId,
                                e.summary))
                        .toList();
        return new AuditPage(items, c.getSingleResult(), paging.page(), paging.size());
    }
}
