package cn.jinguo.plan;

import static cn.jinguo.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.jinguo.support.Api;
import cn.jinguo.support.DemoOrgs;
import cn.jinguo.support.Plans;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad input is refused field by field (400), with a stable code and a message per language, and changes nothing. */
@QuarkusTest
class PlanValidationTest {
    @Inject
    AgroalDataSource ds;

    private String district() {
        return Api.orgId(ds, DemoOrgs.DISTRICT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> body, int index) {
        return ((List<Map<String, Object>>) body.get("items")).get(index);
    }

    private Map<String, Object> broken(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Plans.body(district(), null, "坏数据");
        change.accept(body);
        return body;
    }

    private long changes() {
        return Api.count(ds, "select count(*) from audit_event where target_type = 'plan'");
    }

    @Test
    void badContentIsRefusedOnItsFieldAndChangesNothing() {
        String plan = Plans.create("district_admin", Plans.body(district(), null, Plans.title("待修改方案")));
        Response read = as("district_admin").get("/api/v1/plans/" + plan);
        String etag = read.header("ETag");
        String itemId = read.path("items[0].id");
        long plans = Api.count(ds, "select count(*) from activity_plan");
        long items = Api.count(ds, "select count(*) from plan_item");
        long audit = changes();

        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("title", broken(b -> b.put("title", " ")));
        cases.put("theme", broken(b -> b.put("theme", "主".repeat(201))));
        cases.put("periodEnd", broken(b -> b.put("periodEnd", "2023-12-31")));
        cases.put(
                "sections[0].heading",
                broken(b -> b.put("sections", List.of(Map.of("heading", "标".repeat(201), "html", "")))));
        cases.put("items[0].title", broken(b -> item(b, 0).put("title", "")));
        cases.put("items[0].endsOn", broken(b -> item(b, 0).put("endsOn", "2024-03-01")));
        cases.put("items[0].expectedParticipants", broken(b -> item(b, 0).put("expectedParticipants", -1)));
        cases.put("items[0].partners", broken(b -> item(b, 0).put("partners", "协".repeat(501))));
        cases.put("items[0].targetValue", broken(b -> item(b, 0).put("targetUnit", "场")));
        cases.put("items[1].targetValue", broken(b -> item(b, 1).put("targetValue", 1.234)));
        cases.put("items[1].targetUnit", broken(b -> item(b, 1).put("targetUnit", "单".repeat(21))));
        cases.put("items[0].id", broken(b -> item(b, 0).put("id", "123456789")));
        cases.put(
                "items", broken(b -> b.put("items", new ArrayList<>(Collections.nCopies(201, Plans.activity("活动"))))));
        cases.forEach((field, body) -> {
            as("district_admin")
                    .body(body)
                    .post("/api/v1/plans")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", hasItem(field));
            body.remove("orgId");
            as("district_admin")
                    .header("If-Match", etag)
                    .body(body)
                    .put("/api/v1/plans/" + plan)
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem(field));
        });
        // the same item twice
        Map<String, Object> twice = Plans.body(null, null, "重复");
        item(twice, 0).put("id", itemId);
        item(twice, 1).put("id", itemId);
        as("district_admin")
                .header("If-Match", etag)
                .body(twice)
                .put("/api/v1/plans/" + plan)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("items[1].id"));
        // not a date, not JSON, no org
        as("district_admin")
                .body(broken(b -> item(b, 0).put("startsOn", "2024-02-30")))
                .post("/api/v1/plans")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_JSON"))
                .body("errors[0].field", equalTo("items[0].startsOn"));
        as("district_admin").body("{\"title\": ").post("/api/v1/plans").then().statusCode(400);
        as("district_admin")
                .body(broken(b -> b.remove("orgId")))
                .post("/api/v1/plans")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("orgId"));
        as("district_admin")
                .body(broken(b -> b.put("noticeId", "not-a-notice")))
                .post("/api/v1/plans")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOTICE_NOT_FOUND"));
        // the message follows Accept-Language
        as("district_admin")
                .header("Accept-Language", "en")
                .body(cases.get("periodEnd"))
                .header("If-Match", etag)
                .put("/api/v1/plans/" + plan)
                .then()
                .body("errors[0].message", startsWith("the end date must not be before"));
        as("district_admin")
                .body(cases.get("periodEnd"))
                .header("If-Match", etag)
                .put("/api/v1/plans/" + plan)
                .then()
                .body("errors[0].message", equalTo("结束日期不能早于开始日期"));
        // updates need the version they change
        as("district_admin")
                .body(Plans.body(null, null, "无版本"))
                .put("/api/v1/plans/" + plan)
                .then()
                .statusCode(428);
        as("district_admin")
                .header("If-Match", "\"99\"")
                .body(Plans.body(null, null, "旧版本"))
                .put("/api/v1/plans/" + plan)
                .then()
                .statusCode(412);

        assertEquals(plans, Api.count(ds, "select count(*) from activity_plan"));
        assertEquals(items, Api.count(ds, "select count(*) from plan_item"));
        assertEquals(audit, changes());
        as("district_admin").get("/api/v1/plans/" + plan).then().header("ETag", equalTo(etag));
    }
}
