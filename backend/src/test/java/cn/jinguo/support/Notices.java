package cn.jinguo.support;

import static cn.jinguo.support.Api.as;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Notice request bodies and set-up steps that several tests share. */
public final class Notices {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    public static final String DEADLINE =
            OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(20).withNano(0).toString();

    private Notices() {}

    /** A fresh 机关代字 of {@code orgId}, created by {@code admin}, so each test numbers from 1. */
    public static String issuerCode(String admin, String orgId) {
        String code = "测妇发" + (char) ('A' + SERIAL.getAndIncrement() % 26) + System.nanoTime() % 100000;
        return as(admin)
                .body(Map.of("orgId", orgId, "code", code, "description", "测试"))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A complete draft body (mutable, so a test can add or replace fields). */
    public static Map<String, Object> draft(String issuerOrgId, String title, Map<String, Object> recipients) {
        Map<String, Object> body = new HashMap<>();
        body.put("issuerOrgId", issuerOrgId);
        body.put("title", title);
        body.put("theme", "添彩巾帼 建功新时代");
        body.put("mainTo", "各区县妇联");
        body.put(
                "sections",
                List.of(Map.of(
                        "heading", "一、活动内容", "html", "<p onclick=\"x()\">开展“三八”系列活动<script>alert(1)</script></p>")));
        body.put("recipients", recipients);
        body.put("deadline", DEADLINE);
        body.put("contactPerson", "曹倩");
        body.put("contactPhone", "023-63800000");
        body.put(
                "requirements",
                Map.of(
                        "items",
                        Map.of("summary", true, "minPhotos", 3),
                        "byOrgType",
                        Map.of("WORK_COMMITTEE", Map.of("summary", true, "minPhotos", 1))));
        return body;
    }

    /** 各区县妇联 */
    public static Map<String, Object> allDistricts() {
        return Map.of("groups", List.of(Map.of("type", "FEDERATION", "level", "DISTRICT")));
    }

    /** The issuer's direct subordinates. */
    public static Map<String, Object> directChildren() {
        return Map.of("groups", List.of(Map.of("directChildrenOnly", true)));
    }
}
