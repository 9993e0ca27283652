package cn.jinguo.bench;

import static cn.jinguo.support.Api.token;
import static io.restassured.RestAssured.given;

import cn.jinguo.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency of the lazy tree API on a large tree: children of a node with 5,000 siblings and search over a tree
 * grown to more than 20,000 orgs. Not part of `make test` (tag "benchmark"); run with `make bench`.
 * Prints p50/p99 over REST Assured loops against the embedded PostgreSQL.
 */
@QuarkusTest
@Tag("benchmark")
class OrgTreeBenchmark {
    @Inject
    AgroalDataSource ds;

    @Test
    void childrenAndSearchLatency() {
        String cityPath = Api.queryString(ds, "select path from org where code = '500000'");
        String cityId = Api.queryString(ds, "select id from org where code = '500000'");
        // A district federation with 5,000 villages directly below it, and enough orgs overall for > 20,000.
        Api.exec(
                ds,
                """
                insert into org (id, code, name, type, level, parent_id, path, depth, sort_order)
                select n, 'BENCH-D', '压测区妇联', 'FEDERATION', 'DISTRICT', ?, ? || n || '/', 1, 999
                from (select nextval('org_id_seq') n) s""",
                Long.parseLong(cityId),
                cityPath);
        String dId = Api.queryString(ds, "select id from org where code = 'BENCH-D'");
        String dPath = Api.queryString(ds, "select path from org where code = 'BENCH-D'");
        Api.exec(
                ds,
                """
                insert into org (id, code, name, short_name, type, level, parent_id, path, depth, sort_order)
                select n, 'BENCH-V' || g, '压测社区' || g || '妇女联合会', '压测社区' || g || '妇联', 'FEDERATION', 'VILLAGE', ?, ? || n || '/', 2, g
                from (select nextval('org_id_seq') n, g from generate_series(1, 5000) g) s""",
                Long.parseLong(dId),
                dPath);
        long total = Api.count(ds, "select count(*) from org");
        if (total < 20_000) {
            Api.exec(
                    ds,
                    """
                    insert into org (id, code, name, type, level, parent_id, path, depth, sort_order)
                    select n, 'BENCH-X' || g, '扩充' || g || '号村妇联', 'FEDERATION', 'VILLAGE', v.id, v.path || n || '/', 3, g
                    from (select nextval('org_id_seq') n, g from generate_series(1, ?) g) s
                    join org v on v.code = 'BENCH-V' || (1 + g % 5000)""",
                    (int) (20_500 - total));
        }
        Api.exec(ds, "analyze org");
        total = Api.count(ds, "select count(*) from org");
        String cityToken = token("city_admin");
        Random random = new Random(7);

        Bench.report("children of a node with 5,000 children, first page (size 50)", 500, () -> given().auth()
                .oauth2(cityToken)
                .get("/api/v1/orgs/" + dId + "/children?size=50")
                .then()
                .statusCode(200));
        Bench.report("children of a node with 5,000 children, random page (size 200)", 500, () -> given().auth()
                .oauth2(cityToken)
                .get("/api/v1/orgs/" + dId + "/children?size=200&page=" + random.nextInt(25))
                .then()
                .statusCode(200));
        String[] terms = {"社区", "压测社区4321", "解放碑", "七星岗", "街道", "村妇联", "500103", "BENCH-V12", "不存在的名字", "妇"};
        Bench.report("search over " + total + " orgs as city admin (10 terms, size 20)", 500, () -> given().auth()
                .oauth2(cityToken)
                .queryParam("q", terms[random.nextInt(terms.length)])
                .get("/api/v1/orgs")
                .then()
                .statusCode(200));
        String districtToken = token("district_admin");
        Bench.report("search as a district admin (scope-filtered)", 500, () -> given().auth()
                .oauth2(districtToken)
                .queryParam("q", terms[random.nextInt(terms.length)])
                .get("/api/v1/orgs")
                .then()
                .statusCode(200));
        Bench.report("ancestors (breadcrumb) of a village", 500, () -> given().auth()
                .oauth2(cityToken)
                .get("/api/v1/orgs/" + Api.queryString(ds, "select id from org where code = 'BENCH-V2500'")
                        + "/ancestors")
                .then()
                .statusCode(200));
    }
}
