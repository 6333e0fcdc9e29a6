package dev.tinyio.bench;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The yield of {@link YieldRoundTrip} as a program makes it: four coroutines whose code lives in four classes
 * yield in turns, so that each step resumes a frame of another class than the step before. {@code YieldRoundTrip}
 * resumes frames of one class only, and the JIT may then compile that class's code into the loop's own; here the
 * loop calls into each class's code through a call it cannot inline, as in any program with coroutines in more
 * than one class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = Jvm.AGENT)
public class YieldAmongClasses {
    /** The coroutines, one per class, that take turns. */
    private static final int COROUTINES = 4;
    /** Yields of each coroutine per invocation: together as many as {@link YieldRoundTrip#YIELDS}. */
    private static final int EACH = YieldRoundTrip.YIELDS / COROUTINES;

    /**
     * Runs the four coroutines under one root, which waits for them all.
     *
     * @return the loop's result, so that nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(YieldRoundTrip.YIELDS)
    public Object yieldInTurns() {
        return new Loop().run(Coro.of(() -> Coro.yield(fourCoroutines())));
    }

    /**
     * The four coroutines, new, one per class, that yield {@link YieldRoundTrip#YIELDS} times together.
     *
     * @return them, for one gather
     */
    public static List<Coro<Void>> fourCoroutines() {
        return List.of(Coro.ofVoid(() -> First.yieldTimes(EACH)), Coro.ofVoid(() -> Second.yieldTimes(EACH)),
                Coro.ofVoid(() -> Third.yieldTimes(EACH)), Coro.ofVoid(() -> Fourth.yieldTimes(EACH)));
    }

    /**
     * The same method in four classes, on purpose: a frame is resumed through its class's own dispatch, so four
     * classes make the loop's call into the coroutine's code see four targets, as a program's does.
     */
    private static final class First {
        static void yieldTimes(int times) {
            for (int i = 0; i < times; i++) {
                Coro.yield();
            }
        }
    }

    private static final class Second {
        static void yieldTimes(int times) {
            for (int i = 0; i < times; i++) {
                Coro.yield();
            }
        }
    }

    private static final class Third {
        static void yieldTimes(int times) {
            for (int i = 0; i < times; i++) {
                Coro.yield();
            }
        }
    }

    private static final class Fourth {
        static void yieldTimes(int times) {
            for (int i = 0; i < times; i++) {
                Coro.yield();
            }
        }
    }
}
