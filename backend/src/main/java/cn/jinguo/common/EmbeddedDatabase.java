package cn.jinguo.common;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A real PostgreSQL started from the binaries on the classpath, for `make run` and the tests when no external
 * database is configured. The data directory survives restarts unless it is a temporary one.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "jinguo";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDir} (kept between starts). */
    public static EmbeddedDatabase start(Path dataDir, boolean keepData) throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!keepData)
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", keepData ? "on" : "off")
                .setServerConfig("synchronous_commit", keepData ? "on" : "off")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!rs.next()) c.createStatement().execute("create database " + DATABASE + " encoding 'UTF8'");
        } catch (SQLException e) {
            pg.close();
            throw new IOException("Could not create database " + DATABASE, e);
        }
        return new EmbeddedDatabase(pg);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
