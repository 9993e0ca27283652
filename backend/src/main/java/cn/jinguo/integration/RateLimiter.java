package cn.jinguo.integration;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The buckets of this process, one per principal, in memory: behind a load balancer each node limits on its own
 * (n nodes allow up to n times the rate). Full buckets are forgotten, so memory follows the active callers.
 */
@ApplicationScoped
public class RateLimiter {
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    TokenBucket.Decision take(String principal, RateLimits.Limit limit) {
        TokenBucket bucket = buckets.compute(
                principal,
                (p, b) -> b == null || !b.limit().equals(limit) ? new TokenBucket(limit, System::nanoTime) : b);
        return bucket.take();
    }

    @Scheduled(every = "5m", delayed = "5m")
    void forgetFull() {
        buckets.values().removeIf(TokenBucket::full);
    }

    /** Every caller starts afresh (tests). */
    public void reset() {
        buckets.clear();
    }
}
