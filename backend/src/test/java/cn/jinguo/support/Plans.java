package cn.jinguo.support;

import static cn.jinguo.support.Api.as;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Plan request bodies and notices that ask for plans, shared by the plan tests. */
public final class Plans {
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Plans() {}

    /** A title no other test (or demo plan) uses, so searches find exactly the test's plans. */
    public static String title(String what) {
        return what + "·" + System.nanoTime() % 1_000_000 + SERIAL.incrementAndGet();
    }

    /** A complete plan body (mutable): one activity, and one work item with a target of 50 家. */
    public static Map<String, Object> body(String orgId, String noticeId, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("orgId", orgId);
        if (noticeId != null) body.put("noticeId", noticeId);
        body.put("title", title);
        body.put("theme", "巾帼心向党 奋进新征程");
        body.put("periodStart", "2024-01-01");
        body.put("periodEnd", "2024-12-31");
        body.put(
                "sections",
                List.of(Map.of(
                        "heading", "一、指导思想", "html", "<p onclick=\"x()\">以党的二十大精神为指导<script>alert(1)</script></p>")));
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(activity("纪念“三八”节妇女代表座谈会"));
        Map<String, Object> target = new HashMap<>();
        target.put("section", "（五）夯实基础");
        target.put("title", "打造示范型姐妹驿站");
        target.put("startsOn", "2024-01-01");
        target.put("endsOn", "2026-12-31");
        target.put("targetValue", 50);
        target.put("targetUnit", "家");
        items.add(target);
        body.put("items", items);
        return body;
    }

    public static Map<String, Object> activity(String title) {
        Map<String, Object> item = new HashMap<>();
        item.put("section", "二、主要活动");
        item.put("title", title);
        item.put("description", "邀请三八红旗手、女企业家代表座谈");
        item.put("startsOn", "2024-03-05");
        item.put("endsOn", "2024-03-05");
        item.put("location", "区妇联会议室");
        item.put("organizer", "区妇联");
        item.put("partners", "区总工会");
        item.put("audience", "各行业女性代表");
        item.put("expectedParticipants", 40);
        return item;
    }

    /**
     * A published notice of {@code issuerOrgCode} (written by {@code editor}, its code made by {@code admin}) to
     * {@code recipients}, asking for plans: its id.
     */
    public static String notice(String admin, String editor, String issuerOrgId, Map<String, Object> recipients) {
        String code = Notices.issuerCode(admin, issuerOrgId);
        Map<String, Object> draft = Notices.draft(issuerOrgId, title("关于报送“三八”活动方案的通知"), recipients);
        draft.put("planRequired", true);
        draft.put(
                "planDeadline",
                OffsetDateTime.parse(Notices.DEADLINE).minusDays(5).toString());
        String id = as(editor)
                .body(draft)
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(editor)
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200);
        return id;
    }

    /** Creates a plan as {@code user}: its id. */
    public static String create(String user, Map<String, Object> body) {
        return as(user).body(body)
                .post("/api/v1/plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String etag(String user, String planId) {
        return as(user).get("/api/v1/plans/" + planId)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }
}
