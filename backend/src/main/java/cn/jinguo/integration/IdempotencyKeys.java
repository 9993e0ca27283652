package cn.jinguo.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The idempotency_key table. Every statement is its own transaction (autocommit), apart from whatever the request
 * itself does: the claim must be visible to a concurrent request at once, and must survive the request's rollback.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {};

    @Inject
    AgroalDataSource ds;

    @Inject
    IdempotencyConfig config;

    @Inject
    ObjectMapper json;

    /** What a first request stored: enough to answer its retries exactly as it was answered. */
    public record Stored(
            String method,
            String target,
            String targetSha256,
            String bodySha256,
            int status,
            Map<String, String> headers,
            byte[] body,
            boolean bodyOmitted) {}

    /** The outcome of presenting a key. */
    public sealed interface Claim {
        /** The key is new (or was abandoned): this request runs and must {@link #complete} or {@link #release}. */
        record Mine(long id, UUID lease) implements Claim {}

        /** Another request with the key is running now. */
        record Running(String method, String target, String targetSha256) implements Claim {}

        /** The key was used and answered. */
        record Done(Stored stored) implements Claim {}
    }

    /**
     * Claims {@code key} for the caller's request to {@code target}: inserts it as running unless a row exists.
     * A row past the time to live counts as absent (whether or not the sweep has run); a running row older than
     * {@code abandoned-after} is taken over.
     */
    public Claim claim(String principal, String key, String method, String target, String targetSha256) {
        try (Connection c = ds.getConnection()) {
            for (int attempt = 0; ; attempt++) {
                execute(
                        c,
                        "delete from idempotency_key where principal = ? and idem_key = ?"
                                + " and created_at < now() - ? * interval '1 second'",
                        principal,
                        key,
                        config.ttl().toSeconds());
                UUID lease = UUID.randomUUID();
                try (PreparedStatement ps = c.prepareStatement(
                        """
                        insert into idempotency_key (principal, idem_key, request_method, request_target, target_sha256, lease)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (principal, idem_key) do nothing
                        returning id""")) {
                    bind(ps, principal, key, method, target, targetSha256, lease);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) return new Claim.Mine(rs.getLong(1), lease);
                    }
                }
                Claim existing = existing(c, principal, key, method, target, targetSha256);
                // null: the row went away in between (released after a 5xx, or expired): claim again.
                if (existing != null) return existing;
                if (attempt >= 3) throw new IllegalStateException("idempotency key keeps changing: " + key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key claim failed", e);
        }
    }

    private Claim existing(
            Connection c, String principal, String key, String method, String target, String targetSha256)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                """
                select id, request_method, request_target, target_sha256, body_sha256, status, response_headers::text,
                       response_body, body_omitted, lease, started_at < now() - ? * interval '1 second'
                from idempotency_key where principal = ? and idem_key = ?""")) {
            bind(ps, config.abandonedAfter().toSeconds(), principal, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                long id = rs.getLong(1);
                String storedMethod = rs.getString(2);
                String storedTarget = rs.getString(3);
                String storedTargetSha = rs.getString(4);
                if (rs.getObject(6) != null) {
                    return new Claim.Done(new Stored(
                            storedMethod,
                            storedTarget,
                            storedTargetSha,
                            rs.getString(5),
                            rs.getInt(6),
                            headers(rs.getString(7)),
                            rs.getBytes(8),
                            rs.getBoolean(9)));
                }
                UUID lease = (UUID) rs.getObject(10);
                boolean abandoned = rs.getBoolean(11);
                if (!abandoned || !storedTargetSha.equals(targetSha256)) {
                    return new Claim.Running(storedMethod, storedTarget, storedTargetSha);
                }
                UUID mine = UUID.randomUUID();
                int taken = execute(
                        c,
                        "update idempotency_key set lease = ?, started_at = now() where id = ? and lease = ?",
                        mine,
                        id,
                        lease);
                if (taken == 1) {
                    LOG.warnf("Idempotency key of %s taken over after %s: %s", principal, config.abandonedAfter(), key);
                    return new Claim.Mine(id, mine);
                }
                return new Claim.Running(storedMethod, storedTarget, storedTargetSha);
            }
        }
    }

    /** Stores the answer of a claimed request; false when the claim was taken over meanwhile. */
    public boolean complete(
            Claim.Mine claim,
            String bodySha256,
            int status,
            Map<String, String> headers,
            byte[] body,
            boolean bodyOmitted) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        """
                        update idempotency_key
                        set body_sha256 = ?, status = ?, response_headers = cast(? as jsonb), response_body = ?,
                            body_omitted = ?, lease = null, completed_at = now()
                        where id = ? and lease = ?""")) {
            ps.setString(1, bodySha256);
            ps.setInt(2, status);
            ps.setString(3, json.writeValueAsString(headers));
            if (body == null) ps.setNull(4, Types.BINARY);
            else ps.setBytes(4, body);
            ps.setBoolean(5, bodyOmitted);
            ps.setLong(6, claim.id());
            ps.setObject(7, claim.lease());
            return ps.executeUpdate() == 1;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("idempotency key completion failed", e);
        }
    }

    /** Forgets a claimed key whose request failed on the server's side, so that the client may retry with it. */
    public void release(Claim.Mine claim) {
        try (Connection c = ds.getConnection()) {
            execute(c, "delete from idempotency_key where id = ? and lease = ?", claim.id(), claim.lease());
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key release failed", e);
        }
    }

    @Scheduled(
            every = "${jinguo.idempotency.sweep-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepOnSchedule() {
        int removed = sweep();
        if (removed > 0) LOG.infof("Removed %d expired idempotency keys", removed);
    }

    /** Removes keys older than the time to live, in batches; returns how many. */
    public int sweep() {
        int total = 0;
        try (Connection c = ds.getConnection()) {
            while (true) {
                int n = execute(
                        c,
                        """
                        delete from idempotency_key where id in (
                            select id from idempotency_key where created_at < now() - ? * interval '1 second' limit 5000)""",
                        config.ttl().toSeconds());
                total += n;
                if (n < 5000) return total;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency key sweep failed", e);
        }
    }

    private Map<String, String> headers(String text) {
        if (text == null) return Map.of();
        try {
            return json.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers unreadable", e);
        }
    }

    private static int execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }
}
