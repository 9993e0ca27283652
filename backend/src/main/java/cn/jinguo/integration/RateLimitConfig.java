package cn.jinguo.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Requests per caller ({@code jinguo.rate-limit.*}): a token bucket that holds {@code burst} requests and refills at
 * {@code per-minute} a minute. Generous for people; machine clients may get their own through {@link RateLimits}.
 */
@ConfigMapping(prefix = "jinguo.rate-limit")
public interface RateLimitConfig {
    /** Off: no limit, no RateLimit headers. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained rate per caller. */
    @WithDefault("600")
    int perMinute();

    /** Requests a caller may send at once before the rate applies. */
    @WithDefault("120")
    int burst();
}
