package dev.tinyio.bench;

import dev.tinyio.Coro;
import dev.tinyio.Loop;

/**
 * The yield of {@link YieldAmongClasses} in a loop that lives for the whole measurement, as a server's does: the
 * loop's own objects (its scheduler, its ready queue) are in the old generation, while each batch of four
 * coroutines is new. A reference to a young object stored into an old one takes G1's write-barrier slow path, with
 * a memory fence, so what a step stores into the loop shows here and not in {@code YieldAmongClasses}, whose loop is
 * new at every invocation. A {@code main} rather than a JMH benchmark, since one run of the loop must span every
 * measured round.
 *
 * <p>Run with the agent: {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -javaagent:bench/target/benchmarks.jar -cp
 * bench/target/benchmarks.jar dev.tinyio.bench.LongLivedLoop [rounds]}.
 */
public final class LongLivedLoop {
    /** Batches run before the measured rounds, while the JIT compiles the loop. */
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    /** Each measured round's length. */
    private static final long ROUND_NANOS = 300_000_000L;
    /** Rounds between full collections, which move what the loop keeps into the old generation. */
    private static final int ROUNDS_PER_COLLECTION = 5;

    private LongLivedLoop() {
    }

    /**
     * Prints the median and the range of the time per yield over the rounds.
     *
     * @param args the rounds measured (default 20)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        if (rounds < 1) {
            throw new IllegalArgumentException("Usage: LongLivedLoop [rounds], at least 1; got " + rounds);
        }
        double[] nanos = new double[rounds];
        new Loop().run(Coro.ofVoid(() -> {
            long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
            while (System.nanoTime() < warmUpEnd) {
                batch();
            }
            for (int round = 0; round < rounds; round++) {
                if (round % ROUNDS_PER_COLLECTION == 0) {
                    System.gc();
                }
                long start = System.nanoTime();
                long batches = 0;
                long now;
                do {
                    batch();
                    batches++;
                    now = System.nanoTime();
                } while (now - start < ROUND_NANOS);
                nanos[round] = (now - start) / (double) (batches * YieldRoundTrip.YIELDS);
            }
        }));
        System.out.printf("a long-lived loop, %d rounds of %d ms: %s ns per yield%n", rounds, ROUND_NANOS / 1_000_000,
                Spread.of(nanos, "%.2f"));
    }

    /** Runs one batch of four new coroutines to their end. */
    private static void batch() {
        Coro.yield(YieldAmongClasses.fourCoroutines());
    }
}
