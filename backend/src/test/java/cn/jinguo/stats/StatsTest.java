package cn.jinguo.stats;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Files;
import cn.jinguo.support.Notices;
import cn.jinguo.support.Reports;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The figures of the statistics page on report data made through the API, dated in 2031 (no other test uses it):
 *
 * <pre>
 * city notice A (主题甲) → 渝中区 re-issues → 解放碑街道 re-issues → a community reports V1 (03-05, 100 people);
 *   the township includes V1 and adds T1 (04-10, 40); the district includes both and adds D1 (04-20, 25); sent to
 *   the city, not yet accepted. The township's and the community's packages are accepted.
 * city notice B (主题乙) → 江北区 reports J1 (03-15, 60, a photo, an article, a link; accepted and featured) and a
 *   work committee reports W1 (05-02, 7).
 * department notice (部室) → 渝中区 reports DD1 (06-01, 30).
 * </pre>
 *
 * Six activities, whatever the level looking: the copies of V1 and T1 rolled up through two re-issues count once.
 */
@QuarkusTest
class StatsTest {
    static final String THEME_A = "统计测试·主题甲", THEME_B = "统计测试·主题乙", THEME_D = "统计测试·部室";
    private static Scenario world;

    @Inject
    AgroalDataSource ds;

    @Inject
    EntityManagerFactory emf;

    record Scenario(
            StatsWorld w,
            String noticeA,
            String noticeB,
            String noticeD,
            String village,
            String committee,
            String districtPackage,
            String jiangbeiPackage,
            String j1) {}

    private Scenario world() {
        if (world != null) return world;
        StatsWorld w = new StatsWorld(ds, 2031);
        String village = w.village();
        String committee = w.workCommittee();
        Reports.member(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, "ORG_ADMIN");

        String a = w.publish("city_admin", DemoOrgs.CITY, "统计测试通知甲", THEME_A, Notices.allDistricts());
        String ad = Reports.reissue(ds, "district_admin", a, DemoOrgs.DISTRICT);
        String at = Reports.reissue(ds, "township_admin", ad, DemoOrgs.TOWNSHIP);
        Response v = w.report("village_admin", at, village, List.of(StatsWorld.entry("社区宣讲", w.day(3, 5), 100)));
        w.accept("township_admin", v.path("id"));
        Response t = w.report(
                "township_admin",
                ad,
                DemoOrgs.TOWNSHIP,
                List.of(StatsWorld.include(v.path("entries[0].id")), StatsWorld.entry("街道健康讲座", w.day(4, 10), 40)));
        w.accept("district_admin", t.path("id"));
        Response d = w.report(
                "district_admin",
                a,
                DemoOrgs.DISTRICT,
                List.of(
                        StatsWorld.include(t.path("entries[0].id")),
                        StatsWorld.include(t.path("entries[1].id")),
                        StatsWorld.entry("区巾帼志愿服务", w.day(4, 20), 25)));

        Map<String, Object> districtsAndCommittee = Map.of(
                "groups",
                List.of(Map.of("type", "FEDERATION", "level", "DISTRICT")),
                "orgIds",
                List.of(Api.orgId(ds, committee)));
        String b = w.publish("city_admin", DemoOrgs.CITY, "统计测试通知乙", THEME_B, districtsAndCommittee);
        String jiangbei = Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT);
        String photo = Reports.photos(ds, "sibling_admin", DemoOrgs.SIBLING_DISTRICT, 1)
                .get(0);
        String article = Files.upload("sibling_admin", jiangbei, "阅读总结.pdf", Files.pdf("阅读总结"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> j1 = StatsWorld.entry("江北亲子阅读", w.day(3, 15), 60);
        j1.put(
                "media",
                List.of(
                        Map.of("kind", "PHOTO", "fileId", photo),
                        Map.of("kind", "ARTICLE", "fileId", article, "title", "阅读总结"),
                        Map.of("kind", "LINK", "url", "https://mp.weixin.qq.com/s/stats", "title", "公众号报道")));
        Response j = w.report("sibling_admin", b, DemoOrgs.SIBLING_DISTRICT, List.of(j1));
        w.accept("city_admin", j.path("id"));
        as("city_admin")
                .put("/api/v1/submissions/" + j.path("id") + "/entries/" + j.path("entries[0].id") + "/featured")
                .then()
                .statusCode(200);
        w.report("committee_admin", b, committee, List.of(StatsWorld.entry("机关读书会", w.day(5, 2), 7)));

        String dn = w.publish("dept_editor", DemoOrgs.DEPARTMENT, "统计测试部室通知", THEME_D, Notices.allDistricts());
        w.report("district_admin", dn, DemoOrgs.DISTRICT, List.of(StatsWorld.entry("区宣传活动", w.day(6, 1), 30)));

        world = new Scenario(w, a, b, dn, village, committee, d.path("id"), j.path("id"), j.path("entries[0].id"));
        return world;
    }

    private Response stats(String user, String query) {
        Response r = as(user).get("/api/v1/stats?from=2031-01-01&to=2031-12-31" + query);
        r.then().statusCode(200);
        return r;
    }

    /** A grouping as key (or label for org groups) → [activities, participants, reports]. */
    private static Map<String, List<Integer>> groups(Response r, String grouping, boolean byLabel) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        List<Map<String, Object>> rows = r.path(grouping);
        for (Map<String, Object> g : rows) {
            out.put(
                    String.valueOf(g.get(byLabel ? "label" : "key")),
                    List.of((Integer) g.get("activities"), (Integer) g.get("participants"), (Integer)
                            g.get("reports")));
        }
        return out;
    }

    private static List<Integer> totals(Response r) {
        return List.of(
                r.path("totals.activities"),
                r.path("totals.participants"),
                r.path("totals.reports"),
                r.path("totals.orgs"),
                r.path("totals.featured"));
    }

    @Test
    void cityFiguresCountEachActivityOnceInEveryGrouping() {
        Scenario s = world();
        StatsWorld w = s.w();
        Response r = stats("city_admin", "");
        r.then().body("org.name", equalTo(w.name(DemoOrgs.CITY))).body("status", equalTo("SUBMITTED"));
        // V1, T1, D1, J1, W1, DD1; six packages carry them (the district's two, with the roll-up copies, included).
        assertEquals(List.of(6, 262, 6, 5, 1), totals(r));
        assertEquals(
                Map.of(
                        w.name(DemoOrgs.DISTRICT), List.of(4, 195, 4),
                        w.name(DemoOrgs.SIBLING_DISTRICT), List.of(1, 60, 1),
                        w.name(s.committee()), List.of(1, 7, 1)),
                groups(r, "byDistrict", true));
        assertEquals(w.name(DemoOrgs.DISTRICT), r.path("byDistrict[0].label"));
        assertEquals(
                Map.of("FEDERATION", List.of(5, 255, 5), "WORK_COMMITTEE", List.of(1, 7, 1)),
                groups(r, "byOrgType", false));
        // Months ascending; March holds V1 (in three packages through the roll-up) and J1.
        assertEquals(
                List.of("2031-03", "2031-04", "2031-05", "2031-06"),
                new ArrayList<>(groups(r, "byMonth", false).keySet()));
        assertEquals(
                Map.of(
                        "2031-03", List.of(2, 160, 4),
                        "2031-04", List.of(2, 65, 2),
                        "2031-05", List.of(1, 7, 1),
                        "2031-06", List.of(1, 30, 1)),
                groups(r, "byMonth", false));
        assertEquals(
                Map.of(THEME_A, List.of(3, 165, 3), THEME_B, List.of(2, 67, 2), THEME_D, List.of(1, 30, 1)),
                groups(r, "byTheme", false));
    }

    @Test
    void rollUpThroughTwoReissuesDoesNotDoubleTheFigures() {
        Scenario s = world();
        // Three copies of the community's activity exist (community, township, district packages)...
        assertEquals(
                3,
                Api.count(
                        ds,
                        "select count(*) from submission_entry where title = '社区宣讲' and held_on = date '2031-03-05'"));
        // ...and the city's notice with its re-issues counts it once: V1, T1, D1.
        Response r = stats("city_admin", "&noticeId=" + s.noticeA());
        assertEquals(List.of(3, 165, 3, 3, 0), totals(r));
        // Accepted only: the district's package is not accepted yet, so the township's copies are the highest that
        // count.
        Response accepted = stats("city_admin", "&status=ACCEPTED");
        assertEquals(List.of(3, 200, 3, 3, 1), totals(accepted));
        as("city_admin")
                .get("/api/v1/stats/activities?from=2031-01-01&to=2031-12-31&status=ACCEPTED&q=社区")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].reporterOrgName", equalTo(s.w().name(DemoOrgs.TOWNSHIP)));
        // The district sees its branch: the copies it sent up count once, grouped by its townships and itself.
        Response district = stats("district_admin", "");
        assertEquals(List.of(4, 195, 4, 3, 0), totals(district));
        assertEquals(
                Map.of(
                        s.w().name(DemoOrgs.TOWNSHIP), List.of(2, 140, 3),
                        s.w().name(DemoOrgs.DISTRICT), List.of(2, 55, 2)),
                groups(district, "byDistrict", true));
    }

    @Test
    void scopeTownshipDepartmentAndSiblings() {
        Scenario s = world();
        StatsWorld w = s.w();
        // A township sees its own branch: the community's activity (as the township sent it up) and its own.
        Response township = stats("township_admin", "");
        township.then().body("org.name", equalTo(w.name(DemoOrgs.TOWNSHIP)));
        assertEquals(List.of(2, 140, 2, 2, 0), totals(township));
        assertEquals(
                Map.of(w.name(s.village()), List.of(1, 100, 2), w.name(DemoOrgs.TOWNSHIP), List.of(1, 40, 1)),
                groups(township, "byDistrict", true));
        // Nothing above or beside it.
        for (String code : new String[] {DemoOrgs.DISTRICT, DemoOrgs.SIBLING_DISTRICT, DemoOrgs.CITY}) {
            as("township_admin")
                    .get("/api/v1/stats?orgId=" + Api.orgId(ds, code))
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("ORG_NOT_FOUND"));
            as("township_admin")
                    .get("/api/v1/stats/activities?orgId=" + Api.orgId(ds, code))
                    .then()
                    .statusCode(404);
        }
        // A notice the township cannot read is 404 as a filter too.
        as("township_admin")
                .get("/api/v1/stats?noticeId=" + s.noticeB())
                .then()
                .statusCode(404)
                .body("code", equalTo("NOTICE_NOT_FOUND"));
        // The sibling district sees its own activity only.
        assertEquals(List.of(1, 60, 1, 1, 1), totals(stats("sibling_admin", "")));
        // The department sees the answers to its own notice, grouped by the answering district, and nothing else.
        Response dept = stats("dept_editor", "");
        dept.then().body("org.name", equalTo(w.name(DemoOrgs.DEPARTMENT)));
        assertEquals(List.of(1, 30, 1, 1, 0), totals(dept));
        assertEquals(Map.of(w.name(DemoOrgs.DISTRICT), List.of(1, 30, 1)), groups(dept, "byDistrict", true));
        as("dept_editor")
                .get("/api/v1/stats/activities?from=2031-01-01&to=2031-12-31")
                .then()
                .statusCode(200)
                .body("items.title", contains("区宣传活动"));
        // The city may look at a branch below it.
        assertEquals(
                List.of(1, 60, 1, 1, 1),
                totals(stats("city_admin", "&orgId=" + Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT))));
        // An identity without an account is refused.
        as("nobody_at_all").get("/api/v1/stats").then().statusCode(403);
    }

    @Test
    void activityListPagesFiltersAndShowsWhereEachActivityCameFrom() {
        Scenario s = world();
        StatsWorld w = s.w();
        String base = "/api/v1/stats/activities?from=2031-01-01&to=2031-12-31";
        as("city_admin")
                .get(base)
                .then()
                .statusCode(200)
                .body("total", equalTo(6))
                .body("items.title", contains("区宣传活动", "机关读书会", "区巾帼志愿服务", "街道健康讲座", "江北亲子阅读", "社区宣讲"))
                // The community's activity as it reached the city: through the district's package.
                .body("items[5].originOrgName", equalTo(w.name(s.village())))
                .body("items[5].districtName", equalTo(w.name(DemoOrgs.DISTRICT)))
                .body("items[5].reporterOrgName", equalTo(w.name(DemoOrgs.DISTRICT)))
                .body("items[5].submissionId", equalTo(s.districtPackage()))
                .body("items[5].status", equalTo("SUBMITTED"))
                .body("items[5].participants", equalTo(100))
                .body("items[5].notice.id", equalTo(s.noticeA()))
                .body("items[4].featured", equalTo(true));
        as("city_admin")
                .get(base + "&size=2&page=1")
                .then()
                .body("total", equalTo(6))
                .body("page", equalTo(1))
                .body("items.title", contains("区巾帼志愿服务", "街道健康讲座"));
        as("city_admin").get(base + "&q=宣讲").then().body("total", equalTo(1)).body("items[0].title", equalTo("社区宣讲"));
        as("city_admin")
                .get(base + "&featured=true")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(s.j1()));
        as("city_admin").get(base + "&featured=false").then().body("total", equalTo(5));
        as("city_admin").get(base + "&noticeId=" + s.noticeB()).then().body("items.title", contains("机关读书会", "江北亲子阅读"));
        as("city_admin")
                .get("/api/v1/stats/activities?from=2031-04-01&to=2031-04-30")
                .then()
                .body("items.title", contains("区巾帼志愿服务", "街道健康讲座"));
    }

    @Test
    void badInputsAre400() {
        record Case(String query, String code, String field) {}
        List<Case> cases = List.of(
                new Case("from=2031-13-01", "VALIDATION_FAILED", "from"),
                new Case("to=yesterday", "VALIDATION_FAILED", "to"),
                new Case("from=2031-05-01&to=2031-04-30", "VALIDATION_FAILED", "to"),
                new Case("status=REJECTED", "PARAMETER_INVALID", null));
        for (Case c : cases) {
            for (String path :
                    new String[] {"/api/v1/stats?", "/api/v1/stats/activities?", "/api/v1/stats/activities/export?"}) {
                var then = as("city_admin")
                        .header("Accept-Language", "zh-CN")
                        .get(path + c.query())
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("code", equalTo(c.code()));
                if (c.field() != null) then.body("errors[0].field", equalTo(c.field()));
            }
        }
        as("city_admin")
                .header("Accept-Language", "en")
                .get("/api/v1/stats?from=2031-05-01&to=2031-04-30")
                .then()
                .body("errors[0].message", equalTo("the end date must not be before the start date"));
        as("city_admin")
                .get("/api/v1/stats/activities?size=201")
                .then()
                .statusCode(400)
                .body("code", equalTo("PAGE_INVALID"));
        as("city_admin").get("/api/v1/stats/activities?page=-1").then().statusCode(400);
        as("city_admin")
                .get("/api/v1/stats?noticeId=999999999")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOTICE_NOT_FOUND"));
        as("city_admin").get("/api/v1/stats?orgId=abc").then().statusCode(404);
    }

    @Test
    void excelExportHoldsTheListWithChineseHeaders() throws IOException {
        Scenario s = world();
        StatsWorld w = s.w();
        Response r =
                as("city_admin").accept("*/*").get("/api/v1/stats/activities/export?from=2031-01-01&to=2031-12-31");
        r.then()
                .statusCode(200)
                .contentType(StatsExport.XLSX)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(StatsExport.HEADERS, cells(sheet.getRow(0)));
            assertEquals(6, sheet.getLastRowNum());
            // Latest first, as the list: the last row is the community's activity, sent up by the district.
            assertEquals(
                    List.of(
                            "社区宣讲",
                            "2031-03-05",
                            "妇女儿童之家",
                            "100",
                            w.name(s.village()),
                            w.name(DemoOrgs.DISTRICT),
                            w.name(DemoOrgs.DISTRICT),
                            Api.queryString(
                                    ds, "select doc_number from notice where id = ?", Long.parseLong(s.noticeA())),
                            "待审核",
                            "否"),
                    cells(sheet.getRow(6)));
            assertEquals(
                    List.of("江北亲子阅读", "是"),
                    List.of(
                            cells(sheet.getRow(5)).get(0),
                            cells(sheet.getRow(5)).get(9)));
            assertEquals("说明", wb.getSheetName(1));
        }
        // The same filters and scope as the list: a township's export holds its two rows only.
        Response township =
                as("township_admin").accept("*/*").get("/api/v1/stats/activities/export?from=2031-01-01&to=2031-12-31");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(township.asByteArray()))) {
            assertEquals(2, wb.getSheetAt(0).getLastRowNum());
        }
        as("township_admin")
                .accept("*/*")
                .get("/api/v1/stats/activities/export?orgId=" + Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT))
                .then()
                .statusCode(404);
    }

    @Test
    void featuredPackZipsTheWorkbookFilesAndLinksForTheIssuerOnly() throws IOException {
        Scenario s = world();
        Response r = as("city_admin").accept("*/*").get("/api/v1/notices/" + s.noticeB() + "/featured-pack");
        r.then().statusCode(200).contentType(StatsExport.ZIP);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip =
                new ZipInputStream(new ByteArrayInputStream(r.asByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) files.put(e.getName(), zip.readAllBytes());
        }
        String folder = "01-江北亲子阅读（" + s.w().name(DemoOrgs.SIBLING_DISTRICT) + "）";
        assertEquals(
                List.of("精选活动.xlsx", folder + "/照片01-活动照片0.png", folder + "/文章01-阅读总结.pdf", "links.txt"),
                new ArrayList<>(files.keySet()));
        assertTrue(new String(files.get(folder + "/文章01-阅读总结.pdf"), StandardCharsets.UTF_8).startsWith("%PDF"));
        String links = new String(files.get("links.txt"), StandardCharsets.UTF_8);
        assertTrue(links.contains(folder + "\t链接\t公众号报道\thttps://mp.weixin.qq.com/s/stats"), links);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(files.get("精选活动.xlsx")))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> headers = new ArrayList<>(StatsExport.HEADERS);
            headers.add("素材文件夹");
            assertEquals(headers, cells(sheet.getRow(0)));
            assertEquals(1, sheet.getLastRowNum());
            assertEquals("江北亲子阅读", cells(sheet.getRow(1)).get(0));
            assertEquals(folder, cells(sheet.getRow(1)).get(10));
        }
        // A recipient of the notice may read it but not take its pack; an org that cannot read it gets 404.
        as("sibling_admin")
                .get("/api/v1/notices/" + s.noticeB() + "/featured-pack")
                .then()
                .statusCode(403)
                .body("code", equalTo("STATS_PACK_ISSUER_ONLY"));
        as("township_admin")
                .get("/api/v1/notices/" + s.noticeB() + "/featured-pack")
                .then()
                .statusCode(404);
        as("city_admin").get("/api/v1/notices/abc/featured-pack").then().statusCode(404);
        // A notice without featured entries: the workbook (headers only) and an empty link list.
        Response empty = as("city_admin").accept("*/*").get("/api/v1/notices/" + s.noticeA() + "/featured-pack");
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip =
                new ZipInputStream(new ByteArrayInputStream(empty.asByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) names.add(e.getName());
        }
        assertEquals(List.of("精选活动.xlsx", "links.txt"), names);
    }

    @Test
    void figuresAndListTakeAFixedNumberOfStatements() {
        world();
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            stats("city_admin", "&noticeId=" + world.noticeA());
            long figures = statistics.getPrepareStatementCount();
            statistics.clear();
            as("city_admin")
                    .get("/api/v1/stats/activities?from=2031-01-01&to=2031-12-31&size=2&page=1")
                    .then()
                    .statusCode(200);
            long page = statistics.getPrepareStatementCount();
            statistics.clear();
            as("city_admin")
                    .get("/api/v1/stats/activities?from=2031-01-01&to=2031-12-31&size=200")
                    .then()
                    .statusCode(200);
            long all = statistics.getPrepareStatementCount();
            // The account, the notice filter's check, then one statement for the figures; a page of the list is its
            // rows and their count. Neither grows with the rows.
            assertTrue(figures > 0 && figures <= 4, "statements for the figures (0: statistics off): " + figures);
            assertTrue(page <= 4, "statements for a page of the list: " + page);
            assertTrue(all <= page, "statements for the whole list: " + all);
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private static List<String> cells(Row row) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) out.add(f.formatCellValue(row.getCell(c)));
        return out;
    }
}
