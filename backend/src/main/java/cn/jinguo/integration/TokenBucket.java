package cn.jinguo.integration;

import java.util.function.LongSupplier;

/** One caller's bucket: starts full, each request takes a token, tokens come back at a steady rate. */
final class TokenBucket {
    /** What a request learns: whether it may run, and what the RateLimit headers say. */
    record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {}

    private final RateLimits.Limit limit;
    private final LongSupplier nanos;
    private final double perNano;
    private double tokens;
    private long updated;

    TokenBucket(RateLimits.Limit limit, LongSupplier nanos) {
        this.limit = limit;
        this.nanos = nanos;
        this.perNano = limit.perMinute() / 60e9;
        this.tokens = limit.burst();
        this.updated = nanos.getAsLong();
    }

    RateLimits.Limit limit() {
        return limit;
    }

    synchronized Decision take() {
        refill();
        boolean allowed = tokens >= 1;
        if (allowed) tokens -= 1;
        long retryAfter = allowed ? 0 : Math.max(1, seconds((1 - tokens) / perNano));
        return new Decision(
                allowed,
                limit.burst(),
                (int) Math.floor(tokens),
                seconds((limit.burst() - tokens) / perNano),
                retryAfter);
    }

    /** Full again: forgetting the bucket changes nothing for its caller. */
    synchronized boolean full() {
        refill();
        return tokens >= limit.burst();
    }

    private void refill() {
        long now = nanos.getAsLong();
        tokens = Math.min(limit.burst(), tokens + (now - updated) * perNano);
        updated = now;
    }

    private static long seconds(double nanos) {
        return (long) Math.ceil(nanos / 1e9);
    }
}
