package cn.jinguo.demo;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.notice.DocNumbers;
import cn.jinguo.notice.InboxService;
import cn.jinguo.notice.NoticeDtos;
import cn.jinguo.notice.NoticeDtos.NoticeInput;
import cn.jinguo.notice.NoticeDtos.NoticeView;
import cn.jinguo.notice.NoticeDtos.PublishRequest;
import cn.jinguo.notice.NoticeDtos.Section;
import cn.jinguo.notice.NoticeService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The five real sample notices ({@value #RESOURCE}, their text kept as written) as published notices of the demo
 * tree, with a re-issue by 渝中区妇联 and receipts that look lived in.
 *
 * <p>Everything that matters goes through the real services, as the demo accounts named in the resource: drafts are
 * created and published by {@link NoticeService} (recipients frozen, numbers allocated, notifications written), the
 * demo accounts read, sign and re-issue through {@link InboxService}. Where a sample's own number uses one of our
 * issuer codes (渝妇发〔2024〕5号), the code's counter is first moved on with {@link DocNumbers#continueAfter} so
 * the sample keeps its serial; the year is the one of its 成文日期.
 *
 * <p>Dates follow the day of loading (Asia/Shanghai), so the demo looks alive whenever it runs: each notice's
 * 成文日期 and deadlines are offsets from today. The services only act now, so once they are done the loader moves
 * the clock hands back in SQL, which no API can: publication and delivery to the 成文日期, notifications (marked
 * mailed then), the read and sign times, past deadlines; other recipients read and sign by name (their contact
 * person) at deterministic times. The audit log keeps what really happened: the loader acted at load time.
 *
 * <p>Idempotent: nothing happens when a notice with a demo title exists, or when the demo tree, its issuer codes or
 * its accounts are missing; one transaction, under an advisory lock, so two instances starting at once load once.
 */
@ApplicationScoped
public class DemoNotices {
    private static final Logger LOG = Logger.getLogger(DemoNotices.class);
    static final String RESOURCE = "demo/notices.json";
    /** Advisory lock key ("jinguo demo notices"); DemoTree uses 7283401555. */
    private static final long LOCK_KEY = 7283401556L;

    private static final LocalTime PUBLISHED_AT = LocalTime.of(10, 0);
    private static final LocalTime DUE_AT = LocalTime.of(18, 0);

    /** The resource: samples in publishing order. */
    public record Catalog(String about, List<Sample> notices) {}

    /**
     * One sample: where it is placed in the demo tree (issuer org code, acting account, issuer code, the serial it
     * keeps if any), when, how its receipts look, an optional re-issue, and the notice itself.
     */
    public record Sample(
            String key,
            String sample,
            String placement,
            String issuerOrg,
            String actAs,
            String issuerCode,
            Integer keepSerial,
            Schedule schedule,
            ReceiptPlan receipts,
            Reissue reissue,
            NoticeInput notice) {}

    /** Days from the load date: 成文日期 (and publication) before it, deadlines after (or before: past due). */
    public record Schedule(int signedDaysAgo, int deadlineInDays, Integer planDeadlineInDays) {}

    /**
     * How receipts look: shares of the other recipients that read and signed, or only read; and what each demo
     * account does with its own org's receipt (those orgs are left out of the shares).
     */
    public record ReceiptPlan(double signed, double readOnly, Map<String, Act> accounts) {}

    public enum Act {
        NONE,
        READ,
        SIGN
    }

    /**
     * 转发 by a recipient (a demo account's org), which reports to its own receiving department: preface is HTML
     * with {parentTitle} and {parentDocNumber}, put before the parent's sections.
     */
    public record Reissue(
            String issuerOrg,
            String actAs,
            String issuerCode,
            String mainTo,
            String receivingDepartment,
            String preface,
            Schedule schedule,
            ReceiptPlan receipts) {}

    /** A published notice and where its history starts. */
    record Published(long id, String docNumber, String title, Instant publishedAt, Instant deadline) {}

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    NoticeService notices;

    @Inject
    InboxService inbox;

    @Inject
    DocNumbers numbers;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Vertx vertx;

    public static Catalog catalog(ObjectMapper json) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing");
            return json.readValue(in, Catalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes the demo notices unless they exist already.
     *
     * @return how many notices were published (re-issues included), 0 when nothing was done
     */
    public int load() {
        // The services know their caller from the request's security identity. Outside a request (at startup, in a
        // test) one is made per demo account; Quarkus keeps identities on a Vert.x duplicated context, so the work
        // runs on one, on a worker thread.
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
        return QuarkusTransaction.requiringNew().timeout(300).call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")")
                    .getSingleResult();
            Catalog catalog = catalog(json);
            if (!demoTreePresent(catalog) || demoNoticesPresent(catalog)) return 0;
            LocalDate today = BusinessTime.today();
            int published = 0;
            for (Sample s : catalog.notices()) {
                Published p = publish(s, today);
                receipts(s.key(), p, s.receipts());
                published++;
                if (s.reissue() != null) {
                    Published reissue = reissue(s.reissue(), p, today);
                    receipts(s.key() + "/reissue", reissue, s.reissue().receipts());
                    published++;
                }
            }
            return published;
        });
    }

    private Published publish(Sample s, LocalDate today) {
        Schedule when = s.schedule();
        LocalDate signedOn = today.minusDays(when.signedDaysAgo());
        long issuer = orgId(s.issuerOrg());
        NoticeInput n = s.notice();
        NoticeInput in = new NoticeInput(
                Long.toString(issuer),
                n.title(),
                n.theme(),
                n.sections(),
                n.mainTo(),
                n.cc(),
                n.recipients(),
                signedOn,
                n.contactPerson(),
                n.contactPhone(),
                n.contactEmail(),
                n.receivingDepartment(),
                null,
                publishableDeadline(when, today),
                n.planRequired(),
                publishablePlanDeadline(when, today),
                n.requirements(),
                n.attachments(),
                n.reminders());
        long code = issuerCodeId(s.issuerCode(), issuer);
        NoticeView draft = as(s.actAs(), () -> notices.create(in));
        if (s.keepSerial() != null) numbers.continueAfter(code, signedOn.getYear(), s.keepSerial() - 1);
        NoticeView view =
                as(s.actAs(), () -> notices.publish(draft.id(), null, new PublishRequest(Long.toString(code))));
        return backdate(view, signedOn, null, when, today);
    }

    /** The issuer's recipient (a demo account's org) signs, re-issues to its direct subordinates, and publishes. */
    private Published reissue(Reissue r, Published parent, LocalDate today) {
        Schedule when = r.schedule();
        long org = orgId(r.issuerOrg());
        String receipt = receiptId(parent.id(), org);
        NoticeView draft = as(r.actAs(), () -> inbox.forward(receipt));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(
                null,
                r.preface().replace("{parentTitle}", parent.title()).replace("{parentDocNumber}", parent.docNumber())));
        sections.addAll(draft.sections());
        Object[] contact = (Object[])
                em.createNativeQuery("select contact_person, contact_phone, contact_email from org where id = :id")
                        .setParameter("id", org)
                        .getSingleResult();
        LocalDate signedOn = today.minusDays(when.signedDaysAgo());
        NoticeInput in = new NoticeInput(
                null,
                draft.title(),
                draft.theme(),
                sections,
                r.mainTo(),
                null,
                draft.recipients(),
                signedOn,
                (String) contact[0],
                (String) contact[1],
                (String) contact[2],
                r.receivingDepartment(),
                null,
                publishableDeadline(when, today),
                draft.planRequired(),
                publishablePlanDeadline(when, today),
                draft.requirements(),
                draft.attachments().stream()
                        .map(a -> new NoticeDtos.AttachmentInput(a.fileId(), a.title()))
                        .toList(),
                draft.reminders());
        long code = issuerCodeId(r.issuerCode(), org);
        as(r.actAs(), () -> notices.update(draft.id(), Integer.toString(draft.version()), in));
        NoticeView view =
                as(r.actAs(), () -> notices.publish(draft.id(), null, new PublishRequest(Long.toString(code))));
        // Not before the parent was signed, so the history reads in order.
        Instant signed = (Instant) em.createQuery("select r.signedAt from Receipt r where r.id = :id", Instant.class)
                .setParameter("id", Long.parseLong(receipt))
                .getSingleResult();
        return backdate(view, signedOn, signed == null ? null : signed.plus(Duration.ofMinutes(40)), when, today);
    }

    /**
     * The schedule's deadline, or tomorrow's when it is already past: a past deadline cannot be published, so it is
     * set back by {@link #backdate} afterwards.
     */
    private static OffsetDateTime publishableDeadline(Schedule when, LocalDate today) {
        return dueAt(today.plusDays(Math.max(1, when.deadlineInDays())));
    }

    private static OffsetDateTime publishablePlanDeadline(Schedule when, LocalDate today) {
        Integer plan = when.planDeadlineInDays();
        return plan == null ? null : dueAt(today.plusDays(Math.max(1, Math.min(plan, when.deadlineInDays()))));
    }

    private static OffsetDateTime dueAt(LocalDate day) {
        return day.atTime(DUE_AT).atZone(BusinessTime.ZONE).toOffsetDateTime();
    }

    /**
     * Publication, delivery and notifications at 10:00 on the 成文日期 (or {@code notBefore} if later, never in the
     * future); the schedule's real deadlines.
     */
    private Published backdate(NoticeView v, LocalDate signedOn, Instant notBefore, Schedule when, LocalDate today) {
        Instant now = Instant.now();
        Instant planned =
                signedOn.atTime(PUBLISHED_AT).atZone(BusinessTime.ZONE).toInstant();
        if (notBefore != null && notBefore.isAfter(planned)) planned = notBefore;
        Instant publishedAt = min(planned, now.minusSeconds(600));
        Instant deadline = dueAt(today.plusDays(when.deadlineInDays())).toInstant();
        Instant plan = when.planDeadlineInDays() == null
                ? null
                : dueAt(today.plusDays(when.planDeadlineInDays())).toInstant();
        long id = Long.parseLong(v.id());
        jdbc(c -> {
            update(
                    c,
                    "update notice set created_at = ?, updated_at = ?, published_at = ?, deadline = ?, plan_deadline = ?"
                            + " where id = ?",
                    ts(publishedAt.minus(Duration.ofHours(2))),
                    ts(publishedAt),
                    ts(publishedAt),
                    ts(deadline),
                    ts(plan),
                    id);
            update(
                    c,
                    "update receipt set delivered_at = ?, deadline = ? where notice_id = ?",
                    ts(publishedAt),
                    ts(deadline),
                    id);
            update(
                    c,
                    "update notification set created_at = ?, mailed_at = ? where notice_id = ?",
                    ts(publishedAt),
                    ts(publishedAt),
                    id);
        });
        return new Published(id, v.docNumber(), v.title(), publishedAt, deadline);
    }

    /**
     * The demo accounts act on their orgs' receipts through the inbox; the other recipients read and sign by name,
     * chosen and timed by a generator seeded with the sample's key (the same every load).
     */
    private void receipts(String seed, Published p, ReceiptPlan plan) {
        Random random = new Random(seed.hashCode());
        Instant now = Instant.now();
        for (var e : plan.accounts().entrySet()) {
            String user = e.getKey();
            String receipt = receiptId(p.id(), memberOrgId(user));
            switch (e.getValue()) {
                case NONE -> {
                    continue;
                }
                case READ -> as(user, () -> inbox.open(receipt));
                case SIGN -> as(user, () -> inbox.sign(receipt, null));
            }
            Instant read = readAt(random, p.publishedAt(), now);
            Instant signed = e.getValue() == Act.SIGN ? signedAt(random, read, now) : null;
            long id = Long.parseLong(receipt);
            jdbc(c -> {
                update(
                        c,
                        "update receipt set first_read_at = ?, signed_at = coalesce(?, signed_at) where id = ?",
                        ts(read),
                        ts(signed),
                        id);
                update(
                        c,
                        "update notification set read_at = ? where receipt_id = ?"
                                + " and account_id = (select id from account where username = ?)",
                        ts(read),
                        id,
                        user);
            });
        }
        jdbc(c -> {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    """
                    select r.id, coalesce(o.contact_person, o.short_name, o.name) from receipt r join org o on o.id = r.org_id
                    where r.notice_id = ? and not exists (select 1 from membership m where m.org_id = r.org_id)
                    order by o.path""")) {
                ps.setLong(1, p.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(new Object[] {rs.getLong(1), rs.getString(2)});
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update receipt set first_read_at = ?, first_read_by = ?, signed_at = ?, signed_by = ? where id = ?")) {
                for (Object[] row : rows) {
                    double u = random.nextDouble();
                    if (u >= plan.signed() + plan.readOnly()) continue;
                    Instant read = readAt(random, p.publishedAt(), now);
                    boolean signs = u < plan.signed();
                    ps.setObject(1, ts(read));
                    ps.setString(2, (String) row[1]);
                    ps.setObject(3, signs ? ts(signedAt(random, read, now)) : null);
                    ps.setString(4, signs ? (String) row[1] : null);
                    ps.setLong(5, (Long) row[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Read within three days of delivery (most on the first), never in the future. */
    private static Instant readAt(Random random, Instant delivered, Instant now) {
        long minutes = 20 + (long) (Math.pow(random.nextDouble(), 2) * 3 * 24 * 60);
        return min(delivered.plus(Duration.ofMinutes(minutes)), now.minusSeconds(300));
    }

    /** Signed within a day of reading. */
    private static Instant signedAt(Random random, Instant read, Instant now) {
        long minutes = 2 + (long) (random.nextDouble() * 24 * 60);
        return min(read.plus(Duration.ofMinutes(minutes)), now.minusSeconds(60));
    }

    // ---- acting as a demo account ----

    /**
     * Runs {@code work} in a request of its own as {@code username}, as if that account had called the API. Any
     * request context active around it is set aside and restored.
     */
    <T> T as(String username, Supplier<T> work) {
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
        if (outer != null) requests.deactivate();
        requests.activate();
        try {
            identities.setIdentity(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(username))
                    .build());
            return work.get();
        } finally {
            requests.terminate();
            if (outer != null) requests.activate(outer);
        }
    }

    // ---- look-ups ----

    private boolean demoTreePresent(Catalog catalog) {
        List<String> orgs = new ArrayList<>();
        List<String> users = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Sample s : catalog.notices()) {
            orgs.add(s.issuerOrg());
            users.add(s.actAs());
            codes.add(s.issuerCode());
            users.addAll(s.receipts().accounts().keySet());
            if (s.reissue() != null) {
                orgs.add(s.reissue().issuerOrg());
                users.add(s.reissue().actAs());
                codes.add(s.reissue().issuerCode());
                users.addAll(s.reissue().receipts().accounts().keySet());
            }
        }
        long o = count("select count(distinct code) from org where active and code in (:v)", orgs);
        long u = count("select count(distinct username) from account where enabled and username in (:v)", users);
        long k = count("select count(distinct code) from issuer_code where active and code in (:v)", codes);
        boolean present = o == orgs.stream().distinct().count()
                && u == users.stream().distinct().count()
                && k == codes.stream().distinct().count();
        if (!present) LOG.info("Demo notices skipped: the demo tree, its accounts or issuer codes are not all there");
        return present;
    }

    private boolean demoNoticesPresent(Catalog catalog) {
        return count(
                        "select count(*) from notice where title in (:v)",
                        catalog.notices().stream().map(s -> s.notice().title()).toList())
                > 0;
    }

    private long count(String sql, List<String> values) {
        return ((Number) em.createNativeQuery(sql).setParameter("v", values).getSingleResult()).longValue();
    }

    private long orgId(String code) {
        return ((Number) em.createNativeQuery("select id from org where code = :c")
                        .setParameter("c", code)
                        .getSingleResult())
                .longValue();
    }

    private long issuerCodeId(String code, long orgId) {
        return ((Number) em.createNativeQuery("select id from issuer_code where code = :c and org_id = :o")
                        .setParameter("c", code)
                        .setParameter("o", orgId)
                        .getSingleResult())
                .longValue();
    }

    private long memberOrgId(String username) {
        return ((Number) em.createNativeQuery("select m.org_id from membership m join account a on a.id = m.account_id"
                                + " where a.username = :u order by m.id limit 1")
                        .setParameter("u", username)
                        .getSingleResult())
                .longValue();
    }

    private String receiptId(long noticeId, long orgId) {
        return em.createNativeQuery("select id from receipt where notice_id = :n and org_id = :o")
                .setParameter("n", noticeId)
                .setParameter("o", orgId)
                .getSingleResult()
                .toString();
    }

    // ---- plain SQL in the current transaction ----

    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** JDBC on the transaction's connection, after flushing; the persistence context is cleared afterwards. */
    private void jdbc(SqlWork work) {
        em.flush();
        em.unwrap(Session.class).doWork(work::run);
        em.clear();
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
