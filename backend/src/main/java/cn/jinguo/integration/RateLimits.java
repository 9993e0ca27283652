package cn.jinguo.integration;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/**
 * Which limit applies to a caller, looked up on each request. The default ({@link ConfiguredRateLimits}) gives every
 * authenticated caller the configured limit; a bean implementing this interface replaces it, e.g. to give machine
 * clients (the city platform) their own limits by principal.
 */
public interface RateLimits {
    /** The limit for this (authenticated) caller, or empty when it is not limited. */
    Optional<Limit> limitFor(SecurityIdentity caller);

    /**
     * A token bucket: {@code burst} requests at once, refilled at {@code perMinute} a minute. Callers with equal
     * limits still have buckets of their own.
     */
    record Limit(int perMinute, int burst) {
        public Limit {
            if (perMinute < 1 || burst < 1) throw new IllegalArgumentException("limits must be positive");
        }
    }
}
