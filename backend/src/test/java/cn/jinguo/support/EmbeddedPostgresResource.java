package cn.jinguo.support;

import cn.jinguo.common.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL for the test run, on a free port, in a throw-away data directory; or, with
 * {@code -Djinguo.test.pgdata=DIR}, in a directory that is kept (benchmarks then reuse their generated data).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedDatabase db;

    @Override
    public Map<String, String> start() {
        try {
            String kept = System.getProperty("jinguo.test.pgdata");
            db = kept == null || kept.isBlank()
                    ? EmbeddedDatabase.start(Files.createTempDirectory("jinguo-test-pg"), false)
                    : EmbeddedDatabase.start(Path.of(kept), true);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                db.jdbcUrl(),
                "quarkus.datasource.username",
                "postgres",
                "quarkus.datasource.password",
                "postgres");
    }

    @Override
    public void stop() {
        try {
            if (db != null) db.close();
        } catch (Exception ignored) {
            // the data directory is temporary
        }
    }
}
