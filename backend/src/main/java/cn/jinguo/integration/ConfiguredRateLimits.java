package cn.jinguo.integration;

import io.quarkus.arc.DefaultBean;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Everyone authenticated gets {@code jinguo.rate-limit.per-minute} and {@code burst}; anonymous callers none. */
@ApplicationScoped
@DefaultBean
public class ConfiguredRateLimits implements RateLimits {
    @Inject
    RateLimitConfig config;

    @Override
    public Optional<Limit> limitFor(SecurityIdentity caller) {
        if (!config.enabled() || caller.isAnonymous()) return Optional.empty();
        return Optional.of(new Limit(config.perMinute(), config.burst()));
    }
}
