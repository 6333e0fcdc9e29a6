package dev.tinyio.bench.anchors;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.bench.Spread;
import dev.tinyio.bench.YieldAmongClasses;
import dev.tinyio.bench.YieldRoundTrip;
import java.util.function.Supplier;

/**
 * The yield round trip against its anchor within one JVM: {@link YieldRoundTrip} and {@link ContinuationYield} take
 * turns of a fixed time, each after a full collection, and the ratio is read turn by turn. JMH runs the two in
 * separate forks, minutes apart, and this machine's speed moves by more than the yield's target between them; in
 * turns, a slower spell of the machine slows both sides alike, and what is left is what each JVM compiled. A
 * {@code main} rather than a JMH benchmark, since JMH measures one method per fork.
 *
 * <p>Run with the agent and the anchor's export:
 * {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -javaagent:bench/target/benchmarks.jar --add-exports
 * java.base/jdk.internal.vm=ALL-UNNAMED -cp bench/target/benchmarks.jar dev.tinyio.bench.anchors.YieldInTurns
 * [depth | among-classes | long-lived [rounds [milliseconds per turn]]]}. Run {@code among-classes} in a JVM of its
 * own: once frames of several classes have been resumed, the JIT no longer compiles one class's code into the
 * loop's, and {@code YieldRoundTrip} in the same JVM would measure that too.
 *
 * <p>{@code long-lived} measures {@link YieldAmongClasses}'s yield in a loop that lives for the whole measurement,
 * as a server's does: one run spans every turn, its root taking turns with the anchor, so that after the first full
 * collection the run's own objects (its scheduler, its ready queue) are in the old generation while each batch of
 * four coroutines is new. A reference to a young object stored into an old one takes G1's write-barrier slow path,
 * with a memory fence, so what a step stores into the run shows here and not in {@code among-classes}, whose loop is
 * new at every invocation.
 */
public final class YieldInTurns {
    /** Rounds left out of the figures, while the JIT compiles both sides. */
    private static final int WARM_UP_ROUNDS = 10;

    /** The first argument that measures {@link YieldAmongClasses} rather than {@link YieldRoundTrip}. */
    private static final String AMONG_CLASSES = "among-classes";
    /** The first argument that measures {@link YieldAmongClasses}'s yield in one long-lived run. */
    private static final String LONG_LIVED = "long-lived";

    /** Keeps each invocation's result, so that nothing is optimised away. */
    private static volatile Object sink;

    private YieldInTurns() {
    }

    /**
     * Prints the median and the range of each side's time per yield, and of their ratio, over the rounds after the
     * warm-up.
     *
     * @param args the tinyio side, as the depth of {@link YieldRoundTrip} (default 1), {@value #AMONG_CLASSES}
     *     for {@link YieldAmongClasses} or {@value #LONG_LIVED} for its yield in one long-lived run, the last two
     *     against the anchor at depth 1; the rounds measured (default 20); each turn's length in milliseconds
     *     (default 300)
     */
    public static void main(String[] args) {
        String side = args.length > 0 && (args[0].equals(AMONG_CLASSES) || args[0].equals(LONG_LIVED)) ? args[0]
                : null;
        int depth = args.length > 0 && side == null ? Integer.parseInt(args[0]) : 1;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long turnNanos = (args.length > 2 ? Long.parseLong(args[2]) : 300) * 1_000_000L;
        if (depth < 1 || rounds < 1 || turnNanos < 1) {
            throw new IllegalArgumentException("Usage: YieldInTurns [depth | " + AMONG_CLASSES + " | " + LONG_LIVED
                    + " [rounds [milliseconds per turn]]], each number at least 1; got depth " + depth + ", " + rounds
                    + " rounds, turns of " + turnNanos / 1_000_000 + " ms");
        }
        ContinuationYield anchor = new ContinuationYield();
        anchor.depth = depth;
        Turns turns = new Turns(rounds);
        if (LONG_LIVED.equals(side)) {
            new Loop().run(Coro.ofVoid(() -> turns.take(YieldInTurns::fourCoroutinesInThisRun, anchor, turnNanos)));
        } else {
            Supplier<Object> tinyio = side != null ? new YieldAmongClasses()::yieldInTurns : yieldRoundTrip(depth);
            turns.take(tinyio, anchor, turnNanos);
        }
        System.out.printf("%s, %d rounds of %d ms: %s%n", side != null ? side : "depth " + depth, rounds,
                turnNanos / 1_000_000, turns);
    }

    /** {@link YieldAmongClasses}'s four coroutines, run to their end by the run this is called in. */
    private static Object fourCoroutinesInThisRun() {
        return Coro.yield(YieldAmongClasses.fourCoroutines());
    }

    private static Supplier<Object> yieldRoundTrip(int depth) {
        YieldRoundTrip benchmark = new YieldRoundTrip();
        benchmark.depth = depth;
        return benchmark::yieldInLoop;
    }

    /** One turn: a full collection, then invocations until the turn's time is up. */
    private static double nanosPerYield(Supplier<Object> invocation, long turnNanos) {
        System.gc();
        long invocations = 0;
        long start = System.nanoTime();
        long now;
        do {
            sink = invocation.get();
            invocations++;
            now = System.nanoTime();
        } while (now - start < turnNanos);
        return (now - start) / (double) (invocations * YieldRoundTrip.YIELDS);
    }

    /** The two sides' times per yield, turn by turn, and their ratios, after the warm-up. */
    private static final class Turns {
        private final double[] tinyioNanos;
        private final double[] anchorNanos;
        private final double[] ratios;

        Turns(int rounds) {
            tinyioNanos = new double[rounds];
            anchorNanos = new double[rounds];
            ratios = new double[rounds];
        }

        /** Takes every round's two turns, tinyio's first. */
        void take(Supplier<Object> tinyio, ContinuationYield anchor, long turnNanos) {
            for (int round = -WARM_UP_ROUNDS; round < ratios.length; round++) {
                double tinyioTurn = nanosPerYield(tinyio, turnNanos);
                double anchorTurn = nanosPerYield(anchor::yieldInLoop, turnNanos);
                if (round >= 0) {
                    tinyioNanos[round] = tinyioTurn;
                    anchorNanos[round] = anchorTurn;
                    ratios[round] = tinyioTurn / anchorTurn;
                }
            }
        }

        @Override
        public String toString() {
            return "tinyio " + Spread.of(tinyioNanos, "%.2f") + " ns, Continuation " + Spread.of(anchorNanos, "%.2f")
                    + " ns, ratio " + Spread.of(ratios, "%.3f");
        }
    }
}
