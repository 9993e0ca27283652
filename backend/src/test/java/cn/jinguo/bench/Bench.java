package cn.jinguo.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency percentiles of a call, printed as one "BENCH" line. */
final class Bench {
    private Bench() {}

    static void report(String what, int iterations, Runnable call) {
        for (int i = 0; i < 50; i++) call.run(); // warm-up
        List<Long> micros = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            call.run();
            micros.add((System.nanoTime() - t0) / 1000);
        }
        Collections.sort(micros);
        System.out.printf(
                "BENCH %-70s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms (n=%d)%n",
                what,
                micros.get(iterations / 2) / 1000.0,
                micros.get(iterations * 99 / 100) / 1000.0,
                micros.get(iterations - 1) / 1000.0,
                iterations);
    }
}
