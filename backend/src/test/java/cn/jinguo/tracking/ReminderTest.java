package cn.jinguo.tracking;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.common.BusinessTime;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Reports;
import cn.jinguo.tracking.TrackingDtos.ReminderKind;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders: scheduled before and after the deadline by the notice's policy, escalated once to the parent org, never
 * to exempt or submitted orgs, never twice of a kind to an org on a day (the job and 催报 by hand share that rule).
 */
@QuarkusTest
class ReminderTest {
    private static final String T2 = DemoOrgs.TOWNSHIP_2;

    @Inject
    AgroalDataSource ds;

    @Inject
    ReminderJob job;

    TrackingFixture f;

    @BeforeEach
    void setUp() {
        f = new TrackingFixture(ds);
    }

    private long reminders(String noticeId, String kind, String orgCode) {
        return f.count(
                "select count(*) from reminder m join receipt r on r.id = m.receipt_id join org o on o.id = r.org_id"
                        + " where m.notice_id = ? and m.kind = ? and o.code = ?",
                Long.parseLong(noticeId),
                kind,
                orgCode);
    }

    private long notificationsOf(String user, String noticeId, String kind) {
        return f.count(
                "select count(*) from notification n join account a on a.id = n.account_id"
                        + " where a.username = ? and n.notice_id = ? and n.kind = ?",
                user,
                Long.parseLong(noticeId),
                kind);
    }

    @Test
    void theSchedulerRemindsBeforeAndAfterTheDeadlineAndEscalatesOnce() {
        LocalDate today = BusinessTime.today();
        LocalDate due = today.plusDays(3);
        String id = f.districtToChildren(
                "自动催报测试",
                due,
                Map.of(
                        "reminders",
                        Map.of(
                                "enabled",
                                true,
                                "daysBefore",
                                List.of(1, 3),
                                "daysAfter",
                                List.of(1, 3),
                                "escalateAfterDays",
                                2)));
        long n = Long.parseLong(id);
        Reports.member(ds, "district_viewer", DemoOrgs.DISTRICT, "VIEWER"); // a member without tracking:manage
        List<String> townships = f.recipientCodes(id);
        String exempt = townships.get(townships.size() - 1);
        String submitted = townships.get(townships.size() - 2);
        // 解放碑 has not signed; the second township signed; one is exempt, one submitted
        f.exec(
                "update receipt set signed_at = now() where notice_id = ? and org_id = (select id from org where code = ?)",
                n,
                T2);
        f.exec(
                "update receipt set exempt_reason = '撤并' where notice_id = ? and org_id = (select id from org where code = ?)",
                n,
                exempt);
        f.exec(
                "update receipt set submitted_at = now() where notice_id = ? and org_id = (select id from org where code = ?)",
                n,
                submitted);
        as("district_admin")
                .get("/api/v1/notices/" + id)
                .then()
                .body("reminders.daysBefore", equalTo(List.of(3, 1)))
                .body("reminders.escalateAfterDays", equalTo(2));

        // three days before: SIGN to the unsigned, SUBMIT to the signed
        Map<ReminderKind, Integer> first = job.run(today, n);
        int open = townships.size() - 2;
        assertEquals(open - 1, first.get(ReminderKind.SIGN));
        assertEquals(1, first.get(ReminderKind.SUBMIT));
        assertEquals(0, first.get(ReminderKind.OVERDUE));
        assertEquals(1, reminders(id, "SIGN", DemoOrgs.TOWNSHIP));
        assertEquals(1, reminders(id, "SUBMIT", T2));
        assertEquals(0, reminders(id, "SIGN", T2));
        assertEquals(1, notificationsOf("township_admin", id, "REMINDER_SIGN"));
        // the same day again: nothing twice
        Map<ReminderKind, Integer> again = job.run(today, n);
        assertTrue(again.values().stream().allMatch(v -> v == 0), again.toString());
        assertEquals(1, notificationsOf("township_admin", id, "REMINDER_SIGN"));
        // two days before is not in the policy; one day before is
        assertTrue(job.run(due.minusDays(2), n).values().stream().allMatch(v -> v == 0));
        assertEquals(open - 1, job.run(due.minusDays(1), n).get(ReminderKind.SIGN));
        assertEquals(2, reminders(id, "SIGN", DemoOrgs.TOWNSHIP));

        // after the deadline: OVERDUE on days 1 and 3, ESCALATION from day 2 on, once, to the district's members
        Map<ReminderKind, Integer> day1 = job.run(due.plusDays(1), n);
        assertEquals(open, day1.get(ReminderKind.OVERDUE));
        assertEquals(0, day1.get(ReminderKind.ESCALATION));
        Map<ReminderKind, Integer> day2 = job.run(due.plusDays(2), n);
        assertEquals(0, day2.get(ReminderKind.OVERDUE));
        assertEquals(open, day2.get(ReminderKind.ESCALATION));
        assertEquals(1, notificationsOf("district_admin", id, "REMINDER_ESCALATION"), "one per parent and notice");
        // to those who can chase (tracking:manage), not to the parent's viewers nor to the late orgs themselves
        assertEquals(0, notificationsOf("district_viewer", id, "REMINDER_ESCALATION"));
        assertEquals(0, notificationsOf("township_admin", id, "REMINDER_ESCALATION"));
        assertTrue(f.count(
                        "select count(*) from notification n join account a on a.id = n.account_id where a.username ="
                                + " 'district_admin' and n.notice_id = ? and n.kind = 'REMINDER_ESCALATION' and n.body like ?",
                        n,
                        "%解放碑%")
                == 1);
        Map<ReminderKind, Integer> day3 = job.run(due.plusDays(3), n);
        assertEquals(open, day3.get(ReminderKind.OVERDUE));
        assertEquals(0, day3.get(ReminderKind.ESCALATION));
        assertEquals(
                open,
                f.count("select count(*) from reminder where notice_id = ? and kind = 'ESCALATION'", n),
                "escalated once per receipt");

        // never the exempt or the submitted one
        assertEquals(
                0,
                f.count(
                        "select count(*) from reminder m join receipt r on r.id = m.receipt_id join org o on o.id = r.org_id"
                                + " where m.notice_id = ? and o.code in (?, ?)",
                        n,
                        exempt,
                        submitted));
        // the history of a receipt: newest first, from the scheduler
        as("district_admin")
                .get("/api/v1/notices/" + id + "/receipts/" + f.receipt(id, DemoOrgs.TOWNSHIP) + "/reminders")
                .then()
                .statusCode(200)
                .body("size()", equalTo(5)) // SIGN twice, OVERDUE, ESCALATION, OVERDUE
                .body("[0].kind", equalTo("OVERDUE"))
                .body("[0].businessDay", equalTo(due.plusDays(3).toString()))
                .body("[0].sentBy", equalTo(null))
                .body("kind", hasItem("ESCALATION"))
                .body("find { it.kind == 'ESCALATION' }.targetOrgId", equalTo(f.org(DemoOrgs.DISTRICT)));
    }

    @Test
    void planRemindersGoToRecipientsWithoutAPlanOnFileAndNotWhenDisabled() {
        LocalDate today = BusinessTime.today();
        LocalDate due = today.plusDays(10);
        String id = f.districtToChildren(
                "备案催报测试",
                due,
                Map.of(
                        "planRequired",
                        true,
                        "planDeadline",
                        TrackingFixture.at(today.plusDays(4)).toString(),
                        "reminders",
                        Map.of("enabled", true, "daysBefore", List.of(1), "daysAfter", List.of(1))));
        long n = Long.parseLong(id);
        f.exec(
                "update receipt set plan_status = 'FILED', plan_filed_at = now() where notice_id = ?"
                        + " and org_id = (select id from org where code = ?)",
                n,
                T2);
        int recipients = f.recipientCodes(id).size();
        Map<ReminderKind, Integer> sent = job.run(today.plusDays(3), n);
        assertEquals(recipients - 1, sent.get(ReminderKind.PLAN));
        assertEquals(0, sent.get(ReminderKind.SIGN), "the reporting deadline is further away");
        assertEquals(0, reminders(id, "PLAN", T2));
        assertEquals(1, reminders(id, "PLAN", DemoOrgs.TOWNSHIP));

        // switched off: nothing
        String disabled = f.districtToChildren(
                "关闭催报测试",
                due,
                Map.of("reminders", Map.of("enabled", false, "daysBefore", List.of(1), "daysAfter", List.of(1))));
        assertTrue(job.run(due.minusDays(1), Long.parseLong(disabled)).values().stream()
                .allMatch(v -> v == 0));
        assertTrue(job.run(due.plusDays(1), Long.parseLong(disabled)).values().stream()
                .allMatch(v -> v == 0));
        // a bad policy is refused
        var bad = new java.util.HashMap<String, Object>(cn.jinguo.support.Notices.draft(
                f.org(DemoOrgs.DISTRICT), "坏规则", cn.jinguo.support.Notices.directChildren()));
        bad.put("reminders", Map.of("enabled", true, "daysBefore", List.of(0, 31), "escalateAfterDays", 0));
        as("district_admin")
                .body(bad)
                .post("/api/v1/notices")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reminders.escalateAfterDays"));
    }

    @Test
    void manualRemindersSkipWhoNeedsNoneAndWhoHadOneToday() {
        LocalDate today = BusinessTime.today();
        String id = f.districtToChildren(
                "手动催报测试",
                today.plusDays(3),
                Map.of("reminders", Map.of("enabled", true, "daysBefore", List.of(3), "daysAfter", List.of(1))));
        long n = Long.parseLong(id);
        List<String> townships = f.recipientCodes(id);
        String exempt = townships.get(townships.size() - 1);
        String submitted = townships.get(townships.size() - 2);
        f.exec(
                "update receipt set exempt_reason = '撤并' where notice_id = ? and org_id = (select id from org where code = ?)",
                n,
                exempt);
        f.exec(
                "update receipt set submitted_at = now(), signed_at = now() where notice_id = ?"
                        + " and org_id = (select id from org where code = ?)",
                n,
                submitted);
        f.exec(
                "update receipt set signed_at = now() where notice_id = ? and org_id = (select id from org where code = ?)",
                n,
                T2);
        // the scheduler's SUBMIT reminder of today (T2 signed, three days to go)
        assertEquals(1, job.run(today, n).get(ReminderKind.SUBMIT));

        String t1 = f.receipt(id, DemoOrgs.TOWNSHIP);
        String t2 = f.receipt(id, T2);
        String ex = f.receipt(id, exempt);
        String sub = f.receipt(id, submitted);
        JsonPath result = as("district_editor")
                .body(Map.of("receiptIds", List.of(t1, t2, ex, sub), "kind", "SUBMIT", "message", "请于明日报送"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(200)
                .body("kind", equalTo("SUBMIT"))
                .body("sent.receiptId", equalTo(List.of(t1)))
                .extract()
                .jsonPath();
        assertEquals("EXEMPT", result.getString("skipped.find { it.receiptId == '" + ex + "' }.reason"));
        assertEquals("SUBMITTED", result.getString("skipped.find { it.receiptId == '" + sub + "' }.reason"));
        assertEquals("ALREADY_TODAY", result.getString("skipped.find { it.receiptId == '" + t2 + "' }.reason"));
        assertTrue(result.getInt("notifications") >= 1);
        assertTrue(f.count(
                        "select count(*) from notification n join account a on a.id = n.account_id where a.username ="
                                + " 'township_admin' and n.receipt_id = ? and n.kind = 'REMINDER_SUBMIT' and n.body like ?",
                        Long.parseLong(t1),
                        "%请于明日报送%")
                == 1);
        assertEquals(
                1,
                f.count(
                        "select count(*) from audit_event where action = 'tracking.remind' and target_id = ?"
                                + " and actor = 'district_editor'",
                        id));
        // by org id, the same day again: skipped
        as("district_admin")
                .body(Map.of("orgIds", List.of(f.org(DemoOrgs.TOWNSHIP)), "kind", "SUBMIT"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(200)
                .body("sent.size()", equalTo(0))
                .body("skipped[0].reason", equalTo("ALREADY_TODAY"));
        // SIGN goes to the unsigned only, and 解放碑 had the scheduler's today; OVERDUE is not due before the deadline
        JsonPath sign = as("district_admin")
                .body(Map.of("receiptIds", List.of(t1, t2), "kind", "SIGN"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(200)
                .body("sent.size()", equalTo(0))
                .extract()
                .jsonPath();
        assertEquals("SIGNED", sign.getString("skipped.find { it.receiptId == '" + t2 + "' }.reason"));
        assertEquals("ALREADY_TODAY", sign.getString("skipped.find { it.receiptId == '" + t1 + "' }.reason"));
        as("district_admin")
                .body(Map.of("allMissing", true, "kind", "OVERDUE"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(200)
                .body("sent.size()", equalTo(0))
                .body("skipped.size()", equalTo(townships.size() - 2))
                .body("skipped.reason", org.hamcrest.Matchers.everyItem(equalTo("NOT_OVERDUE")));
        as("district_admin")
                .body(Map.of("receiptIds", List.of(t1), "kind", "PLAN"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(200)
                .body("skipped[0].reason", equalTo("PLAN_NOT_REQUIRED"));
        as("district_admin")
                .get("/api/v1/notices/" + id + "/receipts/" + t1 + "/reminders")
                .then()
                .statusCode(200)
                .body("sentBy", hasItem("district_editor"))
                .body("find { it.kind == 'SUBMIT' }.message", equalTo("请于明日报送"));

        // bad requests change nothing
        long before = f.count("select count(*) from reminder where notice_id = ?", n);
        String foreign = f.receipt(f.cityToDistricts("别的通知"), DemoOrgs.DISTRICT);
        as("district_admin")
                .body(Map.of("receiptIds", List.of(t1, foreign), "kind", "SUBMIT"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(422)
                .body("code", equalTo("TRACKING_RECEIPTS_UNKNOWN"));
        as("district_admin")
                .body(Map.of("receiptIds", List.of(t1), "kind", "ESCALATION"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as("district_admin")
                .body(Map.of("kind", "SUBMIT"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receiptIds"));
        as("district_admin")
                .body(Map.of("receiptIds", List.of(t1), "allMissing", true, "kind", "SUBMIT"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(400);
        as("district_admin")
                .body(Map.of("receiptIds", List.of(t1)))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as("district_admin")
                .body(Map.of("receiptIds", List.of("x1"), "kind", "SUBMIT"))
                .post("/api/v1/notices/" + id + "/reminders")
                .then()
                .statusCode(400);
        assertEquals(before, f.count("select count(*) from reminder where notice_id = ?", n));
    }

    @Test
    void theDatabaseRefusesASecondReminderOfAKindOnADay() {
        String id = f.districtToChildren("唯一约束测试", BusinessTime.today().plusDays(5), Map.of());
        long receipt = Long.parseLong(f.receipt(id, DemoOrgs.TOWNSHIP));
        String insert =
                """
                insert into reminder (receipt_id, notice_id, kind, business_day, target_org_id)
                select id, notice_id, 'SUBMIT', current_date, org_id from receipt where id = ?""";
        f.exec(insert, receipt);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> f.exec(insert, receipt));
        assertTrue(
                e.getCause().getMessage().contains("reminder_once_a_day"),
                e.getCause().getMessage());
    }
}
