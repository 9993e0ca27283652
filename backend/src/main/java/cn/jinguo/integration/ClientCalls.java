package cn.jinguo.integration;

import cn.jinguo.account.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The log of integration clients' calls (method, path, status, duration). A call is queued when its response leaves
 * and written with the others every few seconds in one statement, so paging a feed is not slowed by a write per
 * page; what a call changed is audited in its own transaction anyway. Kept 180 days.
 */
@ApplicationScoped
public class ClientCalls {
    private static final String STARTED = "jinguo.callStarted";
    private static final int PATH_MAX = 500;

    record Call(long clientId, Instant at, String method, String path, int status, int durationMs) {}

    private final ConcurrentLinkedQueue<Call> queue = new ConcurrentLinkedQueue<>();

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        Caller.Client client = caller.resolvedClient();
        if (client == null) return;
        Object started = request.getProperty(STARTED);
        int ms = started == null ? 0 : (int) ((System.nanoTime() - (Long) started) / 1_000_000);
        String uri = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String path = query == null ? uri : uri + "?" + query;
        if (path.length() > PATH_MAX) path = path.substring(0, PATH_MAX - 1) + "…";
        queue.add(new Call(client.id(), Instant.now(), request.getMethod(), path, response.getStatus(), ms));
    }

    /** Writes the queued calls; also called by tests that read the log right after a call. */
    @Scheduled(
            every = "${jinguo.integration.call-log-flush:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void flush() {
        List<Call> batch = new ArrayList<>();
        for (Call c; batch.size() < 5000 && (c = queue.poll()) != null; ) batch.add(c);
        if (batch.isEmpty()) return;
        String rows;
        try {
            rows = json.writeValueAsString(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        """
                        insert into integration_call (client_id, at, method, path, status, duration_ms)
                        select x."clientId", x.at, x.method, x.path, x.status, x."durationMs"
                        from jsonb_to_recordset(cast(:rows as jsonb)) as x("clientId" bigint, at timestamptz,
                             method text, path text, status int, "durationMs" int)
                        where exists (select 1 from integration_client k where k.id = x."clientId")""")
                .setParameter("rows", rows)
                .executeUpdate());
    }

    @Scheduled(every = "24h", delayed = "30m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from integration_call where at < :before")
                        .setParameter("before", Instant.now().minus(180, ChronoUnit.DAYS))
                        .executeUpdate());
    }
}
