package dev.tinyio.bench.anchors;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Two virtual threads hand control back and forth on one carrier thread, as two coroutines do on one loop: the
 * anchor of the {@code Event} ping-pong. Each round is a ping and a pong, two switches; the time is per round. The
 * hand-off is the cheapest there is, park and unpark on a shared turn counter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
public class VirtualThreadPingPong {
    /** Rounds per invocation. */
    private static final int ROUNDS = 10_000;

    /**
     * Plays one game.
     *
     * @throws InterruptedException never
     */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void pingPong() throws InterruptedException {
        new Game().play();
    }

    /** One game of {@link #ROUNDS} rounds. */
    private static final class Game {
        /** Hand-offs so far: even while it is ping's turn, odd while it is pong's. */
        private volatile int turn;
        private final Thread ping = Thread.ofVirtual().unstarted(() -> play(0));
        private final Thread pong = Thread.ofVirtual().unstarted(() -> play(1));

        void play() throws InterruptedException {
            ping.start();
            pong.start();
            ping.join();
            pong.join();
        }

        /** Plays one side: waits for its turn, passes it on, and wakes the other side. */
        private void play(int side) {
            Thread other = side == 0 ? pong : ping;
            for (int i = 0; i < ROUNDS; i++) {
                while ((turn & 1) != side) {
                    LockSupport.park();
                }
                // Only the side whose turn it is writes, so the increment needs no atomicity.
                turn++;
                LockSupport.unpark(other);
            }
        }
    }
}
