package cn.jinguo.bench;

import static cn.jinguo.support.Api.as;
import static cn.jinguo.support.Api.token;
import static io.restassured.RestAssured.given;

import cn.jinguo.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Publishing to 5,000 recipients (time and SQL statements issued) and the inbox of an org holding 2,000 receipts.
 * Not part of `make test`; `make bench` runs it with Hibernate statistics on, which count the statements.
 */
@QuarkusTest
@Tag("benchmark")
class NoticeBenchmark {
    @Inject
    AgroalDataSource ds;

    @Inject
    EntityManagerFactory emf;

    @Test
    void publishToFiveThousandAndInboxOfTwoThousand() {
        String cityId = Api.queryString(ds, "select id from org where code = '500000'");
        String cityPath = Api.queryString(ds, "select path from org where code = '500000'");
        Api.exec(
                ds,
                """
                insert into org (id, code, name, type, parent_id, path, depth, sort_order)
                select n, 'BENCH-N', '压测机关妇委会', 'WORK_COMMITTEE', ?, ? || n || '/', 1, 998
                from (select nextval('org_id_seq') n) s""",
                Long.parseLong(cityId),
                cityPath);
        String rootId = Api.queryString(ds, "select id from org where code = 'BENCH-N'");
        String rootPath = Api.queryString(ds, "select path from org where code = 'BENCH-N'");
        Api.exec(
                ds,
                """
                insert into org (id, code, name, type, parent_id, path, depth, sort_order)
                select n, 'BENCH-R' || g, '压测女性社会组织' || g, 'SOCIAL', ?, ? || n || '/', 2, g
                from (select nextval('org_id_seq') n, g from generate_series(1, 5000) g) s""",
                Long.parseLong(rootId),
                rootPath);
        Api.exec(ds, "analyze org");
        Api.exec(
                ds,
                "insert into account (username, display_name) values ('bench_editor', '压测编辑') on conflict do nothing");
        Api.exec(
                ds,
                """
                insert into membership (account_id, org_id, role)
                select a.id, o.id, 'EDITOR' from account a, org o
                where a.username = 'bench_editor' and o.code in ('BENCH-N', 'BENCH-R1') on conflict do nothing""");
        String code = as("city_admin")
                .body(Map.of("orgId", rootId, "code", "压测发" + System.nanoTime() % 10000))
                .post("/api/v1/issuer-codes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String deadline = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(10).toString();
        String id = as("bench_editor")
                .body(Map.of(
                        "issuerOrgId",
                        rootId,
                        "title",
                        "压测通知",
                        "deadline",
                        deadline,
                        "recipients",
                        Map.of("groups", List.of(Map.of("directChildrenOnly", true)))))
                .post("/api/v1/notices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        long t0 = System.nanoTime();
        as("bench_editor")
                .body(Map.of("issuerCodeId", code))
                .post("/api/v1/notices/" + id + "/publish")
                .then()
                .statusCode(200);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(
                "BENCH publish to %d recipients: %d ms, %s SQL statements%n",
                Api.count(ds, "select count(*) from receipt where notice_id = ?", Long.parseLong(id)),
                ms,
                stats.isStatisticsEnabled() ? Long.toString(stats.getPrepareStatementCount()) : "n/a (statistics off)");

        // 2,000 published notices in the inbox of BENCH-R1.
        Api.exec(
                ds,
                """
                insert into notice (issuer_org_id, status, title, deadline, created_by, published_at, recipient_count, search_text)
                select ?, 'PUBLISHED', '压测收文' || g, now() + (g % 30 - 10) * interval '1 day', 'bench', now() - g * interval '1 hour', 1, '压测收文' || g
                from generate_series(1, 1999) g
                where not exists (select 1 from notice where created_by = 'bench')""",
                Long.parseLong(rootId));
        Api.exec(
                ds,
                """
                insert into receipt (notice_id, org_id, org_path, delivered_at, deadline, signed_at)
                select n.id, o.id, o.path, n.published_at, n.deadline, case when n.id % 3 = 0 then now() end
                from notice n, org o where n.created_by = 'bench' and o.code = 'BENCH-R1'
                on conflict do nothing""");
        Api.exec(ds, "analyze notice");
        Api.exec(ds, "analyze receipt");
        String r1 = Api.queryString(ds, "select id from org where code = 'BENCH-R1'");
        long receipts = Api.count(ds, "select count(*) from receipt where org_id = ?", Long.parseLong(r1));
        String editor = token("bench_editor");
        Bench.report("inbox of an org with " + receipts + " receipts, first page (size 20)", 500, () -> given().auth()
                .oauth2(editor)
                .get("/api/v1/inbox?orgId=" + r1)
                .then()
                .statusCode(200));
        Bench.report("inbox, unsigned filter, page 10 (size 20)", 500, () -> given().auth()
                .oauth2(editor)
                .get("/api/v1/inbox?orgId=" + r1 + "&filter=UNSIGNED&page=10")
                .then()
                .statusCode(200));
        Bench.report("inbox summary (badge counts)", 500, () -> given().auth()
                .oauth2(editor)
                .get("/api/v1/inbox/summary?orgId=" + r1)
                .then()
                .statusCode(200));
    }
}
