package cn.jinguo.integration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Idempotency-Key on POST ({@code jinguo.idempotency.*}). */
@ConfigMapping(prefix = "jinguo.idempotency")
public interface IdempotencyConfig {
    /** How long a key is remembered after its first use; a later request with it runs as new. */
    @WithDefault("24h")
    Duration ttl();

    /** How often expired keys are removed ("off" in tests, which call the sweep themselves). */
    @WithDefault("1h")
    String sweepEvery();

    /**
     * A request still marked as running after this long is taken to have died with its server (a crash between its
     * claim and its answer); a retry with the key then runs it again instead of waiting for ever.
     */
    @WithDefault("5m")
    Duration abandonedAfter();

    /** Retry-After (seconds) of the 409 a request gets while another with the same key is running. */
    @WithDefault("1")
    int retryAfter();

    /** Largest response body kept for replay; a larger one is replayed without its body (status and headers only). */
    @WithDefault("1M")
    MemorySize maxStoredBody();
}
