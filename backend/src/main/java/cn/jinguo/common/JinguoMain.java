package cn.jinguo.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Starts an embedded PostgreSQL before Quarkus when no database is configured (QUARKUS_DATASOURCE_JDBC_URL)
 * and JINGUO_EMBEDDED_PG is not "false". Production sets the URL; `make run` relies on the embedded default.
 */
@QuarkusMain
public class JinguoMain {
    private static final Logger LOG = Logger.getLogger(JinguoMain.class);

    public static void main(String... args) throws Exception {
        boolean configured = System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null
                || System.getProperty("quarkus.datasource.jdbc.url") != null;
        boolean allowed = !"false".equalsIgnoreCase(System.getenv().getOrDefault("JINGUO_EMBEDDED_PG", "true"));
        if (configured || !allowed) {
            Quarkus.run(args);
            return;
        }
        Path dir = Path.of(System.getenv().getOrDefault("JINGUO_EMBEDDED_PG_DIR", ".run/pgdata"))
                .toAbsolutePath();
        long t0 = System.nanoTime();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, true)) {
            LOG.infof(
                    "Embedded PostgreSQL on port %d, data in %s (%d ms)",
                    db.port(), dir, (System.nanoTime() - t0) / 1_000_000);
            System.setProperty("quarkus.datasource.jdbc.url", db.jdbcUrl());
            System.setProperty("quarkus.datasource.username", "postgres");
            System.setProperty("quarkus.datasource.password", "postgres");
            Quarkus.run(args);
        }
    }
}
