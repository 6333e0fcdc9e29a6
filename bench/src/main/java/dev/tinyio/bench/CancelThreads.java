package dev.tinyio.bench;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A run that fails while {@link #TASKS} {@code runInThread} tasks are blocked, each of which takes
 * {@link #CLEANUP_MILLIS} ms to clean up once interrupted: how long the cancellation takes, against one cleanup.
 * Threads interrupted one after another and each joined before the next would take the sum of the cleanups.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(jvmArgsAppend = Jvm.AGENT)
public class CancelThreads {
    /** How many tasks are running when the run fails. */
    public static final int TASKS = 40;
    /** How long each task's cleanup takes. */
    public static final long CLEANUP_MILLIS = 50;

    /**
     * Starts the tasks, fails the run once all have started, and returns when every task has cleaned up.
     *
     * @return what the run threw, so that nothing is optimised away
     */
    @Benchmark
    public Object cancelForty() {
        CountDownLatch started = new CountDownLatch(TASKS);
        List<Coro<?>> all = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            all.add(Tinyio.runInThread(() -> blockThenCleanUp(started)));
        }
        all.add(Coro.ofVoid(() -> {
            Coro.yield(Tinyio.runInThread(() -> {
                started.await();
                return null;
            }));
            throw new IllegalStateException("every task has started");
        }));
        try {
            return new Loop().run(Coro.of(() -> Coro.yield(all)));
        } catch (IllegalStateException expected) {
            return expected;
        }
    }

    private static Object blockThenCleanUp(CountDownLatch started) throws InterruptedException {
        started.countDown();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException cancelled) {
            Thread.sleep(CLEANUP_MILLIS);
        }
        return null;
    }
}
