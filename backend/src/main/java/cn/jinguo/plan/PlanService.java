package cn.jinguo.plan;

import static cn.jinguo.common.Text.blankToNull;

import cn.jinguo.account.Caller;
import cn.jinguo.account.DataScope;
import cn.jinguo.account.Permission;
import cn.jinguo.audit.AuditLog;
import cn.jinguo.common.ApiException;
import cn.jinguo.common.Ids;
import cn.jinguo.common.Paging;
import cn.jinguo.common.Problem;
import cn.jinguo.common.RichText;
import cn.jinguo.common.Text;
import cn.jinguo.common.Versioned;
import cn.jinguo.notice.Notice;
import cn.jinguo.notice.NoticeService;
import cn.jinguo.notice.NoticeStatus;
import cn.jinguo.notice.Receipt;
import cn.jinguo.notification.Notifications;
import cn.jinguo.org.Org;
import cn.jinguo.org.OrgService;
import cn.jinguo.plan.PlanDtos.PlanInput;
import cn.jinguo.plan.PlanDtos.PlanItemInput;
import cn.jinguo.plan.PlanDtos.PlanPage;
import cn.jinguo.plan.PlanDtos.PlanSection;
import cn.jinguo.plan.PlanDtos.PlanView;
import cn.jinguo.plan.PlanDtos.ProgressInput;
import cn.jinguo.plan.PlanDtos.ReturnRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Activity plans from draft to filing (备案) and review: who may write, file and review each kind of plan, the
 * state machine, the receipt columns tracking counts, and what the other side is told.
 *
 * <p>A plan is visible to members of its org's subtree; once filed, to the subtree of the org it was filed with (so
 * a department sees the plans filed to its own notices, and nothing else); and a plan carried by a notice to the
 * notice's readers once it is published.
 */
@ApplicationScoped
public class PlanService {
    @Inject
    EntityManager em;

    @Inject
    DataScope scope;

    @Inject
    Caller caller;

    @Inject
    OrgService orgService;

    @Inject
    NoticeService notices;

    @Inject
    AuditLog audit;

    @Inject
    Notifications notifications;

    // ---- reads ----

    @Transactional
    public PlanView get(String id) {
        return PlanViews.view(visible(id), this);
    }

    @Transactional
    public PlanPage list(
            String orgId, String noticeId, PlanStatus status, PlanKind kind, String q, boolean filedTo, Paging paging) {
        // Three ways to see a plan; the three filters bind the same scope parameters with the same values.
        DataScope.Filter own = scope.filter("o.path");
        DataScope.Filter reviewing = scope.filter("ro.path");
        DataScope.Filter receiving = scope.filter("rc.path");
        StringBuilder where = new StringBuilder(" from activity_plan p join org o on o.id = p.org_id")
                .append(" left join org ro on ro.id = p.review_org_id")
                .append(" left join notice n on n.id = p.notice_id where (")
                .append(own.condition())
                .append(" or (p.review_org_id is not null and ")
                .append(reviewing.condition())
                .append(")")
                .append(" or (p.receipt_id is null and n.status <> 'DRAFT' and exists (select 1 from receipt r")
                .append(" join org rc on rc.id = r.org_id where r.notice_id = p.notice_id and ")
                .append(receiving.condition())
                .append(")))");
        Map<String, Object> params = new HashMap<>(own.params());
        if (filedTo) {
            if (scope.unrestricted()) {
                where.append(" and p.review_org_id is not null");
            } else {
                List<Long> mine = scope.memberOrgIds();
                where.append(" and p.review_org_id in (:mine)");
                params.put("mine", mine.isEmpty() ? List.of(-1L) : mine);
            }
        }
        if (orgId != null) {
            where.append(" and p.org_id = :org");
            params.put("org", idOrNone(orgId));
        }
        if (noticeId != null) {
            where.append(" and p.notice_id = :notice");
            params.put("notice", idOrNone(noticeId));
        }
        if (status != null) {
            where.append(" and p.status = :status");
            params.put("status", status.name());
        }
        if (kind != null)
            where.append(
                    switch (kind) {
                        case ANSWER -> " and p.receipt_id is not null";
                        case ISSUER -> " and p.notice_id is not null and p.receipt_id is null";
                        case STANDALONE -> " and p.notice_id is null";
                    });
        if (q != null && !q.isBlank()) {
            where.append(" and p.search_text like :q");
            params.put("q", Text.containsPattern(q));
        }
        var ids = em.createNativeQuery(
                "select p.id" + where + " order by p.updated_at desc, p.id desc limit :limit offset :offset",
                Long.class);
        var count = em.createNativeQuery("select count(*)" + where, Long.class);
        params.forEach((k, v) -> {
            ids.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<Long> page = ids.setParameter("limit", paging.size())
                .setParameter("offset", paging.offset())
                .getResultList();
        return new PlanPage(
                summaries(page), ((Number) count.getSingleResult()).longValue(), paging.page(), paging.size());
    }

    /** Summaries in the order of {@code ids}, with their item counts: two queries whatever the page size. */
    private List<PlanDtos.PlanSummary> summaries(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        Map<Long, ActivityPlan> byId = em.createQuery(
                        """
                        select p from ActivityPlan p join fetch p.org left join fetch p.reviewOrg
                        left join fetch p.notice n left join fetch n.issuer where p.id in :ids""",
                        ActivityPlan.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Map<Long, long[]> counts = new HashMap<>();
        em.createQuery(
                        "select i.plan.id, count(i), count(i.targetValue) from PlanItem i where i.plan.id in :ids"
                                + " group by i.plan.id",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> counts.put((Long) r[0], new long[] {(Long) r[1], (Long) r[2]}));
        return ids.stream()
                .map(byId::get)
                .map(p -> PlanViews.summary(p, counts.getOrDefault(p.id, new long[2])))
                .toList();
    }

    // ---- writing ----

    @Transactional
    public PlanView create(@NotNull @Valid PlanInput in) {
        if (in.orgId() == null) throw ApiException.field("orgId", "NotBlank");
        Org org = orgService.visible(in.orgId());
        requireWriter(org);
        if (!org.active) throw ApiException.rule("PLAN_ORG_CLOSED", org.name);
        checkInput(in, List.of());
        ActivityPlan p = new ActivityPlan();
        p.org = org;
        if (in.noticeId() != null) attachNotice(p, in.noticeId());
        p.createdBy = caller.username();
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        apply(p, in);
        em.persist(p);
        em.flush(); // a second plan for the receipt or notice fails here on the unique index (409)
        audit.record("plan.create", "plan", p.id, org.id, org.path, "起草活动方案“" + p.title + "”", details(p));
        return PlanViews.view(p, this);
    }

    @Transactional
    public PlanView update(String id, String ifMatch, @NotNull @Valid PlanInput in) {
        ActivityPlan p = writable(id);
        Versioned.requireMatch(ifMatch, p.version);
        requireEditable(p);
        if (in.orgId() != null && !in.orgId().equals(p.org.id.toString())) throw ApiException.rule("PLAN_ORG_FIXED");
        if (in.noticeId() != null && (p.notice == null || !in.noticeId().equals(p.notice.id.toString())))
            throw ApiException.rule("PLAN_NOTICE_FIXED");
        checkInput(in, p.items);
        apply(p, in);
        p.updatedAt = Instant.now();
        em.flush();
        audit.record("plan.update", "plan", p.id, p.org.id, p.org.path, "修改活动方案“" + p.title + "”", details(p));
        return PlanViews.view(p, this);
    }

    @Transactional
    public void delete(String id, String ifMatch) {
        ActivityPlan p = writable(id);
        Versioned.checkMatch(ifMatch, p.version);
        if (p.status != PlanStatus.DRAFT) throw ApiException.conflict("PLAN_STATE_DRAFT", p.title);
        audit.record("plan.delete", "plan", p.id, p.org.id, p.org.path, "删除活动方案草稿“" + p.title + "”", details(p));
        em.remove(p);
    }

    // ---- filing and review ----

    /** 备案: the plan goes to the org that reviews it, and the receipt of the notice it answers shows it filed. */
    @Transactional
    public PlanView file(String id, String ifMatch) {
        ActivityPlan p = writable(id);
        Versioned.checkMatch(ifMatch, p.version);
        if (p.kind() == PlanKind.ISSUER) throw ApiException.rule("PLAN_ISSUER_NOT_FILED");
        requireEditable(p);
        if (p.items.isEmpty()) throw ApiException.rule("PLAN_NO_ITEMS");
        if (p.kind() == PlanKind.ANSWER && p.notice.status != NoticeStatus.PUBLISHED)
            throw ApiException.conflict("NOTICE_NOT_PUBLISHED", p.notice.title);
        Org reviewer = reviewOrgOf(p);
        if (reviewer == null) throw ApiException.rule("PLAN_NO_PARENT", p.org.name);
        Instant now = Instant.now();
        boolean again = p.status == PlanStatus.RETURNED;
        p.status = PlanStatus.FILED;
        p.filedAt = now;
        p.filedBy = caller.username();
        p.reviewOrg = reviewer;
        p.reviewedAt = null;
        p.reviewedBy = null;
        p.returnReason = null;
        p.updatedAt = now;
        if (p.receipt != null) {
            p.receipt.planStatus = PlanStatus.FILED.name();
            if (p.receipt.planFiledAt == null) p.receipt.planFiledAt = now;
        }
        em.flush();
        // those who follow the notice up (reviewers, editors, admins), not its viewers
        notifications.planToOrg(
                reviewer.id,
                Permission.TRACKING_MANAGE,
                p.id,
                p.notice == null ? null : p.notice.id,
                "PLAN_FILED",
                (again ? "活动方案重新备案：" : "活动方案备案：") + p.title,
                p.org.name + (p.notice == null ? "报来本单位方案" : "就" + noticeName(p.notice) + "报来活动方案") + "，请确认备案");
        audit.record(
                "plan.file",
                "plan",
                p.id,
                p.org.id,
                p.org.path,
                (again ? "重新备案活动方案“" : "备案活动方案“") + p.title + "”，报 " + reviewer.name,
                Map.of("reviewOrgId", reviewer.id.toString()));
        return PlanViews.view(p, this);
    }

    @Transactional
    public PlanView acknowledge(String id, String ifMatch) {
        ActivityPlan p = reviewable(id);
        Versioned.checkMatch(ifMatch, p.version);
        if (p.status != PlanStatus.FILED) throw ApiException.conflict("PLAN_STATE_FILED", p.title);
        review(p, PlanStatus.ACKNOWLEDGED, null);
        notifications.planToOrg(
                p.org.id,
                Permission.PLAN_WRITE,
                p.id,
                p.notice == null ? null : p.notice.id,
                "PLAN_ACKNOWLEDGED",
                "活动方案已确认备案：" + p.title,
                p.reviewOrg.name + "已确认备案");
        audit.record(
                "plan.acknowledge",
                "plan",
                p.id,
                p.org.id,
                p.org.path,
                p.reviewOrg.name + " 确认备案活动方案“" + p.title + "”",
                null);
        return PlanViews.view(p, this);
    }

    @Transactional
    public PlanView returnPlan(String id, String ifMatch, @NotNull @Valid ReturnRequest in) {
        ActivityPlan p = reviewable(id);
        Versioned.checkMatch(ifMatch, p.version);
        if (p.status != PlanStatus.FILED) throw ApiException.conflict("PLAN_STATE_FILED", p.title);
        String reason = in.reason().trim();
        review(p, PlanStatus.RETURNED, reason);
        notifications.planToOrg(
                p.org.id,
                Permission.PLAN_WRITE,
                p.id,
                p.notice == null ? null : p.notice.id,
                "PLAN_RETURNED",
                "活动方案被退回：" + p.title,
                p.reviewOrg.name + "退回，原因：" + reason);
        audit.record(
                "plan.return",
                "plan",
                p.id,
                p.org.id,
                p.org.path,
                p.reviewOrg.name + " 退回活动方案“" + p.title + "”：" + reason,
                Map.of("reason", reason));
        return PlanViews.view(p, this);
    }

    private void review(ActivityPlan p, PlanStatus outcome, String reason) {
        Instant now = Instant.now();
        p.status = outcome;
        p.reviewedAt = now;
        p.reviewedBy = caller.username();
        p.returnReason = reason;
        p.updatedAt = now;
        if (p.receipt != null) p.receipt.planStatus = outcome.name();
        em.flush();
    }

    /** Progress towards an item's target, recorded by the plan's org once the plan is filed. */
    @Transactional
    public PlanView progress(String id, String itemId, String ifMatch, @NotNull @Valid ProgressInput in) {
        ActivityPlan p = writable(id);
        Versioned.requireMatch(ifMatch, p.version);
        Long key = Ids.parseOrNull(itemId);
        PlanItem item = p.items.stream()
                .filter(i -> i.id.equals(key))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("PLAN_ITEM_NOT_FOUND", itemId));
        if (p.status != PlanStatus.FILED && p.status != PlanStatus.ACKNOWLEDGED)
            throw ApiException.conflict("PLAN_STATE_PROGRESS", p.title);
        if (item.targetValue == null) throw ApiException.rule("PLAN_ITEM_NO_TARGET", item.title);
        var before = item.progressValue;
        Instant now = Instant.now();
        item.progressValue = in.value();
        item.progressNote = blankToNull(in.note());
        item.progressUpdatedAt = now;
        p.updatedAt = now; // a new version: the plan's ETag covers its items
        em.flush();
        Map<String, Object> details = new HashMap<>();
        details.put("itemId", item.id.toString());
        details.put("from", before == null ? null : before.toPlainString());
        details.put("to", in.value().toPlainString());
        audit.record(
                "plan.progress",
                "plan",
                p.id,
                p.org.id,
                p.org.path,
                "更新“" + item.title + "”进度：" + in.value().stripTrailingZeros().toPlainString() + " / "
                        + item.targetValue.stripTrailingZeros().toPlainString()
                        + (item.targetUnit == null ? "" : " " + item.targetUnit),
                details);
        return PlanViews.view(p, this);
    }

    // ---- rules ----

    /** Loads a plan the caller may read, 404 otherwise. */
    ActivityPlan visible(String id) {
        Long key = Ids.parseOrNull(id);
        ActivityPlan p = key == null ? null : em.find(ActivityPlan.class, key);
        if (p == null || !readable(p)) throw ApiException.notFound("PLAN_NOT_FOUND", id);
        return p;
    }

    private boolean readable(ActivityPlan p) {
        if (scope.covers(p.org.path)) return true;
        if (p.reviewOrg != null && scope.covers(p.reviewOrg.path)) return true;
        return p.kind() == PlanKind.ISSUER && notices.readable(p.notice);
    }

    private ActivityPlan writable(String id) {
        ActivityPlan p = visible(id);
        requireWriter(p.org);
        return p;
    }

    private ActivityPlan reviewable(String id) {
        ActivityPlan p = visible(id);
        if (!reviews(p)) throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.REPORT_REVIEW.key);
        return p;
    }

    private void requireWriter(Org org) {
        if (!scope.actsFor(org.id, Permission.PLAN_WRITE))
            throw ApiException.forbidden("PERMISSION_REQUIRED", Permission.PLAN_WRITE.key);
    }

    private static void requireEditable(ActivityPlan p) {
        if (p.status != PlanStatus.DRAFT && p.status != PlanStatus.RETURNED)
            throw ApiException.conflict("PLAN_STATE_EDITABLE", p.title);
    }

    /** A reviewer of the plan: REPORT_REVIEW as a member of the org it is (or would be) filed with. */
    private boolean reviews(ActivityPlan p) {
        Org reviewer = reviewOrgOf(p);
        return reviewer != null && scope.actsFor(reviewer.id, Permission.REPORT_REVIEW);
    }

    /**
     * The org a plan is filed with: the one it was filed with, else the notice's receiving department or its issuer
     * for a filing, the parent org for a standalone plan; none for a plan carried by its notice or of a root org.
     */
    Org reviewOrgOf(ActivityPlan p) {
        if (p.reviewOrg != null) return p.reviewOrg;
        return switch (p.kind()) {
            case ANSWER ->
                p.notice.receivingOrgId == null ? p.notice.issuer : em.find(Org.class, p.notice.receivingOrgId);
            case STANDALONE -> p.org.parentId == null ? null : em.find(Org.class, p.org.parentId);
            case ISSUER -> null;
        };
    }

    /** What the caller may do with the plan now, by the rules the operations check. */
    List<PlanAction> actions(ActivityPlan p) {
        List<PlanAction> out = new ArrayList<>(3);
        if (scope.actsFor(p.org.id, Permission.PLAN_WRITE)) {
            boolean fileable =
                    switch (p.kind()) {
                        case ANSWER -> p.notice.status == NoticeStatus.PUBLISHED;
                        case STANDALONE -> p.org.parentId != null;
                        case ISSUER -> false;
                    };
            switch (p.status) {
                case DRAFT -> {
                    out.add(PlanAction.UPDATE);
                    out.add(PlanAction.DELETE);
                    if (fileable) out.add(PlanAction.FILE);
                }
                case RETURNED -> {
                    out.add(PlanAction.UPDATE);
                    if (fileable) out.add(PlanAction.FILE);
                }
                case FILED, ACKNOWLEDGED -> {
                    if (p.items.stream().anyMatch(i -> i.targetValue != null)) out.add(PlanAction.PROGRESS);
                }
            }
        }
        if (p.status == PlanStatus.FILED && reviews(p)) {
            out.add(PlanAction.ACKNOWLEDGE);
            out.add(PlanAction.RETURN);
        }
        return out;
    }

    /**
     * Ties a new plan to its notice: a filing when the org received it (one per receipt), the issuer's own plan when
     * the org issued it (one per notice).
     */
    private void attachNotice(ActivityPlan p, String noticeId) {
        Long key = Ids.parseOrNull(noticeId);
        Notice n = key == null ? null : em.find(Notice.class, key);
        if (n == null) throw ApiException.notFound("NOTICE_NOT_FOUND", noticeId);
        Receipt r = em.createQuery("select r from Receipt r where r.notice.id = :n and r.org.id = :o", Receipt.class)
                .setParameter("n", n.id)
                .setParameter("o", p.org.id)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (r != null) {
            if (n.status != NoticeStatus.PUBLISHED) throw ApiException.conflict("NOTICE_NOT_PUBLISHED", n.title);
            Long existing = planOf("p.receipt.id = :k", r.id);
            if (existing != null) throw ApiException.conflict("PLAN_EXISTS_FOR_RECEIPT", existing);
            p.notice = n;
            p.receipt = r;
        } else if (n.issuer.id.equals(p.org.id)) {
            if (n.status == NoticeStatus.WITHDRAWN || n.status == NoticeStatus.CLOSED)
                throw ApiException.conflict("NOTICE_NOT_PUBLISHED", n.title);
            Long existing = planOf("p.notice.id = :k and p.receipt is null", n.id);
            if (existing != null) throw ApiException.conflict("PLAN_EXISTS_FOR_NOTICE", existing);
            p.notice = n;
        } else if (notices.readable(n)) {
            throw ApiException.rule("PLAN_NOTICE_UNRELATED", p.org.name);
        } else {
            throw ApiException.notFound("NOTICE_NOT_FOUND", noticeId);
        }
    }

    private Long planOf(String condition, long key) {
        return em.createQuery("select p.id from ActivityPlan p where " + condition, Long.class)
                .setParameter("k", key)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * What the annotations cannot say, each error on its field (400): dates in order, a unit only with a target,
     * item ids that belong to the plan, once each.
     */
    private static void checkInput(PlanInput in, List<PlanItem> existing) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.periodStart() != null && in.periodEnd() != null && in.periodEnd().isBefore(in.periodStart()))
            errors.add(fieldError("periodEnd", "DateOrder"));
        Set<Long> known = existing.stream().map(i -> i.id).collect(Collectors.toSet());
        Set<Long> seen = new HashSet<>();
        List<PlanItemInput> items = in.items() == null ? List.of() : in.items();
        for (int i = 0; i < items.size(); i++) {
            PlanItemInput item = items.get(i);
            String at = "items[" + i + "].";
            if (item.startsOn() != null
                    && item.endsOn() != null
                    && item.endsOn().isBefore(item.startsOn())) errors.add(fieldError(at + "endsOn", "DateOrder"));
            if (item.targetValue() == null && blankToNull(item.targetUnit()) != null)
                errors.add(fieldError(at + "targetValue", "TargetRequired"));
            if (item.id() != null) {
                Long id = Ids.parseOrNull(item.id());
                if (id == null || !known.contains(id) || !seen.add(id))
                    errors.add(fieldError(at + "id", "PlanItemUnknown"));
            }
        }
        if (!errors.isEmpty()) throw new ApiException(400, "VALIDATION_FAILED", errors);
    }

    private static Problem.FieldError fieldError(String field, String code) {
        return new Problem.FieldError(field, code, "validation." + code);
    }

    private static void apply(ActivityPlan p, PlanInput in) {
        p.title = in.title().trim();
        p.theme = blankToNull(in.theme());
        p.periodStart = in.periodStart();
        p.periodEnd = in.periodEnd();
        p.sections = in.sections() == null
                ? List.of()
                : in.sections().stream()
                        .map(s -> new PlanSection(blankToNull(s.heading()), RichText.sanitize(s.html())))
                        .toList();
        Map<Long, PlanItem> existing = p.items.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        List<PlanItem> next = new ArrayList<>();
        List<PlanItemInput> items = in.items() == null ? List.of() : in.items();
        for (int i = 0; i < items.size(); i++) {
            PlanItemInput src = items.get(i);
            PlanItem item = src.id() == null ? new PlanItem() : existing.get(Ids.parseOrNull(src.id()));
            item.plan = p;
            item.position = i;
            item.section = blankToNull(src.section());
            item.title = src.title().trim();
            item.description = blankToNull(src.description());
            item.startsOn = src.startsOn();
            item.endsOn = src.endsOn();
            item.location = blankToNull(src.location());
            item.organizer = blankToNull(src.organizer());
            item.partners = blankToNull(src.partners());
            item.audience = blankToNull(src.audience());
            item.expectedParticipants = src.expectedParticipants();
            item.targetValue = src.targetValue();
            item.targetUnit = src.targetValue() == null ? null : blankToNull(src.targetUnit());
            if (item.targetValue == null) {
                // progress means nothing without a target
                item.progressValue = null;
                item.progressNote = null;
                item.progressUpdatedAt = null;
            }
            next.add(item);
        }
        p.items.clear();
        p.items.addAll(next);
        p.searchText = PlanViews.searchText(p);
    }

    private static Map<String, Object> details(ActivityPlan p) {
        Map<String, Object> d = new HashMap<>();
        d.put("kind", p.kind().name());
        d.put("items", p.items.size());
        if (p.notice != null) d.put("noticeId", p.notice.id.toString());
        return d;
    }

    private static String noticeName(Notice n) {
        return n.docNumber != null ? n.docNumber : "《" + n.title + "》";
    }

    private static long idOrNone(String id) {
        Long key = Ids.parseOrNull(id);
        return key == null ? -1L : key;
    }
}
