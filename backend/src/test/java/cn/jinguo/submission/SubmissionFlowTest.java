package cn.jinguo.submission;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Files;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Reports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A package from draft to acceptance, the receipt's progress with it, and the roll-up through two re-issues. */
@QuarkusTest
class SubmissionFlowTest {
    @Inject
    AgroalDataSource ds;

    private String receiptColumns(String noticeId, String orgCode) {
        return Api.queryString(
                ds,
                "select concat_ws('|', r.report_status, r.submitted_at is not null, r.accepted_at is not null,"
                        + " r.featured_count) from receipt r join org o on o.id = r.org_id where r.notice_id = ? and o.code = ?",
                Long.parseLong(noticeId),
                orgCode);
    }

    @Test
    void draftSubmitReturnResubmitAcceptFeature() {
        String notice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "报送流程测试", Notices.allDistricts());
        String id = Reports.open(ds, "district_admin", notice, DemoOrgs.DISTRICT);
        assertEquals("DRAFT|f|f|0", receiptColumns(notice, DemoOrgs.DISTRICT));
        // One package per receipt: the second attempt names the first.
        as("district_admin")
                .body(Map.of("receiptId", Reports.receipt(ds, notice, DemoOrgs.DISTRICT)))
                .post("/api/v1/submissions")
                .then()
                .statusCode(409)
                .body("code", equalTo("SUBMISSION_EXISTS"));

        // Nothing yet: submitting names everything the notice requires (summary, three photos, an entry).
        as("district_admin")
                .post("/api/v1/submissions/" + id + "/submit")
                .then()
                .statusCode(422)
                .body("code", equalTo("SUBMISSION_INCOMPLETE"))
                .body("errors.field", hasItems("entries", "summary", "photos"));

        // Two photos only: still short of three.
        Response v0 = as("district_admin").get("/api/v1/submissions/" + id);
        List<String> photos = Reports.photos(ds, "district_admin", DemoOrgs.DISTRICT, 3);
        Map<String, Object> first = Reports.entry("主题宣讲进社区", photos.subList(0, 2));
        Response v1 = as("district_admin")
                .header("If-Match", v0.header("ETag"))
                .body(Map.of("summary", "共开展活动 1 场", "entries", List.of(first)))
                .put("/api/v1/submissions/" + id);
        v1.then()
                .statusCode(200)
                .body("completeness.photos", equalTo(2))
                .body("completeness.missing", contains("photos"))
                .body("actions", hasItems("UPDATE", "SUBMIT", "DELETE"));
        as("district_admin")
                .post("/api/v1/submissions/" + id + "/submit")
                .then()
                .statusCode(422)
                .body("errors.field", contains("photos"));

        // A stale ETag changes nothing.
        as("district_admin")
                .header("If-Match", v0.header("ETag"))
                .body(Map.of("summary", "旧版本", "entries", List.of()))
                .put("/api/v1/submissions/" + id)
                .then()
                .statusCode(412);

        String entryId = v1.path("entries[0].id");
        Map<String, Object> keep = new HashMap<>(Reports.entry("主题宣讲进社区", photos));
        keep.put("id", entryId);
        Map<String, Object> link = Map.of(
                "title",
                "巾帼志愿服务",
                "heldOn",
                "2026-03-08",
                "participants",
                30,
                "media",
                List.of(Map.of("kind", "LINK", "url", "https://mp.weixin.qq.com/s/jinguo")));
        Response v2 = as("district_admin")
                .header("If-Match", v1.header("ETag"))
                .body(Map.of("summary", "共开展活动 2 场", "entries", List.of(keep, link)))
                .put("/api/v1/submissions/" + id);
        v2.then()
                .statusCode(200)
                .body("entries[0].id", equalTo(entryId))
                .body("entries[1].media[0].url", equalTo("https://mp.weixin.qq.com/s/jinguo"))
                .body("completeness.missing", equalTo(List.of()));

        Response sent = as("district_admin").post("/api/v1/submissions/" + id + "/submit");
        sent.then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("revision", equalTo(1))
                .body("late", equalTo(false))
                .body("actions", equalTo(List.of()));
        assertEquals("SUBMITTED|t|f|0", receiptColumns(notice, DemoOrgs.DISTRICT));
        // Sent means frozen for its org until the issuer decides.
        as("district_admin")
                .header("If-Match", sent.header("ETag"))
                .body(Map.of("entries", List.of()))
                .put("/api/v1/submissions/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("SUBMISSION_NOT_EDITABLE"));
        // The issuer's reviewers are told.
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from notification n join account a on a.id = n.account_id"
                                + " where a.username = 'city_admin' and n.kind = 'SUBMISSION_SUBMITTED' and n.notice_id = ?",
                        Long.parseLong(notice)));

        // The city returns it with a reason on the link entry.
        String linkId = sent.path("entries[1].id");
        as("city_admin").get("/api/v1/submissions/" + id).then().statusCode(200).body("actions", contains("REVIEW"));
        as("city_admin")
                .body(Map.of("decision", "RETURN"))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Response returned = as("city_admin")
                .body(Map.of(
                        "decision",
                        "RETURN",
                        "reason",
                        "请补充志愿服务照片",
                        "entries",
                        List.of(Map.of("entryId", linkId, "reason", "缺少现场照片"))))
                .post("/api/v1/submissions/" + id + "/review");
        returned.then()
                .statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("returnReason", equalTo("请补充志愿服务照片"))
                .body("entries[1].reviewStatus", equalTo("RETURNED"))
                .body("entries[1].returnReason", equalTo("缺少现场照片"))
                .body("entries[0].reviewStatus", equalTo("PENDING"));
        assertEquals("RETURNED|t|f|0", receiptColumns(notice, DemoOrgs.DISTRICT));

        // Resubmitted as it is; accepted; an entry featured twice counts once.
        as("district_admin")
                .post("/api/v1/submissions/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
        as("city_admin")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + id + "/review")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("entries.reviewStatus", equalTo(List.of("ACCEPTED", "ACCEPTED")))
                .body("actions", contains("FEATURE"));
        as("city_admin")
                .put("/api/v1/submissions/" + id + "/entries/" + entryId + "/featured")
                .then()
                .statusCode(200);
        as("city_admin")
                .put("/api/v1/submissions/" + id + "/entries/" + entryId + "/featured")
                .then()
                .statusCode(200)
                .body("entries[0].featured", equalTo(true));
        assertEquals("ACCEPTED|t|t|1", receiptColumns(notice, DemoOrgs.DISTRICT));
        as("city_admin")
                .delete("/api/v1/submissions/" + id + "/entries/" + entryId + "/featured")
                .then()
                .statusCode(200);
        assertEquals("ACCEPTED|t|t|0", receiptColumns(notice, DemoOrgs.DISTRICT));

        // History: both submissions, newest first, with their decisions and the entries as sent.
        as("district_admin")
                .get("/api/v1/submissions/" + id + "/revisions")
                .then()
                .statusCode(200)
                .body("revision", contains(2, 1))
                .body("decision", contains("ACCEPTED", "RETURNED"))
                .body("[1].entryReasons[0].reason", equalTo("缺少现场照片"))
                .body("[1].entries.title", contains("主题宣讲进社区", "巾帼志愿服务"));

        // Listed for the issuer, with its totals.
        as("city_admin")
                .get("/api/v1/submissions?noticeId=" + notice)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].entries", equalTo(2))
                .body("items[0].participants", equalTo(150))
                .body("items[0].status", equalTo("ACCEPTED"));
    }

    @Test
    void featuringHonoursIfMatchAndMovesThePackagesVersion() {
        String notice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "精选的版本", Notices.allDistricts());
        String id = Reports.open(ds, "district_admin", notice, DemoOrgs.DISTRICT);
        Response sent = Reports.fillAndSubmit(ds, "district_admin", id, DemoOrgs.DISTRICT, "精选版本测试");
        Response accepted = as("city_admin")
                .header("If-Match", sent.header("ETag"))
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + id + "/review");
        accepted.then().statusCode(200);
        String entryId = accepted.path("entries[0].id");
        String featured = "/api/v1/submissions/" + id + "/entries/" + entryId + "/featured";

        // A stale ETag: 412, and the entry stays as it was.
        as("city_admin")
                .header("If-Match", sent.header("ETag"))
                .put(featured)
                .then()
                .statusCode(412);
        assertEquals("ACCEPTED|t|t|0", receiptColumns(notice, DemoOrgs.DISTRICT));
        as("city_admin").get("/api/v1/submissions/" + id).then().body("entries[0].featured", equalTo(false));

        Response on =
                as("city_admin").header("If-Match", accepted.header("ETag")).put(featured);
        on.then().statusCode(200).body("entries[0].featured", equalTo(true));
        assertNotEquals(accepted.header("ETag"), on.header("ETag"), "the package reads differently: new version");
        as("city_admin").get("/api/v1/submissions/" + id).then().header("ETag", equalTo(on.header("ETag")));

        // Taking it off with the ETag from before it was featured: 412, still featured.
        as("city_admin")
                .header("If-Match", accepted.header("ETag"))
                .delete(featured)
                .then()
                .statusCode(412);
        assertEquals("ACCEPTED|t|t|1", receiptColumns(notice, DemoOrgs.DISTRICT));
        as("city_admin")
                .header("If-Match", on.header("ETag"))
                .delete(featured)
                .then()
                .statusCode(200)
                .body("entries[0].featured", equalTo(false));
        assertEquals("ACCEPTED|t|t|0", receiptColumns(notice, DemoOrgs.DISTRICT));
    }

    @Test
    void lateAgainstTheEffectiveDeadline() {
        String notice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "逾期报送测试", Notices.allDistricts());
        String id = Reports.open(ds, "district_admin", notice, DemoOrgs.DISTRICT);
        Api.exec(
                ds,
                "update receipt set deadline = now() - interval '1 day' where id = ?",
                Long.parseLong(Reports.receipt(ds, notice, DemoOrgs.DISTRICT)));
        Reports.fillAndSubmit(ds, "district_admin", id, DemoOrgs.DISTRICT, "逾期的活动")
                .then()
                .body("late", equalTo(true));
        // An extension past the first submission makes it on time: lateness is computed, never stored.
        Api.exec(
                ds,
                "update receipt set deadline = now() + interval '1 day' where id = ?",
                Long.parseLong(Reports.receipt(ds, notice, DemoOrgs.DISTRICT)));
        as("city_admin").get("/api/v1/submissions/" + id).then().body("late", equalTo(false));
        as("city_admin")
                .get("/api/v1/submissions?noticeId=" + notice + "&late=false")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void mediaRulesAndBadInputChangeNothing() {
        String notice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "素材规则测试", Notices.allDistricts());
        String id = Reports.open(ds, "district_admin", notice, DemoOrgs.DISTRICT);
        Response v0 = as("district_admin").get("/api/v1/submissions/" + id);
        String etag = v0.header("ETag");
        String pdf = Files.upload("district_admin", Api.orgId(ds, DemoOrgs.DISTRICT), "总结.pdf", Files.pdf("总结"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Reports.member(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, "ORG_ADMIN");
        String siblingPhoto = Reports.photos(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, 1)
                .get(0);
        record Case(Object entry, int status, String code) {}
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(Map.of("heldOn", "2026-03-06"), 400, "VALIDATION_FAILED"));
        cases.add(new Case(Map.of("title", "无日期"), 400, "VALIDATION_FAILED"));
        cases.add(new Case(
                Map.of("title", "倒序", "heldOn", "2026-03-06", "heldUntil", "2026-03-01"),
                422,
                "SUBMISSION_ENTRY_DATES"));
        cases.add(
                new Case(Map.of("title", "负人数", "heldOn", "2026-03-06", "participants", -1), 400, "VALIDATION_FAILED"));
        cases.add(new Case(mediaEntry(Map.of("kind", "PHOTO", "fileId", pdf)), 422, "SUBMISSION_PHOTO_NOT_IMAGE"));
        cases.add(new Case(mediaEntry(Map.of("kind", "VIDEO", "fileId", pdf)), 422, "SUBMISSION_VIDEO_NOT_VIDEO"));
        cases.add(
                new Case(mediaEntry(Map.of("kind", "PHOTO", "fileId", siblingPhoto)), 422, "SUBMISSION_FILE_INVALID"));
        cases.add(new Case(mediaEntry(Map.of("kind", "PHOTO", "fileId", "999999999")), 422, "SUBMISSION_FILE_INVALID"));
        cases.add(new Case(mediaEntry(Map.of("kind", "LINK", "url", "javascript:alert(1)")), 400, "VALIDATION_FAILED"));
        cases.add(new Case(mediaEntry(Map.of("kind", "LINK", "fileId", pdf)), 400, "VALIDATION_FAILED"));
        cases.add(new Case(
                mediaEntry(Map.of("kind", "PHOTO", "url", "https://example.com/a.jpg")), 400, "VALIDATION_FAILED"));
        cases.add(new Case(
                mediaEntry(Map.of("kind", "ARTICLE", "fileId", pdf, "url", "https://example.com")),
                400,
                "VALIDATION_FAILED"));
        cases.add(new Case(
                Map.of("id", "999999999", "title", "别人的条目", "heldOn", "2026-03-06"), 422, "SUBMISSION_ENTRY_UNKNOWN"));
        cases.add(new Case(Map.of("sourceEntryId", "999999999"), 422, "SUBMISSION_SOURCE_INVALID"));
        cases.add(new Case(
                Map.of("title", "方案", "heldOn", "2026-03-06", "planItemId", "999999999"),
                422,
                "SUBMISSION_PLAN_ITEM_INVALID"));
        for (Case c : cases) {
            as("district_admin")
                    .header("If-Match", etag)
                    .body(Map.of("summary", "不应保存", "entries", List.of(c.entry())))
                    .put("/api/v1/submissions/" + id)
                    .then()
                    .statusCode(c.status())
                    .body("code", equalTo(c.code()));
        }
        as("district_admin")
                .get("/api/v1/submissions/" + id)
                .then()
                .header("ETag", equalTo(etag))
                .body("summary", nullValue())
                .body("entries", equalTo(List.of()));
        // An article may be a file or a web page.
        as("district_admin")
                .header("If-Match", etag)
                .body(Map.of(
                        "entries",
                        List.of(
                                mediaEntry(Map.of("kind", "ARTICLE", "fileId", pdf, "title", "宣传稿")),
                                mediaEntry(Map.of("kind", "ARTICLE", "url", "https://www.cqwomen.org.cn/news/1")))))
                .put("/api/v1/submissions/" + id)
                .then()
                .statusCode(200)
                .body("entries[0].media[0].fileName", equalTo("总结.pdf"))
                .body("completeness.articles", equalTo(2));
    }

    private static Map<String, Object> mediaEntry(Map<String, Object> media) {
        return Map.of("title", "素材", "heldOn", "2026-03-06", "media", List.of(media));
    }

    /**
     * City → 渝中区 (re-issue) → 解放碑街道 (re-issue) → a community: the community's accepted entry is included by
     * the township, the township's by the district, and the city sees the community's work through its district.
     */
    @Test
    void rollUpThroughTwoReissues() {
        String village = Api.queryString(
                ds,
                "select code from org where parent_id = (select id from org where code = ?) and active"
                        + " order by sort_order, id limit 1",
                DemoOrgs.TOWNSHIP);
        Reports.member(ds, "village_admin", village, "ORG_ADMIN");
        String cityNotice = Reports.publish(ds, "city_admin", DemoOrgs.CITY, "汇总上报测试", Notices.allDistricts());
        String districtNotice = Reports.reissue(ds, "district_admin", cityNotice, DemoOrgs.DISTRICT);
        String townshipNotice = Reports.reissue(ds, "township_admin", districtNotice, DemoOrgs.TOWNSHIP);

        String villagePackage = Reports.open(ds, "village_admin", townshipNotice, village);
        Reports.fillAndSubmit(ds, "village_admin", villagePackage, village, "社区巾帼宣讲");
        String villageEntry =
                as("village_admin").get("/api/v1/submissions/" + villagePackage).path("entries[0].id");

        String townshipPackage = Reports.open(ds, "township_admin", districtNotice, DemoOrgs.TOWNSHIP);
        // Not accepted yet: nothing to include, and including it is refused.
        as("township_admin")
                .get("/api/v1/submissions/" + townshipPackage + "/includable")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        Response t0 = as("township_admin").get("/api/v1/submissions/" + townshipPackage);
        t0.then().body("actions", hasItem("INCLUDE"));
        as("township_admin")
                .header("If-Match", t0.header("ETag"))
                .body(Map.of("entries", List.of(Map.of("sourceEntryId", villageEntry))))
                .put("/api/v1/submissions/" + townshipPackage)
                .then()
                .statusCode(422)
                .body("code", equalTo("SUBMISSION_SOURCE_INVALID"));

        as("township_admin")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + villagePackage + "/review")
                .then()
                .statusCode(200);
        as("township_admin")
                .get("/api/v1/submissions/" + townshipPackage + "/includable")
                .then()
                .body("total", equalTo(1))
                .body("items[0].entry.id", equalTo(villageEntry));
        String townshipEntry = include(townshipPackage, "township_admin", villageEntry, "街道汇总");
        as("township_admin")
                .get("/api/v1/submissions/" + townshipPackage + "/includable")
                .then()
                .body("total", equalTo(0));
        as("township_admin")
                .post("/api/v1/submissions/" + townshipPackage + "/submit")
                .then()
                .statusCode(200);
        as("district_admin")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + townshipPackage + "/review")
                .then()
                .statusCode(200);

        String districtPackage = Reports.open(ds, "district_admin", cityNotice, DemoOrgs.DISTRICT);
        include(districtPackage, "district_admin", townshipEntry, "区汇总");
        as("district_admin")
                .post("/api/v1/submissions/" + districtPackage + "/submit")
                .then()
                .statusCode(200);

        // The district's own packages (branch=false) leave out the township's, which answers the district's notice.
        String districtId = Api.orgId(ds, DemoOrgs.DISTRICT);
        as("district_admin")
                .get("/api/v1/submissions?noticeId=" + districtNotice + "&orgId=" + districtId)
                .then()
                .body("total", equalTo(1));
        as("district_admin")
                .get("/api/v1/submissions?noticeId=" + districtNotice + "&orgId=" + districtId + "&branch=false")
                .then()
                .body("total", equalTo(0));
        // Awaiting the city's review: the district's package; nothing awaits the district itself.
        as("city_admin")
                .get("/api/v1/submissions?reviewable=true&noticeId=" + cityNotice)
                .then()
                .body("items.id", contains(districtPackage));
        as("district_admin")
                .get("/api/v1/submissions?reviewable=true&noticeId=" + cityNotice)
                .then()
                .body("total", equalTo(0));

        // The city sees the community's activity, photos included, through its district's package.
        String villageName = Api.queryString(ds, "select name from org where code = ?", village);
        Response seen = as("city_admin").get("/api/v1/submissions/" + districtPackage);
        seen.then()
                .statusCode(200)
                .body("entries[0].originOrgName", equalTo(villageName))
                .body("entries[0].sourceEntryId", equalTo(townshipEntry))
                .body("entries[0].title", equalTo("社区巾帼宣讲"))
                .body("completeness.photos", equalTo(3));
        String photo = seen.path("entries[0].media[0].fileId");
        as("city_admin").get("/api/v1/files/" + photo + "/meta").then().statusCode(200);
        as("city_admin")
                .body(Map.of("decision", "ACCEPT"))
                .post("/api/v1/submissions/" + districtPackage + "/review")
                .then()
                .statusCode(200);
        assertEquals("ACCEPTED|t|t|0", receiptColumns(cityNotice, DemoOrgs.DISTRICT));
        // The community's package itself stays out of the city's list for its notice: it answers the township.
        as("city_admin")
                .get("/api/v1/submissions?noticeId=" + cityNotice)
                .then()
                .body("total", equalTo(1))
                .body(
                        "items[0].orgName",
                        equalTo(Api.queryString(ds, "select name from org where code = ?", DemoOrgs.DISTRICT)));
    }

    /** Includes a subordinate's entry as the package's only one, with a summary; returns the new entry's id. */
    private String include(String submission, String user, String sourceEntry, String summary) {
        Response current = as(user).get("/api/v1/submissions/" + submission);
        Response v = as(user).header("If-Match", current.header("ETag"))
                .body(Map.of(
                        "summary",
                        summary,
                        // Client-side fields of an included entry are ignored: the source's content is copied.
                        "entries",
                        List.of(Map.of("sourceEntryId", sourceEntry, "title", "改写的标题"))))
                .put("/api/v1/submissions/" + submission);
        v.then()
                .statusCode(200)
                .body("entries[0].sourceEntryId", equalTo(sourceEntry))
                .body("entries[0].title", equalTo("社区巾帼宣讲"));
        return v.path("entries[0].id");
    }
}
