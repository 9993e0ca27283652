package cn.jinguo.audit;

import cn.jinguo.account.Caller;
import cn.jinguo.org.SubtreeMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** Records audit events in the caller's transaction, so an event exists exactly when its change committed. */
@ApplicationScoped
public class AuditLog {
    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String action,
            String targetType,
            Object targetId,
            Long orgId,
            String orgPath,
            String summary,
            Map<String, Object> details) {
        record(caller.username(), action, targetType, targetId, orgId, orgPath, summary, details);
    }

    /** For work that runs outside a request (background jobs) on behalf of {@code actor}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String actor,
            String action,
            String targetType,
            Object targetId,
            Long orgId,
            String orgPath,
            String summary,
            Map<String, Object> details) {
        AuditEvent e = new AuditEvent();
        e.at = Instant.now();
        e.actor = actor;
        e.orgId = orgId;
        e.orgPath = orgPath;
        e.action = action;
        e.targetType = targetType;
        e.targetId = targetId == null ? null : targetId.toString();
        e.summary = summary.length() > 500 ? summary.substring(0, 497) + "…" : summary;
        e.details = details;
        em.persist(e);
    }

    /**
     * After a subtree moved, its history follows it: events are scoped by the path the org has now, so the new
     * ancestors' administrators read the moved orgs' past and the old ones no longer do.
     */
    void rebase(@Observes SubtreeMoved moved) {
        moved.rebase(em, "audit_event", "org_path");
    }
}
