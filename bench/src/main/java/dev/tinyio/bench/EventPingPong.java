package dev.tinyio.bench;

import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Two coroutines hand control back and forth through {@link Event}s on one loop: each round, ping sets pong's
 * event and waits for its own, then pong does the same. The time is per round, two hand-offs, as in
 * {@code anchors.VirtualThreadPingPong}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = Jvm.AGENT)
public class EventPingPong {
    /** Rounds per invocation. */
    private static final int ROUNDS = 10_000;

    /**
     * Plays one game.
     *
     * @return the loop's result, so that nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public Object pingPong() {
        Event[] turns = {new Event(), new Event()};
        return new Loop().run(Coro.of(() -> Coro.yield(List.of(side(turns, 0), side(turns, 1)))));
    }

    /** One side: waits for its event, clears it, and sets the other side's. Ping serves first. */
    private static Coro<Integer> side(Event[] turns, int side) {
        return Coro.of(() -> {
            Event mine = turns[side];
            Event theirs = turns[1 - side];
            for (int i = 0; i < ROUNDS; i++) {
                if (side == 1 || i > 0) {
                    Coro.yield(mine.await());
                    mine.clear();
                }
                theirs.set();
            }
            return side;
        });
    }
}
