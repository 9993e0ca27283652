package cn.jinguo.stats;

import static cn.jinguo.support.Api.as;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Reports;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Report data for the statistics tests, made through the API (notices, re-issues, packages, reviews), with
 * activities dated in one year of their own so that no other test's data falls in their range.
 */
final class StatsWorld {
    final DataSource ds;
    final int year;

    StatsWorld(DataSource ds, int year) {
        this.ds = ds;
        this.year = year;
    }

    String day(int month, int day) {
        return String.format("%d-%02d-%02d", year, month, day);
    }

    /** A notice without required items (so packages need no photos) with its own theme; returns its id. */
    String publish(String admin, String orgCode, String title, String theme, Map<String, Object> recipients) {
        return publish(admin, orgCode, title, theme, recipients, Map.of());
    }

    String publish(
            String admin,
            String orgCode,
            String title,
            String theme,
            Map<String, Object> recipients,
            Map<String, Object> extra) {
        String org = Api.orgId(ds, orgCode);
        Map<String, Object> body = Notices.draft(org, title, recipients);
        body.put("theme", theme);
        body.remove("requirements");
        body.putAll(extra);
        Response draft = as(admin).body(body).post("/api/v1/notices");
        draft.then().statusCode(201);
        String id = draft.path("id");
        String existing =
                Api.queryString(ds, "select min(id) from issuer_code where org_id = ? and active", Long.parseLong(org));
        String code = existing != null ? existing : Notices.issuerCode(admin, org);
        as(admin)
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200);
        return id;
    }

    static Map<String, Object> entry(String title, String heldOn, Integer participants) {
        Map<String, Object> e = new HashMap<>();
        e.put("title", title);
        e.put("heldOn", heldOn);
        e.put("location", "妇女儿童之家");
        if (participants != null) e.put("participants", participants);
        return e;
    }

    static Map<String, Object> include(String sourceEntryId) {
        return Map.of("sourceEntryId", sourceEntryId);
    }

    /** Opens the org's package for the notice, puts the entries in, submits it; returns the submitted view. */
    Response report(String user, String noticeId, String orgCode, List<Map<String, Object>> entries) {
        String id = Reports.open(ds, user, noticeId, orgCode);
        Response current = as(user).get("/api/v1/submissions/" + id);
        as(user).header("If-Match", current.header("ETag"))
                .body(Map.of("summary", "工作总结", "entries", new ArrayList<>(entries)))
                .put("/api/v1/submissions/" + id)
                .then()
                .statusCode(200);
        Response sent = as(user).post("/api/v1/submissions/" + id + "/submit");
        sent.then().statusCode(200);
        return sent;
    }

    void accept(String reviewer, String submissionId) {
        as(reviewer)
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + submissionId + "/review")
                .then()
                .statusCode(200);
    }

    /** The first village (社区) under the demo township, with an admin account. */
    String village() {
        String code = Api.queryString(
                ds,
                "select code from org where parent_id = (select id from org where code = ?) and active"
                        + " order by sort_order, id limit 1",
                DemoOrgs.TOWNSHIP);
        Reports.member(ds, "village_admin", code, "ORG_ADMIN");
        return code;
    }

    /** A work committee (妇委会) directly under the city, with an admin account. */
    String workCommittee() {
        String code = Api.queryString(
                ds,
                "select code from org where type = 'WORK_COMMITTEE' and parent_id = (select id from org where code = ?)"
                        + " order by sort_order, id limit 1",
                DemoOrgs.CITY);
        Reports.member(ds, "committee_admin", code, "ORG_ADMIN");
        return code;
    }

    String name(String orgCode) {
        return Api.queryString(ds, "select name from org where code = ?", orgCode);
    }
}
