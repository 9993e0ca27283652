package cn.jinguo.integration;

import cn.jinguo.common.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on every POST under /api/v1 (draft-ietf-httpapi-idempotency-key-header): a client that
 * lost an answer sends the same request with the same key again and gets the first answer, byte for byte, with
 * {@code Idempotent-Replayed: true}, while nothing runs a second time (no second notice, no second audit event).
 *
 * <p>Keys belong to the caller (the token's principal name) and live for {@code jinguo.idempotency.ttl} (24 h). The
 * first request claims its key before it runs (a committed row; the unique key turns a concurrent second request into
 * 409 IDEMPOTENCY_IN_PROGRESS with Retry-After), hashes its body as the endpoint reads it, and stores status, the
 * headers that matter and the body once answered. A 5xx or 429 is not stored: the key may be retried. The same key
 * with another method, path, query or body is 422 IDEMPOTENCY_KEY_REUSED. A POST without the header runs as always.
 *
 * <p>Runs after {@code AccountFilter} (an unknown account's 403 is not remembered) and after the rate limit. Both
 * filter methods touch the database (JDBC): they rely on the endpoints being blocking (worker threads), as all of
 * ours are; a non-blocking POST would need the store moved off the event loop first.
 */
public class IdempotencyFilter {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    /** The response headers a replay repeats; the rest (rate limits, dates) describe the moment, not the answer. */
    static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG, "Upload-Offset", "Upload-Length");

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String RUNNING = IdempotencyFilter.class.getName() + ".running";
    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @Inject
    SecurityIdentity identity;

    @Inject
    IdempotencyKeys keys;

    @Inject
    IdempotencyConfig config;

    @Inject
    ObjectMapper json;

    /** A claimed key and the hash of the body on its way through. */
    record Running(IdempotencyKeys.Claim.Mine claim, BodyDigest body) {}

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response begin(ContainerRequestContext ctx) throws IOException {
        if (!HttpMethod.POST.equals(ctx.getMethod())) return null;
        List<String> values = ctx.getHeaders().get(HEADER);
        if (values == null || values.isEmpty()) return null;
        URI uri = ctx.getUriInfo().getRequestUri();
        if (uri.getRawPath() == null || !uri.getRawPath().startsWith("/api/v1/")) return null;
        if (values.size() != 1 || !wellFormed(values.get(0))) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_INVALID", MAX_KEY_LENGTH);
        }
        if (identity.isAnonymous()) return null; // nothing to key it to; no public endpoint takes a POST
        String key = values.get(0);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String targetSha = BodyDigest.sha256Hex(ctx.getMethod() + " " + target);
        BodyDigest body = new BodyDigest(ctx.getEntityStream(), multipartBoundary(ctx.getMediaType()));

        IdempotencyKeys.Claim claim =
                keys.claim(identity.getPrincipal().getName(), key, ctx.getMethod(), target, targetSha);
        if (claim instanceof IdempotencyKeys.Claim.Mine mine) {
            ctx.setEntityStream(body);
            ctx.setProperty(RUNNING, new Running(mine, body));
            return null;
        }
        if (claim instanceof IdempotencyKeys.Claim.Running running) {
            if (!running.targetSha256().equals(targetSha)) throw reused(key, running.method(), running.target());
            throw new ApiException(409, "IDEMPOTENCY_IN_PROGRESS", config.retryAfter())
                    .header(HttpHeaders.RETRY_AFTER, config.retryAfter());
        }
        IdempotencyKeys.Stored stored = ((IdempotencyKeys.Claim.Done) claim).stored();
        if (!stored.targetSha256().equals(targetSha)) throw reused(key, stored.method(), stored.target());
        // Same place: the body decides. It is read to the end and hashed, never kept.
        if (!body.finish().equals(stored.bodySha256())) throw reused(key, stored.method(), stored.target());
        return replay(stored);
    }

    @ServerResponseFilter(priority = Priorities.USER + 100)
    public void end(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RUNNING) instanceof Running running)) return;
        request.removeProperty(RUNNING);
        try {
            int status = response.getStatus();
            String bodySha = status >= 500 || status == 429 ? null : finish(running.body());
            if (bodySha == null) {
                keys.release(running.claim());
                return;
            }
            MediaType type = response.getMediaType();
            if (type == null && response.hasEntity() && !isStream(response.getEntity())) {
                // Not negotiated yet: the API answers in JSON (problems carry their own type).
                type = JSON_UTF8;
            }
            byte[] body = bytes(response.getEntity(), type);
            boolean omitted = response.hasEntity()
                    && (body == null || body.length > config.maxStoredBody().asLongValue());
            if (body != null) {
                // What goes out now is exactly what a replay will send.
                response.setEntity(body, response.getEntityAnnotations(), type);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : KEPT_HEADERS) {
                String value = response.getHeaderString(name);
                if (value == null && name.equals(HttpHeaders.CONTENT_TYPE) && type != null) value = type.toString();
                if (value != null && !(omitted && name.equals(HttpHeaders.CONTENT_TYPE))) headers.put(name, value);
            }
            if (!keys.complete(running.claim(), bodySha, status, headers, omitted ? null : body, omitted)) {
                LOG.warnf("Idempotency key claim was taken over before its answer was stored (%d)", status);
            }
        } catch (RuntimeException e) {
            // The answer stands; the key stays "running" until it is taken over as abandoned.
            LOG.error("Could not store the answer of an idempotent request", e);
        }
    }

    private static String finish(BodyDigest body) {
        try {
            return body.finish();
        } catch (IOException e) {
            return null; // the body did not arrive whole: nothing to remember
        }
    }

    private byte[] bytes(Object entity, MediaType type) {
        if (entity == null) return null;
        if (entity instanceof byte[] b) return b;
        if (entity instanceof String s) return s.getBytes(charset(type));
        if (!isJson(type)) return null;
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    private static Response replay(IdempotencyKeys.Stored stored) {
        Response.ResponseBuilder b = Response.status(stored.status());
        stored.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) b.type(value);
            else b.header(name, value);
        });
        if (stored.body() != null) b.entity(stored.body());
        return b.header(REPLAYED, "true").build();
    }

    private static ApiException reused(String key, String method, String target) {
        return ApiException.rule("IDEMPOTENCY_KEY_REUSED", key, method, target);
    }

    /** 1–255 printable ASCII characters (space included, as the IETF draft's sf-string allows). */
    static boolean wellFormed(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) return false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) return false;
        }
        return !key.isBlank();
    }

    static String multipartBoundary(MediaType type) {
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) return null;
        String b = type.getParameters().get("boundary");
        if (b == null) return null;
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) b = b.substring(1, b.length() - 1);
        return b;
    }

    private static boolean isStream(Object entity) {
        return entity instanceof java.io.InputStream
                || entity instanceof jakarta.ws.rs.core.StreamingOutput
                || entity instanceof java.io.File
                || entity instanceof java.nio.file.Path;
    }

    private static boolean isJson(MediaType type) {
        if (type == null) return false;
        String sub = type.getSubtype().toLowerCase(Locale.ROOT);
        return sub.equals("json") || sub.endsWith("+json");
    }

    private static java.nio.charset.Charset charset(MediaType type) {
        String cs = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return cs == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(cs);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
