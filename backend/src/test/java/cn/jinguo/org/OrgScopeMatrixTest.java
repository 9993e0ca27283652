package cn.jinguo.org;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every org endpoint × role at the district × target (own, child, sibling district, foreign branch).
 * Outside the subtree is always 404; inside, a role without the right is 403.
 */
@QuarkusTest
class OrgScopeMatrixTest {
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Inject
    AgroalDataSource ds;

    enum Target {
        OWN(DemoOrgs.DISTRICT),
        CHILD(DemoOrgs.TOWNSHIP),
        SIBLING(DemoOrgs.SIBLING_DISTRICT),
        FOREIGN(DemoOrgs.DEPARTMENT);

        final String code;

        Target(String code) {
            this.code = code;
        }

        boolean inside() {
            return this == OWN || this == CHILD;
        }
    }

    static final List<String> USERS =
            List.of("district_admin", "district_editor", "district_reviewer", "district_viewer");

    @BeforeEach
    void accounts() {
        DemoOrgs.ensureDistrictRoleAccounts(ds);
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String user : USERS) for (Target t : Target.values()) all.add(Arguments.of(user, t));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("cases")
    void reads(String user, Target target) {
        String id = Api.orgId(ds, target.code);
        int expected = target.inside() ? 200 : 404;
        for (String path : List.of("", "/children", "/ancestors", "/counts")) {
            as(user).get("/api/v1/orgs/" + id + path).then().statusCode(expected);
        }
    }

    @ParameterizedTest(name = "{0} updates {1}")
    @MethodSource("cases")
    void updates(String user, Target target) {
        String id = Api.orgId(ds, target.code);
        Response current = as("platform_admin", "PLATFORM_ADMIN").get("/api/v1/orgs/" + id);
        Map<String, Object> body = updateBodyOf(current);
        int before = current.path("version");
        Response r =
                as(user).header("If-Match", current.header("ETag")).body(body).put("/api/v1/orgs/" + id);
        r.then().statusCode(expected(user, target));
        if (r.statusCode() != 200)
            assertEquals(before, (int) as("platform_admin", "PLATFORM_ADMIN")
                    .get("/api/v1/orgs/" + id)
                    .path("version"));
    }

    @ParameterizedTest(name = "{0} creates under {1}")
    @MethodSource("cases")
    void creates(String user, Target target) {
        String id = Api.orgId(ds, target.code);
        String code = "T" + System.nanoTime() % 1_000_000_000 + SERIAL.incrementAndGet();
        boolean federationParent = target != Target.FOREIGN;
        Map<String, Object> body = Map.of(
                "parentId",
                id,
                "code",
                code,
                "name",
                "测试组织" + code,
                "type",
                federationParent ? "WORK_COMMITTEE" : "SOCIAL");
        long before = Api.count(ds, "select count(*) from org");
        as(user).body(body)
                .post("/api/v1/orgs")
                .then()
                .statusCode(expected(user, target) == 200 ? 201 : expected(user, target));
        long after = Api.count(ds, "select count(*) from org");
        assertEquals(before + (user.equals("district_admin") && target.inside() ? 1 : 0), after);
    }

    @ParameterizedTest(name = "{0} reorders children of {1}")
    @MethodSource("cases")
    void reorders(String user, Target target) {
        String id = Api.orgId(ds, target.code);
        List<String> childIds = as("platform_admin", "PLATFORM_ADMIN")
                .get("/api/v1/orgs/" + id + "/children?size=200")
                .path("items.id");
        if (childIds.isEmpty()) {
            // Some targets are leaves in the demo tree; give them a child so the call has something to order.
            String code = "R" + System.nanoTime() % 1_000_000_000 + SERIAL.incrementAndGet();
            childIds = List.of(as("platform_admin", "PLATFORM_ADMIN")
                    .body(Map.of("parentId", id, "code", code, "name", "排序" + code, "type", "SOCIAL"))
                    .post("/api/v1/orgs")
                    .then()
                    .statusCode(201)
                    .extract()
                    .<String>path("id"));
        }
        int expected = expected(user, target);
        as(user).body(Map.of("childIds", List.of(childIds.get(0))))
                .put("/api/v1/orgs/" + id + "/children/order")
                .then()
                .statusCode(expected == 200 ? 204 : expected);
    }

    @ParameterizedTest(name = "{0} closes a new child of {1}")
    @MethodSource("cases")
    void closesAndReopens(String user, Target target) {
        String parentId = Api.orgId(ds, target.code);
        String code = "C" + System.nanoTime() % 1_000_000_000 + SERIAL.incrementAndGet();
        String id = as("platform_admin", "PLATFORM_ADMIN")
                .body(Map.of("parentId", parentId, "code", code, "name", "待关闭" + code, "type", "SOCIAL"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        int expected = expected(user, target);
        as(user).body(Map.of("reason", "测试"))
                .post("/api/v1/orgs/" + id + "/close")
                .then()
                .statusCode(expected);
        assertEquals(
                expected == 200 ? "f" : "t",
                Api.queryString(ds, "select active from org where id = ?", Long.parseLong(id)));
        if (expected == 200) {
            as(user).post("/api/v1/orgs/" + id + "/reopen")
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(true));
        }
    }

    @ParameterizedTest(name = "{0} moves a new org into {1}")
    @MethodSource("cases")
    void movesInto(String user, Target target) {
        // The moved org starts under the district's second township, which every district member can see.
        String from = Api.orgId(ds, DemoOrgs.TOWNSHIP_2);
        String code = "M" + System.nanoTime() % 1_000_000_000 + SERIAL.incrementAndGet();
        String id = as("platform_admin", "PLATFORM_ADMIN")
                .body(Map.of("parentId", from, "code", code, "name", "待移动" + code, "type", "SOCIAL"))
                .post("/api/v1/orgs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String to = Api.orgId(ds, target.code);
        as(user).body(Map.of("newParentId", to))
                .post("/api/v1/orgs/" + id + "/move")
                .then()
                .statusCode(expected(user, target));
        String parent = Api.queryString(ds, "select parent_id from org where id = ?", Long.parseLong(id));
        assertEquals(expected(user, target) == 200 ? to : from, parent);
    }

    /** 200 for the district admin inside its subtree, 403 for the other roles inside, 404 outside. */
    private static int expected(String user, Target target) {
        if (!target.inside()) return 404;
        return user.equals("district_admin") ? 200 : 403;
    }

    static Map<String, Object> updateBodyOf(Response current) {
        Map<String, Object> body = new java.util.HashMap<>();
        for (String f : List.of(
                "code",
                "name",
                "shortName",
                "type",
                "level",
                "contactPerson",
                "contactPhone",
                "contactEmail",
                "openedOn")) {
            Object v = current.path(f);
            if (v != null) body.put(f, v);
        }
        return body;
    }
}
