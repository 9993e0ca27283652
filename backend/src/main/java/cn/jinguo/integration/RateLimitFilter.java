package cn.jinguo.integration;

import cn.jinguo.common.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Limits each caller (by principal) to the rate {@link RateLimits} gives it: over the limit, 429 RATE_LIMITED with
 * {@code Retry-After}. Every limited caller's responses say where it stands (draft-ietf-httpapi-ratelimit-headers):
 * {@code RateLimit-Limit} (the bucket's size), {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until
 * the bucket is full again). Anonymous callers and public endpoints are not limited. Runs before any other filter of
 * ours, so a caller over its limit costs no database work.
 */
public class RateLimitFilter {
    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    SecurityIdentity identity;

    @Inject
    RateLimits limits;

    @Inject
    RateLimiter limiter;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
    public void limit(ContainerRequestContext ctx, ResourceInfo resource) {
        if (isPublic(resource) || identity.isAnonymous()) return;
        Optional<RateLimits.Limit> limit = limits.limitFor(identity);
        if (limit.isEmpty()) return;
        TokenBucket.Decision d = limiter.take(identity.getPrincipal().getName(), limit.get());
        ctx.setProperty(DECISION, d);
        if (!d.allowed()) {
            throw new ApiException(429, "RATE_LIMITED", d.retryAfterSeconds())
                    .header(HttpHeaders.RETRY_AFTER, d.retryAfterSeconds());
        }
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(DECISION) instanceof TokenBucket.Decision d)) return;
        response.getHeaders().putSingle(LIMIT, d.limit());
        response.getHeaders().putSingle(REMAINING, d.remaining());
        response.getHeaders().putSingle(RESET, d.resetSeconds());
    }

    private static boolean isPublic(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) return false;
        return resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class);
    }
}
