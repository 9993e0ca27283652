package cn.jinguo.demo;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.plan.PlanDtos.PlanInput;
import cn.jinguo.plan.PlanDtos.PlanView;
import cn.jinguo.plan.PlanDtos.ProgressInput;
import cn.jinguo.plan.PlanDtos.ReturnRequest;
import cn.jinguo.plan.PlanService;
import cn.jinguo.plan.PlanStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The demo activity plans ({@value #RESOURCE}): sample 002 as 渝中区妇联's annual work plan with its targets and
 * progress, the Bijie sample's plan carried by its demo notice, and plans filed in answer to that notice, one awaiting
 * review and one acknowledged.
 *
 * <p>As {@link DemoNotices} does, everything goes through the real service as the demo accounts named in the
 * resource (create, file, acknowledge, progress: rules checked, receipts moved, notifications and audit written);
 * then the filing and review times are moved back in SQL to the dates the resource gives, and the notifications
 * marked mailed then. Dates written {@code today±N} are days from the load date (Asia/Shanghai).
 *
 * <p>Idempotent: nothing happens when a plan with a demo title exists, or when the orgs, accounts or demo notices it
 * needs are missing; one transaction, under an advisory lock.
 */
@ApplicationScoped
public class DemoPlans {
    private static final Logger LOG = Logger.getLogger(DemoPlans.class);
    static final String RESOURCE = "demo/plans.json";
    /** Advisory lock key ("jinguo demo plans"); DemoNotices uses 7283401556. */
    private static final long LOCK_KEY = 7283401557L;

    private static final Pattern RELATIVE = Pattern.compile("^today([+-]\\d{1,4})?$");
    private static final LocalTime FILED_AT = LocalTime.of(10, 0);
    private static final LocalTime REVIEWED_AT = LocalTime.of(16, 0);

    /** The resource. */
    public record Catalog(String about, List<Sample> plans) {}

    /**
     * One plan: its org (code) and the account that writes it, the demo notice (key in {@link DemoNotices#RESOURCE})
     * it answers or is carried by, when it was filed and reviewed, progress by item index, and the plan itself.
     */
    public record Sample(
            String key,
            String sample,
            String placement,
            String org,
            String actAs,
            String notice,
            LocalDate filedOn,
            Review review,
            List<Progress> progress,
            PlanInput plan) {}

    public record Review(String actAs, PlanStatus outcome, LocalDate on, String reason) {}

    public record Progress(int item, BigDecimal value, String note) {}

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    PlanService plans;

    @Inject
    DemoNotices demoNotices;

    @Inject
    Vertx vertx;

    /** The resource with its {@code today±N} dates resolved against {@code today}. */
    public static Catalog catalog(ObjectMapper json, LocalDate today) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing");
            JsonNode tree = json.readTree(in);
            resolveDates(tree, today);
            return json.treeToValue(tree, Catalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void resolveDates(JsonNode node, LocalDate today) {
        if (node instanceof ObjectNode o) {
            for (var it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue() instanceof TextNode t
                        && RELATIVE.matcher(t.textValue()).matches())
                    e.setValue(new TextNode(relative(t.textValue(), today).toString()));
                else resolveDates(e.getValue(), today);
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(child -> resolveDates(child, today));
        }
    }

    private static LocalDate relative(String text, LocalDate today) {
        Matcher m = RELATIVE.matcher(text);
        if (!m.matches()) throw new IllegalArgumentException(text);
        return m.group(1) == null ? today : today.plusDays(Integer.parseInt(m.group(1)));
    }

    /**
     * Writes the demo plans unless they exist already.
     *
     * @return how many plans were written, 0 when nothing was done
     */
    public int load() {
        // The service knows its caller from the request's identity: the work runs on a duplicated Vert.x context, on a
        // worker thread, as DemoNotices does.
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        try {
            return context.executeBlocking(this::loadInTransaction, false)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private int loadInTransaction() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")")
                    .getSingleResult();
            Catalog catalog = catalog(json, BusinessTime.today());
            Map<String, String> noticeTitles = new java.util.HashMap<>();
            DemoNotices.catalog(json)
                    .notices()
                    .forEach(s -> noticeTitles.put(s.key(), s.notice().title()));
            if (present(catalog) || !prerequisites(catalog, noticeTitles)) return 0;
            List<Long> written = new ArrayList<>();
            for (Sample s : catalog.plans()) written.add(write(s, noticeTitles));
            em.flush();
            em.createNativeQuery("update notification set mailed_at = created_at where plan_id in (:ids)")
                    .setParameter("ids", written)
                    .executeUpdate();
            return written.size();
        });
    }

    private long write(Sample s, Map<String, String> noticeTitles) {
        PlanInput p = s.plan();
        String noticeId = s.notice() == null ? null : noticeId(noticeTitles.get(s.notice()));
        PlanInput in = new PlanInput(
                Long.toString(orgId(s.org())),
                noticeId,
                p.title(),
                p.theme(),
                p.periodStart(),
                p.periodEnd(),
                p.sections(),
                p.items());
        PlanView view = demoNotices.as(s.actAs(), () -> plans.create(in));
        String id = view.id();
        if (s.filedOn() != null) view = demoNotices.as(s.actAs(), () -> plans.file(id, null));
        Review review = s.review();
        if (review != null) {
            view = demoNotices.as(
                    review.actAs(),
                    () -> review.outcome() == PlanStatus.RETURNED
                            ? plans.returnPlan(id, null, new ReturnRequest(review.reason()))
                            : plans.acknowledge(id, null));
        }
        for (Progress progress : s.progress() == null ? List.<Progress>of() : s.progress()) {
            String itemId = view.items().get(progress.item()).id();
            String version = Integer.toString(view.version());
            view = demoNotices.as(
                    s.actAs(),
                    () -> plans.progress(id, itemId, version, new ProgressInput(progress.value(), progress.note())));
        }
        backdate(Long.parseLong(id), s);
        return Long.parseLong(id);
    }

    /** Filing and review on the resource's dates (never in the future, the review after the filing). */
    private void backdate(long id, Sample s) {
        if (s.filedOn() == null) return;
        Instant now = Instant.now();
        Instant filed = min(at(s.filedOn(), FILED_AT), now.minus(Duration.ofMinutes(30)));
        Instant reviewed = null;
        if (s.review() != null) {
            reviewed = min(at(s.review().on(), REVIEWED_AT), now.minus(Duration.ofMinutes(10)));
            if (reviewed.isBefore(filed.plus(Duration.ofMinutes(15)))) reviewed = filed.plus(Duration.ofMinutes(15));
        }
        em.flush();
        em.createNativeQuery(
                        """
                        update activity_plan set created_at = :created, filed_at = :filed,
                               reviewed_at = coalesce(cast(:reviewed as timestamptz), reviewed_at),
                               updated_at = case when :progressed then updated_at
                                                 else coalesce(cast(:reviewed as timestamptz), :filed) end
                        where id = :id""")
                .setParameter("created", filed.minus(Duration.ofHours(2)))
                .setParameter("filed", filed)
                .setParameter("reviewed", reviewed)
                .setParameter(
                        "progressed", s.progress() != null && !s.progress().isEmpty())
                .setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery(
                        "update receipt set plan_filed_at = :filed where id = (select receipt_id from activity_plan"
                                + " where id = :id)")
                .setParameter("filed", filed)
                .setParameter("id", id)
                .executeUpdate();
        em.createNativeQuery("update notification set created_at = case when kind = 'PLAN_FILED' then :filed"
                        + " else coalesce(cast(:reviewed as timestamptz), :filed) end where plan_id = :id")
                .setParameter("filed", filed)
                .setParameter("reviewed", reviewed)
                .setParameter("id", id)
                .executeUpdate();
        em.clear();
    }

    // ---- look-ups ----

    private boolean present(Catalog catalog) {
        return count(
                        "select count(*) from activity_plan where title in (:v)",
                        catalog.plans().stream().map(s -> s.plan().title()).toList())
                > 0;
    }

    private boolean prerequisites(Catalog catalog, Map<String, String> noticeTitles) {
        List<String> orgs = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Sample s : catalog.plans()) {
            orgs.add(s.org());
            users.add(s.actAs());
            if (s.review() != null) users.add(s.review().actAs());
            if (s.notice() != null) titles.add(noticeTitles.getOrDefault(s.notice(), "?"));
        }
        boolean present = count("select count(distinct code) from org where active and code in (:v)", orgs)
                        == orgs.stream().distinct().count()
                && count("select count(distinct username) from account where enabled and username in (:v)", users)
                        == users.stream().distinct().count()
                && count(
                                "select count(distinct title) from notice where status = 'PUBLISHED'"
                                        + " and parent_notice_id is null and title in (:v)",
                                titles)
                        == titles.stream().distinct().count();
        if (!present) LOG.info("Demo plans skipped: the demo tree, its accounts or the demo notices are not all there");
        return present;
    }

    private long count(String sql, List<String> values) {
        if (values.isEmpty()) return 0;
        return ((Number) em.createNativeQuery(sql).setParameter("v", values).getSingleResult()).longValue();
    }

    private long orgId(String code) {
        return ((Number) em.createNativeQuery("select id from org where code = :c")
                        .setParameter("c", code)
                        .getSingleResult())
                .longValue();
    }

    private String noticeId(String title) {
        return em.createNativeQuery("select id from notice where title = :t and parent_notice_id is null")
                .setParameter("t", title)
                .getSingleResult()
                .toString();
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(BusinessTime.ZONE).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
