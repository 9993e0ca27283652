package cn.jinguo.integration;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoint: fails with a server error as often as a test asks, and counts how often it ran. */
@Path("/v1/test/flaky")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FlakyResource {
    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

    @POST
    @Operation(hidden = true)
    public Response run(Map<String, Object> body) {
        int call = CALLS.incrementAndGet();
        if (FAILURES_LEFT.getAndDecrement() > 0) throw new IllegalStateException("failing as the test asked");
        return Response.status(201).entity(Map.of("call", call, "echo", body)).build();
    }
}
