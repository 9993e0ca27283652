package cn.jinguo.org;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrgResourceTest {
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String ADMIN = "district_admin";

    @Inject
    AgroalDataSource ds;

    private String district() {
        return Api.orgId(ds, DemoOrgs.DISTRICT);
    }

    private static String newCode(String prefix) {
        return prefix + (System.nanoTime() % 100_000_000) + SERIAL.incrementAndGet();
    }

    private String createUnder(String user, String parentId, String type, String level) {
        String code = newCode("N");
        Map<String, Object> body =
                new HashMap<>(Map.of("parentId", parentId, "code", code, "name", "新组织" + code, "type", type));
        if (level != null) body.put("level", level);
        return as(user).body(body)
                .post("/api/v1/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void districtAdminCreatesATownshipWithLocationEtagAndAudit() {
        String code = newCode("5001039");
        Response r = as(ADMIN)
                .body(Map.of(
                        "parentId",
                        district(),
                        "code",
                        code,
                        "name",
                        "朝天门新区街道妇联",
                        "type",
                        "FEDERATION",
                        "level",
                        "TOWNSHIP",
                        "contactPhone",
                        "023-63001234",
                        "contactEmail",
                        "ctm@example.cn"))
                .post("/api/v1/orgs");
        r.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/orgs/"))
                .header("ETag", notNullValue())
                .body("code", equalTo(code))
                .body("parentId", equalTo(district()))
                .body("depth", equalTo(2))
                .body("childCount", equalTo(0))
                .body("active", equalTo(true));
        String id = r.path("id");
        assertEquals(
                "/" + Api.queryString(ds, "select id from org where code = ?", DemoOrgs.CITY) + "/" + district() + "/"
                        + id + "/",
                Api.queryString(ds, "select path from org where id = ?", Long.parseLong(id)));
        assertEquals(
                1,
                Api.count(
                        ds,
                        "select count(*) from audit_event where action = 'org.create' and target_id = ? and actor = ?",
                        id,
                        ADMIN));
    }

    @Test
    void invalidInputIsA400WithFieldErrorsAndChangesNothing() {
        long before = Api.count(ds, "select count(*) from org");
        as(ADMIN)
                .body(Map.of(
                        "parentId",
                        district(),
                        "code",
                        "has space",
                        "name",
                        " ",
                        "type",
                        "FEDERATION",
                        "contactEmail",
                        "not-an-email"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("contactEmail"))
                .body("errors.find { it.field == 'name' }.message", equalTo("不能为空"));
        as(ADMIN)
                .body("{\"parentId\": \"1\", \"type\": \"NOT_A_TYPE\"}")
                .post("/api/v1/orgs")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_JSON"))
                .body("errors[0].field", equalTo("type"));
        as(ADMIN).body("{broken").post("/api/v1/orgs").then().statusCode(400).body("code", equalTo("INVALID_JSON"));
        as(ADMIN).get("/api/v1/orgs?size=500").then().statusCode(400).body("code", equalTo("PAGE_INVALID"));
        assertEquals(before, Api.count(ds, "select count(*) from org"));
    }

    @Test
    void treeRulesAre422() {
        String district = district();
        long before = Api.count(ds, "select count(*) from org");
        // a district-level federation under a district
        as(ADMIN)
                .body(Map.of(
                        "parentId",
                        district,
                        "code",
                        newCode("R"),
                        "name",
                        "错层妇联",
                        "type",
                        "FEDERATION",
                        "level",
                        "DISTRICT"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(422)
                .body("code", equalTo("ORG_LEVEL_BELOW_PARENT"));
        // a federation without a level, a level on a work committee
        as(ADMIN)
                .body(Map.of("parentId", district, "code", newCode("R"), "name", "无层级", "type", "FEDERATION"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(422)
                .body("code", equalTo("ORG_LEVEL_REQUIRED"));
        as(ADMIN)
                .body(Map.of(
                        "parentId",
                        district,
                        "code",
                        newCode("R"),
                        "name",
                        "有层级的妇委会",
                        "type",
                        "WORK_COMMITTEE",
                        "level",
                        "VILLAGE"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(422)
                .body("code", equalTo("ORG_LEVEL_ONLY_FOR_FEDERATION"));
        // a federation under a work committee
        String committee = createUnder(ADMIN, district, "WORK_COMMITTEE", null);
        as(ADMIN)
                .body(Map.of(
                        "parentId",
                        committee,
                        "code",
                        newCode("R"),
                        "name",
                        "妇委会下的妇联",
                        "type",
                        "FEDERATION",
                        "level",
                        "VILLAGE"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(422)
                .body("code", equalTo("ORG_FEDERATION_PARENT"));
        assertEquals(before + 1, Api.count(ds, "select count(*) from org"));
    }

    @Test
    void duplicatesAre409() {
        String township = Api.orgId(ds, DemoOrgs.TOWNSHIP);
        as(ADMIN)
                .body(Map.of("parentId", township, "code", DemoOrgs.TOWNSHIP_2, "name", "重复编码", "type", "SOCIAL"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(409)
                .body("code", equalTo("ORG_CODE_TAKEN"));
        String existingName = Api.queryString(
                ds, "select name from org where parent_id = ? and active limit 1", Long.parseLong(township));
        as(ADMIN)
                .body(Map.of(
                        "parentId",
                        township,
                        "code",
                        newCode("D"),
                        "name",
                        existingName,
                        "type",
                        "FEDERATION",
                        "level",
                        "VILLAGE"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(409)
                .body("code", equalTo("ORG_NAME_TAKEN"));
    }

    @Test
    void updateNeedsAFreshIfMatch() {
        String id = createUnder(ADMIN, district(), "WORK_COMMITTEE", null);
        Response current = as(ADMIN).get("/api/v1/orgs/" + id);
        Map<String, Object> body = OrgScopeMatrixTest.updateBodyOf(current);
        body.put("contactPerson", "周敏");
        as(ADMIN)
                .body(body)
                .put("/api/v1/orgs/" + id)
                .then()
                .statusCode(428)
                .body("code", equalTo("PRECONDITION_REQUIRED"));
        Response updated =
                as(ADMIN).header("If-Match", current.header("ETag")).body(body).put("/api/v1/orgs/" + id);
        updated.then().statusCode(200).body("contactPerson", equalTo("周敏"));
        body.put("contactPerson", "吴芳");
        as(ADMIN)
                .header("If-Match", current.header("ETag"))
                .body(body)
                .put("/api/v1/orgs/" + id)
                .then()
                .statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        assertEquals("周敏", Api.queryString(ds, "select contact_person from org where id = ?", Long.parseLong(id)));
        assertEquals(
                1, Api.count(ds, "select count(*) from audit_event where action = 'org.update' and target_id = ?", id));
    }

    @Test
    void moveCarriesTheSubtreeAndRefusesCycles() {
        String a = createUnder(ADMIN, district(), "WORK_COMMITTEE", null);
        String child = createUnder(ADMIN, a, "SOCIAL", null);
        String grandChild = createUnder(ADMIN, child, "SOCIAL", null);
        String township = Api.orgId(ds, DemoOrgs.TOWNSHIP);

        as(ADMIN)
                .body(Map.of("newParentId", grandChild))
                .post("/api/v1/orgs/" + a + "/move")
                .then()
                .statusCode(409)
                .body("code", equalTo("ORG_MOVE_CYCLE"));
        as(ADMIN)
                .body(Map.of("newParentId", a))
                .post("/api/v1/orgs/" + a + "/move")
                .then()
                .statusCode(409);
        as(ADMIN)
                .body(Map.of("newParentId", township))
                .post("/api/v1/orgs/" + a + "/move")
                .then()
                .statusCode(200)
                .body("parentId", equalTo(township))
                .body("depth", equalTo(3));
        String path = Api.queryString(ds, "select path from org where id = ?", Long.parseLong(grandChild));
        assertEquals(
                Api.queryString(ds, "select path from org where id = ?", Long.parseLong(township)) + a + "/" + child
                        + "/" + grandChild + "/",
                path);
        assertEquals("5", Api.queryString(ds, "select depth from org where id = ?", Long.parseLong(grandChild)));
        as(ADMIN)
                .get("/api/v1/orgs/" + grandChild + "/ancestors")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(district(), township, a, child)));
        // a federation cannot move under a work committee
        String village = createUnder(ADMIN, township, "FEDERATION", "VILLAGE");
        as(ADMIN)
                .body(Map.of("newParentId", a))
                .post("/api/v1/orgs/" + village + "/move")
                .then()
                .statusCode(422)
                .body("code", equalTo("ORG_FEDERATION_PARENT"));
    }

    @Test
    void closingNeedsNoOpenChildrenAndTheOwnRootIsManagedFromAbove() {
        String parent = createUnder(ADMIN, district(), "WORK_COMMITTEE", null);
        String child = createUnder(ADMIN, parent, "SOCIAL", null);
        as(ADMIN)
                .body(Map.of())
                .post("/api/v1/orgs/" + parent + "/close")
                .then()
                .statusCode(422)
                .body("code", equalTo("ORG_HAS_OPEN_CHILDREN"));
        as(ADMIN)
                .body(Map.of("closedOn", "2026-06-30", "reason", "合并"))
                .post("/api/v1/orgs/" + child + "/close")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("closedOn", equalTo("2026-06-30"));
        as(ADMIN).body(Map.of()).post("/api/v1/orgs/" + child + "/close").then().statusCode(409);
        as(ADMIN).get("/api/v1/orgs/" + parent + "/children").then().body("total", equalTo(0));
        as(ADMIN)
                .get("/api/v1/orgs/" + parent + "/children?includeClosed=true")
                .then()
                .body("total", equalTo(1));
        as(ADMIN)
                .body(Map.of())
                .post("/api/v1/orgs/" + district() + "/close")
                .then()
                .statusCode(403);
    }

    @Test
    void childrenArePagedInSiblingOrderWithChildCounts() {
        String district = district();
        Response first = as(ADMIN).get("/api/v1/orgs/" + district + "/children?size=5");
        first.then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("total", greaterThan(5))
                .body("items[0].childCount", greaterThan(0));
        List<Integer> orders = first.path("items.sortOrder");
        for (int i = 1; i < orders.size(); i++)
            org.junit.jupiter.api.Assertions.assertTrue(orders.get(i - 1) <= orders.get(i));
        List<String> ids = first.path("items.id");
        String last = ids.get(ids.size() - 1);
        as(ADMIN)
                .body(Map.of("childIds", List.of(last)))
                .put("/api/v1/orgs/" + district + "/children/order")
                .then()
                .statusCode(204);
        as(ADMIN).get("/api/v1/orgs/" + district + "/children?size=1").then().body("items[0].id", equalTo(last));
        as(ADMIN)
                .body(Map.of("childIds", List.of(Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT))))
                .put("/api/v1/orgs/" + district + "/children/order")
                .then()
                .statusCode(422);
    }

    @Test
    void searchStaysInsideTheCallersSubtree() {
        String districtPath = Api.queryString(ds, "select path from org where code = ?", DemoOrgs.DISTRICT);
        Response r = as(ADMIN).get("/api/v1/orgs?q=社区&size=200");
        r.then().statusCode(200).body("total", greaterThan(0));
        List<String> ids = r.path("items.id");
        for (String id : ids) {
            org.junit.jupiter.api.Assertions.assertTrue(
                    Api.queryString(ds, "select path from org where id = ?", Long.parseLong(id))
                            .startsWith(districtPath));
        }
        int districtTotal = r.path("total");
        as("city_admin").get("/api/v1/orgs?q=社区&size=1").then().body("total", greaterThan(districtTotal));
        as(ADMIN).get("/api/v1/orgs?q=江北").then().body("total", equalTo(0));
        as(ADMIN).get("/api/v1/orgs?q=" + DemoOrgs.TOWNSHIP).then().body("items[0].code", equalTo(DemoOrgs.TOWNSHIP));
        as(ADMIN)
                .get("/api/v1/orgs?type=FEDERATION&level=TOWNSHIP&size=200")
                .then()
                .body("items.level", everyItem(equalTo("TOWNSHIP")))
                .body("total", lessThanOrEqualTo(20));
        as(ADMIN).get("/api/v1/orgs?q=%25").then().statusCode(200).body("total", equalTo(0));
        as(ADMIN)
                .get("/api/v1/orgs?parentId=" + district())
                .then()
                .statusCode(200)
                .body("items.parentId", everyItem(equalTo(district())));
        as(ADMIN)
                .get("/api/v1/orgs?parentId=" + Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT))
                .then()
                .statusCode(404);
        // Names for a batch of ids in one call; ids outside the scope are simply not there.
        String township = Api.orgId(ds, DemoOrgs.TOWNSHIP);
        as(ADMIN)
                .get("/api/v1/orgs?id=" + district() + "&id=" + township + "&id="
                        + Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT))
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.code", equalTo(List.of(DemoOrgs.DISTRICT, DemoOrgs.TOWNSHIP)));
        as(ADMIN).get("/api/v1/orgs?id=abc").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void rootsAndCountsFollowTheScope() {
        as(ADMIN).get("/api/v1/orgs/roots").then().statusCode(200).body("code", equalTo(List.of(DemoOrgs.DISTRICT)));
        as("city_admin").get("/api/v1/orgs/roots").then().body("code", equalTo(List.of(DemoOrgs.CITY)));
        as("platform_admin", "PLATFORM_ADMIN").get("/api/v1/orgs/roots").then().body("code", hasItem(DemoOrgs.CITY));
        as(ADMIN)
                .get("/api/v1/orgs/" + district() + "/counts")
                .then()
                .statusCode(200)
                .body("descendants", greaterThan(50))
                .body("byLevel.TOWNSHIP", greaterThanOrEqualTo(11))
                .body("byType.FEDERATION", greaterThan(50));
        as("township_admin")
                .get("/api/v1/orgs/" + Api.orgId(ds, DemoOrgs.TOWNSHIP) + "/ancestors")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void unknownIdsAndRoutesAre404Problems() {
        as(ADMIN).get("/api/v1/orgs/999999999").then().statusCode(404).body("code", equalTo("ORG_NOT_FOUND"));
        as(ADMIN).get("/api/v1/orgs/abc").then().statusCode(404).body("code", equalTo("ORG_NOT_FOUND"));
        as(ADMIN)
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", startsWith("urn:jinguo:problem:"));
    }

    @Test
    void unconvertibleParametersAre400NotMissingResources() {
        as(ADMIN).get("/api/v1/orgs?type=FOO").then().statusCode(400).body("code", equalTo("PARAMETER_INVALID"));
        as(ADMIN).get("/api/v1/orgs?page=abc").then().statusCode(400).body("code", equalTo("PARAMETER_INVALID"));
        as(ADMIN)
                .get("/api/v1/orgs?page=2000000000&size=200")
                .then()
                .statusCode(400)
                .body("code", equalTo("PAGE_INVALID"));
    }

    @Test
    void anOrgFromOutsideCannotBeMovedIntoTheOwnSubtree() {
        String foreign = Api.orgId(ds, DemoOrgs.SIBLING_TOWNSHIP);
        String before = Api.queryString(ds, "select path from org where id = ?", Long.parseLong(foreign));
        as(ADMIN)
                .body(Map.of("newParentId", Api.orgId(ds, DemoOrgs.TOWNSHIP)))
                .post("/api/v1/orgs/" + foreign + "/move")
                .then()
                .statusCode(404)
                .body("code", equalTo("ORG_NOT_FOUND"));
        assertEquals(before, Api.queryString(ds, "select path from org where id = ?", Long.parseLong(foreign)));
    }

    @Test
    void reopeningNeedsOrgWrite() {
        String org = createUnder(ADMIN, district(), "SOCIAL", null);
        as(ADMIN).body(Map.of()).post("/api/v1/orgs/" + org + "/close").then().statusCode(200);
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        as("district_editor").post("/api/v1/orgs/" + org + "/reopen").then().statusCode(403);
        assertEquals("f", Api.queryString(ds, "select active from org where id = ?", Long.parseLong(org)));
        as(ADMIN).post("/api/v1/orgs/" + org + "/reopen").then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void historyFollowsAMovedSubtree() {
        String org = createUnder(ADMIN, district(), "WORK_COMMITTEE", null);
        String child = createUnder(ADMIN, org, "SOCIAL", null);
        as("platform_admin", "PLATFORM_ADMIN")
                .body(Map.of("newParentId", Api.orgId(ds, DemoOrgs.SIBLING_DISTRICT)))
                .post("/api/v1/orgs/" + org + "/move")
                .then()
                .statusCode(200);
        String newPath = Api.queryString(ds, "select path from org where id = ?", Long.parseLong(child));
        assertEquals(
                newPath,
                Api.queryString(
                        ds, "select org_path from audit_event where action = 'org.create' and target_id = ?", child));
        // The old district no longer reads the moved orgs' history.
        as(ADMIN).get("/api/v1/audit?targetId=" + child).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eachOrgSaysWhatTheCallerMayDoWithIt() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
        as(ADMIN)
                .get("/api/v1/orgs/" + district())
                .then()
                .statusCode(200)
                .body("actions", equalTo(List.of("UPDATE", "CREATE_CHILD", "REORDER_CHILDREN")));
        as(ADMIN)
                .get("/api/v1/orgs/" + Api.orgId(ds, DemoOrgs.TOWNSHIP))
                .then()
                .body("actions", equalTo(List.of("UPDATE", "CREATE_CHILD", "REORDER_CHILDREN", "MOVE", "CLOSE")));
        as("district_editor")
                .get("/api/v1/orgs/" + Api.orgId(ds, DemoOrgs.TOWNSHIP))
                .then()
                .statusCode(200)
                .body("actions", equalTo(List.of()));
        as(ADMIN)
                .get("/api/v1/orgs/" + district() + "/children?size=1")
                .then()
                .body("items[0].actions", hasItem("MOVE"));
    }
}
