package cn.jinguo.support;

import static cn.jinguo.support.Api.as;

import io.restassured.response.Response;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.sql.DataSource;

/** Set-up for report tests: published notices, re-issues down the tree, packages with photos. */
public final class Reports {
    private Reports() {}

    /** A notice published by {@code admin} of {@code orgCode} to {@code recipients}; returns its id. */
    public static String publish(
            DataSource ds, String admin, String orgCode, String title, Map<String, Object> recipients) {
        String org = Api.orgId(ds, orgCode);
        String code = code(ds, admin, org);
        Response draft = as(admin).body(Notices.draft(org, title, recipients)).post("/api/v1/notices");
        draft.then().statusCode(201);
        String id = draft.path("id");
        as(admin)
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200);
        return id;
    }

    /** {@code admin}'s org re-issues the notice it received to its direct children; returns the re-issue's id. */
    public static String reissue(DataSource ds, String admin, String noticeId, String orgCode) {
        String receipt = receipt(ds, noticeId, orgCode);
        Response forwarded = as(admin).post("/api/v1/inbox/" + receipt + "/forward");
        forwarded.then().statusCode(201);
        String id = forwarded.path("id");
        String code = code(ds, admin, Api.orgId(ds, orgCode));
        as(admin)
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200);
        return id;
    }

    /** The org's first active 机关代字 (editors may not create one), else a new one. */
    private static String code(DataSource ds, String user, String orgId) {
        String existing = Api.queryString(
                ds, "select min(id) from issuer_code where org_id = ? and active", Long.parseLong(orgId));
        return existing != null ? existing : Notices.issuerCode(user, orgId);
    }

    public static String receipt(DataSource ds, String noticeId, String orgCode) {
        return Api.queryString(
                ds,
                "select r.id from receipt r join org o on o.id = r.org_id where r.notice_id = ? and o.code = ?",
                Long.parseLong(noticeId),
                orgCode);
    }

    /** A member with {@code role} of the org, created once. */
    public static void member(DataSource ds, String username, String orgCode, String role) {
        Api.exec(
                ds,
                "insert into account (username, display_name) values (?, ?) on conflict do nothing",
                username,
                username);
        Api.exec(
                ds,
                """
                insert into membership (account_id, org_id, role)
                select a.id, o.id, ? from account a, org o where a.username = ? and o.code = ?
                on conflict do nothing""",
                role,
                username,
                orgCode);
    }

    /** Opens the package of the org's receipt; returns its id. */
    public static String open(DataSource ds, String user, String noticeId, String orgCode) {
        Response r = as(user).body(Map.of("receiptId", receipt(ds, noticeId, orgCode)))
                .post("/api/v1/submissions");
        r.then().statusCode(201);
        return r.path("id");
    }

    /** A small real PNG (distinct per seed, so the stored files do not deduplicate). */
    public static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(seed * 37 % 256, seed * 91 % 256, seed * 13 % 256));
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.WHITE);
        g.drawString(Integer.toString(seed), 5, 20);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} photos uploaded by {@code user} for the org; their file ids. */
    public static List<String> photos(DataSource ds, String user, String orgCode, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int seed = (int) (System.nanoTime() % 100000) + i;
            Response r = Files.upload(user, Api.orgId(ds, orgCode), "活动照片" + i + ".png", png(seed));
            r.then().statusCode(201);
            ids.add(r.path("id"));
        }
        return ids;
    }

    /** An activity entry body with the given photos. */
    public static Map<String, Object> entry(String title, List<String> photoIds) {
        Map<String, Object> e = new HashMap<>();
        e.put("title", title);
        e.put("heldOn", "2026-03-06");
        e.put("location", "新时代文明实践站");
        e.put("participants", 120);
        e.put("summary", "开展主题宣讲，" + title);
        e.put(
                "media",
                photoIds.stream()
                        .map(id -> Map.of("kind", "PHOTO", "fileId", id))
                        .toList());
        return e;
    }

    /** Fills the package with one entry of three photos and a summary, and submits it; returns the view. */
    public static Response fillAndSubmit(
            DataSource ds, String user, String submissionId, String orgCode, String title) {
        Response current = as(user).get("/api/v1/submissions/" + submissionId);
        List<Map<String, Object>> entries = new ArrayList<>();
        entries.add(entry(title, photos(ds, user, orgCode, 3)));
        as(user).header("If-Match", current.header("ETag"))
                .body(Map.of("summary", "工作总结：" + title, "entries", entries))
                .put("/api/v1/submissions/" + submissionId)
                .then()
                .statusCode(200);
        Response submitted = as(user).post("/api/v1/submissions/" + submissionId + "/submit");
        submitted.then().statusCode(200);
        return submitted;
    }
}
