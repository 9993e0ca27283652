package cn.jinguo.bench;

import static io.restassured.RestAssured.given;

import io.smallrye.jwt.build.Jwt;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/** Latency percentiles of a call, printed as one "BENCH" line; and what the benchmarks share. */
final class Bench {
    private Bench() {}

    /** A token of the user that outlives the run (the test tokens expire after five minutes). */
    static String token(String username) {
        return Jwt.preferredUserName(username)
                .issuer(cn.jinguo.support.Api.ISSUER)
                .audience(cn.jinguo.support.Api.AUDIENCE)
                .subject(username)
                .claim("realm_access", Map.of("roles", List.of()))
                .expiresIn(7200)
                .sign();
    }

    static void get(String token, String path) {
        given().auth().oauth2(token).get(path).then().statusCode(200);
    }

    /** The SQL statements one request issues (Hibernate statistics; "n/a" unless `make bench` turned them on). */
    static void statements(EntityManagerFactory emf, String what, String token, String path) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        get(token, path); // warm: the caller's account is cached per request anyway
        stats.clear();
        get(token, path);
        System.out.printf(
                "BENCH SQL statements per request, %-30s %s%n",
                what + ":",
                stats.isStatisticsEnabled() ? Long.toString(stats.getPrepareStatementCount()) : "n/a (statistics off)");
    }

    static void report(String what, int iterations, Runnable call) {
        for (int i = 0; i < Math.min(50, Math.max(3, iterations / 5)); i++) call.run(); // warm-up
        List<Long> micros = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            call.run();
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        System.out.printf(
                "BENCH %-70s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms (n=%d)%n",
                what,
                micros.get(iterations / 2) / 1000.0,
                micros.get(iterations * 99 / 100) / 1000.0,
                micros.get(iterations - 1) / 1000.0,
                iterations);
    }
}
