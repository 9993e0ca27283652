package cn.jinguo.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic on a clock the test moves (plain JUnit). */
class RateLimitBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsTheBurstThenOneRequestPerRefill() {
        AtomicLong now = new AtomicLong(42 * SECOND);
        TokenBucket bucket = new TokenBucket(new RateLimits.Limit(60, 5), now::get); // one a second

        for (int remaining = 4; remaining >= 0; remaining--) {
            TokenBucket.Decision d = bucket.take();
            assertTrue(d.allowed());
            assertEquals(5, d.limit());
            assertEquals(remaining, d.remaining());
            assertEquals(5 - remaining, d.resetSeconds(), "seconds until full again");
        }
        TokenBucket.Decision refused = bucket.take();
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds());
        assertEquals(5, refused.resetSeconds());

        now.addAndGet(SECOND / 2);
        assertFalse(bucket.take().allowed(), "half a token is not a token");
        now.addAndGet(SECOND / 2);
        assertTrue(bucket.take().allowed());
        assertFalse(bucket.take().allowed());
    }

    @Test
    void theBucketNeverHoldsMoreThanTheBurstAndIsForgottenWhenFull() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(new RateLimits.Limit(6, 3), now::get); // one every 10 s
        bucket.take();
        assertFalse(bucket.full());
        TokenBucket.Decision d = bucket.take();
        assertEquals(20, d.resetSeconds());
        now.addAndGet(3600 * SECOND);
        assertTrue(bucket.full());
        assertEquals(2, bucket.take().remaining(), "an hour later: full, minus this request");
    }

    @Test
    void retryAfterIsTheWaitForTheNextToken() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(new RateLimits.Limit(6, 1), now::get);
        assertTrue(bucket.take().allowed());
        now.addAndGet(3 * SECOND);
        assertEquals(7, bucket.take().retryAfterSeconds());
    }

    @Test
    void limitsArePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimits.Limit(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimits.Limit(1, 0));
    }
}
