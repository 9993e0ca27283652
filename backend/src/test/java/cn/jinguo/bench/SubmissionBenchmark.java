package cn.jinguo.bench;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 报送 on generated data ({@link ReportData}: 20,000 orgs, a notice to 5,000 recipients, 40 notices' packages with
 * 1,000,000 entries): p50/p99 over HTTP of the submission list with each of its filters, a package with its entries,
 * the review queue, and the statistics over every entry; and the SQL statements each request issues (with `make
 * bench`, which turns Hibernate statistics on: the counts must not grow with the page). Not part of `make test`.
 */
@QuarkusTest
@Tag("benchmark")
class SubmissionBenchmark {
    private static final int N = 300;

    @Inject
    AgroalDataSource ds;

    @Inject
    EntityManagerFactory emf;

    @Test
    void submissionsOfFortyNoticesWithAMillionEntries() {
        ReportData.Generated data = ReportData.ensure(ds);
        String city = Bench.token("city_admin");
        long big = data.bigNoticeId();
        String list = "/api/v1/submissions";
        String onePackage = list + "/"
                + single("select min(id) from submission where notice_id = " + big
                        + " and status = 'SUBMITTED' and revision > 0");
        System.out.printf(
                "BENCH data: %d packages, %d entries, %d media%n",
                single("select count(*) from submission"),
                single("select count(*) from submission_entry"),
                single("select count(*) from entry_media"));
        Random random = new Random(7);

        statements("list, notice (size 20)", city, list + "?noticeId=" + big);
        statements("list, notice (size 100)", city, list + "?noticeId=" + big + "&size=100");
        statements("review queue", city, list + "?reviewable=true");
        statements("one package", city, onePackage);

        Bench.report("statistics of the city (every entry)", 10, () -> get(city, "/api/v1/stats"));
        Bench.report(
                "statistics of one notice (5,000 recipients)", 100, () -> get(city, "/api/v1/stats?noticeId=" + big));
        Bench.report(
                "activities of one notice, first page (size 20)",
                N,
                () -> get(city, "/api/v1/stats/activities?noticeId=" + big));
        Bench.report("submissions of a notice to 5,000 (size 20)", N, () -> get(city, list + "?noticeId=" + big));
        Bench.report(
                "submissions of a notice, random page (size 50)",
                N,
                () -> get(city, list + "?noticeId=" + big + "&size=50&page=" + random.nextInt(40)));
        Bench.report(
                "submissions of one branch of the notice (250 orgs)",
                N,
                () -> get(
                        city,
                        list + "?noticeId=" + big + "&orgId="
                                + data.districtIds().get(random.nextInt(20))));
        Bench.report(
                "submissions of a notice, status SUBMITTED",
                N,
                () -> get(city, list + "?noticeId=" + big + "&status=SUBMITTED"));
        Bench.report("submissions of a notice, late", N, () -> get(city, list + "?noticeId=" + big + "&late=true"));
        Bench.report(
                "submissions of a notice, with featured entries",
                N,
                () -> get(city, list + "?noticeId=" + big + "&featured=true"));
        Bench.report("review queue of the city (every notice)", 50, () -> get(city, list + "?reviewable=true"));
        Bench.report("all submissions in the city's branch (170,000 packages)", 50, () -> get(city, list));
        Bench.report("search over every package: org name (q=第7社区)", 50, () -> get(city, list + "?q=第7社区"));
        Bench.report("search over every package: notice title (q=三八)", 50, () -> get(city, list + "?q=三八"));
        Bench.report("one package with its entries and media", N, () -> get(city, onePackage));
    }

    private long single(String sql) {
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
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
