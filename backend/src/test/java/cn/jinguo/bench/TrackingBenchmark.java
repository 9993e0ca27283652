package cn.jinguo.bench;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 督办 on generated data ({@link ReportData}: 20,000 orgs, a notice to 5,000 recipients, 1,000,000 submission
 * entries): p50/p99 over HTTP of the summary, the branch counts at the root and one level down, the receipts table
 * with a filter and the missing list, and the SQL statements each request issues (with `make bench`, which turns
 * Hibernate statistics on). Not part of `make test`.
 */
@QuarkusTest
@Tag("benchmark")
class TrackingBenchmark {
    private static final int N = 300;

    @Inject
    AgroalDataSource ds;

    @Inject
    EntityManagerFactory emf;

    @Test
    void trackingOfANoticeToFiveThousandRecipients() {
        ReportData.Generated data = ReportData.ensure(ds);
        String city = Bench.token("city_admin");
        String big = "/api/v1/notices/" + data.bigNoticeId() + "/tracking";
        Random random = new Random(11);
        explain(data);

        Bench.report("baseline: GET /me (token check, account, JSON)", N, () -> get(city, "/api/v1/me"));

        statements("summary", city, big);
        statements("branches (root)", city, big + "/branches");
        statements("branches (one level down)", city, big + "/branches?parentOrgId=" + data.firstDistrictId());
        statements("missing list", city, big + "/missing");
        statements("receipts, status filter", city, big + "/receipts?status=LATE");

        Bench.report("tracking summary of a notice to 5,000 recipients", N, () -> get(city, big));
        Bench.report(
                "tracking summary of one branch (250 recipients)",
                N,
                () -> get(city, big + "?orgId=" + data.districtIds().get(random.nextInt(20))));
        Bench.report(
                "branch counts at the root (20 branches over 5,000 receipts)", N, () -> get(city, big + "/branches"));
        Bench.report(
                "branch counts one level down (10 branches over 250 receipts)",
                N,
                () -> get(
                        city,
                        big + "/branches?parentOrgId=" + data.districtIds().get(random.nextInt(20))));
        Bench.report("missing list, first page (size 20)", N, () -> get(city, big + "/missing"));
        Bench.report(
                "missing list, random page (size 50)",
                N,
                () -> get(city, big + "/missing?size=50&page=" + random.nextInt(30)));
        Bench.report(
                "missing list of one branch (size 20)",
                N,
                () -> get(city, big + "/missing?orgId=" + data.districtIds().get(random.nextInt(20))));
        Bench.report("receipts table, status LATE (size 20)", N, () -> get(city, big + "/receipts?status=LATE"));
        Bench.report("receipts table, name search (size 20)", N, () -> get(city, big + "/receipts?q=第7社区"));
        String reissued = "/api/v1/notices/" + data.reissuedNoticeId() + "/tracking/branches";
        Bench.report("branch counts of a notice re-issued by 15 districts", N, () -> get(city, reissued));
        String reissue = "/api/v1/notices/" + data.reissueIds().get(0) + "/tracking/branches";
        Bench.report("branch counts of one re-issue (drilled down)", N, () -> get(city, reissue));
        long t0 = System.nanoTime();
        byte[] xlsx = given().auth()
                .oauth2(city)
                .get(big + "/receipts/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        System.out.printf(
                "BENCH export of the tracking table (5,000 rows): %d ms, %d KB%n",
                (System.nanoTime() - t0) / 1_000_000, xlsx.length / 1024);
    }

    /** The plans of the main statements, to read next to the timings. */
    private void explain(ReportData.Generated data) {
        String[] sql = {
            "select count(*), count(*) filter (where r.exempt_reason is null and r.submitted_at is null and r.deadline < now())"
                    + " from receipt r where r.notice_id = " + data.bigNoticeId(),
            "select split_part(r.org_path, '/', 3), count(*) from receipt r" + " where r.notice_id = "
                    + data.bigNoticeId() + " group by 1",
            "select r.id from receipt r join org o on o.id = r.org_id where r.notice_id = " + data.bigNoticeId()
                    + " and r.exempt_reason is null and r.submitted_at is null order by o.code, r.id limit 20",
            "select split_part(r.org_path, '/', 3), count(*) from receipt r" + " where r.notice_id = "
                    + data.reissuedNoticeId() + " and r.org_path like '/%' group by 1"
        };
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement()) {
            for (String q : sql) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + q)) {
                    while (rs.next()) plan.append("\n    ").append(rs.getString(1));
                }
                System.out.println("BENCH plan of " + q + plan);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void get(String token, String path) {
        Bench.get(token, path);
    }

    private void statements(String what, String token, String path) {
        Bench.statements(emf, what, token, path);
    }
}
