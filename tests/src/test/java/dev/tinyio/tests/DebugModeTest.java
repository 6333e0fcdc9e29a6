package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Debug mode's warnings, each met the way a user meets it. */
@Timeout(60)
class DebugModeTest {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final List<Awaited> awaited = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
            for (Awaited each : awaited) {
                if (each.matches.test(record.getMessage())) {
                    each.latch.countDown();
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** A warning a test waits for, on whatever thread the library logs it. */
    private record Awaited(Predicate<String> matches, CountDownLatch latch) {
    }

    @BeforeEach
    void capture() {
        Logger.getLogger("dev.tinyio").addHandler(handler);
        Logger.getLogger("dev.tinyio").setUseParentHandlers(false);
    }

    @AfterEach
    void release() {
        Logger.getLogger("dev.tinyio").removeHandler(handler);
        Logger.getLogger("dev.tinyio").setUseParentHandlers(true);
    }

    private CountDownLatch when(Predicate<String> matches) {
        CountDownLatch latch = new CountDownLatch(1);
        awaited.add(new Awaited(matches, latch));
        return latch;
    }

    private LogRecord only(Predicate<String> matches) {
        List<LogRecord> found = records.stream().filter(r -> matches.test(r.getMessage())).toList();
        assertEquals(1, found.size(), records.stream().map(LogRecord::getMessage).toList().toString());
        return found.get(0);
    }

    /** The coroutine blocks in a real blocking call, which returns only once the watchdog has warned of it. */
    @Test
    void a_step_that_blocks_is_logged_with_the_stack_it_is_blocked_in_while_it_still_runs() {
        CountDownLatch warned = when(m -> m.contains(" without yielding"));
        Coro<Boolean> blocker = Coro.of("blocker", () -> {
            Coro.yield();
            return blockUntil(warned);
        });
        assertTrue(new Loop().debug(true).slowStepThreshold(Duration.ofMillis(50)).run(blocker));
        String message = only(m -> m.contains(" without yielding")).getMessage();
        Pattern expected = Pattern.compile(Pattern.quote("Coroutine " + blocker + " has run for ") + "\\d+"
                + Pattern.quote(" ms without yielding, and no other coroutine of its loop can run until it does: it "
                + "is blocked in a call that does not yield (a sleep, a lock, I/O). Run blocking calls with "
                + "Tinyio.runInThread, and wait with Tinyio.sleep or an Event. Its thread \""
                + Thread.currentThread().getName() + "\" is at:") + "\n\tat .*", Pattern.DOTALL);
        assertTrue(expected.matcher(message).matches(), message);
        // Each line as a stack trace prints it: a JDK class's module in front, and each line's file and line.
        assertTrue(message.contains("\tat java.base"), message);
        assertTrue(message.contains("/java.util.concurrent.CountDownLatch.await(CountDownLatch.java:"), message);
        assertTrue(message.contains(DebugModeTest.class.getName() + ".blockUntil(DebugModeTest.java:"), message);
    }

    private static boolean blockUntil(CountDownLatch latch) throws InterruptedException {
        return latch.await(30, TimeUnit.SECONDS);
    }

    @Test
    void a_step_within_the_threshold_is_not_logged() {
        new Loop().debug(true).slowStepThreshold(Duration.ofHours(1)).run(Coro.of(() -> {
            Coro.yield();
            return 1;
        }));
        assertEquals(List.of(), records.stream().filter(r -> r.getMessage().contains(" without yielding")).toList());
    }

    @Test
    void a_coroutine_made_in_a_step_and_dropped_without_being_yielded_is_logged_with_where_it_was_made()
            throws InterruptedException {
        CountDownLatch warned = when(m -> m.contains("[forgotten] was never yielded"));
        String[] forgotten = new String[1];
        List<WeakReference<Coro<Integer>>> ran = new ArrayList<>();
        new Loop().debug(true).run(Coro.ofVoid(() -> {
            forgotten[0] = makeAndDrop();
            Coro<Integer> yielded = Coro.of("ran", () -> 1);
            ran.add(new WeakReference<>(yielded));
            Coro.yield(yielded);
        }));
        while (!await(warned) || ran.get(0).get() != null) {
            System.gc();
        }
        LogRecord warning = only(m -> m.contains("[forgotten] was never yielded"));
        assertEquals("Coroutine " + forgotten[0] + " was never yielded, so it never ran, and it is now garbage. A "
                + "coroutine runs only when a loop runs it or a coroutine yields it: Coro.yield(coro), or "
                + "Coro.yield(Set.of(coro)) to start it in the background. It was made at:", warning.getMessage());
        assertNotNull(warning.getThrown());
        assertTrue(Arrays.stream(warning.getThrown().getStackTrace())
                .anyMatch(e -> e.getMethodName().equals("makeAndDrop")), Arrays.toString(
                        warning.getThrown().getStackTrace()));
        assertEquals(List.of(), records.stream().filter(r -> r.getMessage().contains("[ran] was never")).toList());
    }

    private static boolean await(CountDownLatch latch) throws InterruptedException {
        return latch.await(100, TimeUnit.MILLISECONDS);
    }

    private static String makeAndDrop() {
        return Coro.of("forgotten", () -> 1).toString();
    }

    @Test
    void a_loop_run_inside_a_coroutine_of_a_loop_in_debug_mode_is_logged() {
        new Loop().debug(true).run(Coro.ofVoid(() -> new Loop().run(Coro.of(() -> 1))));
        LogRecord warning = only(m -> m.startsWith("Loop.run was called from inside"));
        assertEquals("Loop.run was called from inside a coroutine of another loop running on this thread: that "
                + "loop, and every coroutine in it, is blocked until this run returns. To run a coroutine in a loop "
                + "of its own without blocking the loop around it, yield Tinyio.isolate(coro) instead.",
                warning.getMessage());
        assertEquals("Loop.run was called here", warning.getThrown().getMessage());
    }

    @Test
    void a_coroutine_in_debug_mode_that_runs_a_loop_of_its_own_still_resumes_its_callers_whole() {
        // The nested run steps its coroutines outside debug mode on this thread; the frames of the coroutine that
        // called it are re-entered whole, its caller on the stack below it, and must still save as debug mode's.
        assertEquals(22, new Loop().debug(true).run(Coro.of(DebugModeTest::callsARunner)));
    }

    private static int callsARunner() {
        Coro.yield();
        return runsALoop() + 1;
    }

    private static int runsALoop() {
        Coro.yield();
        int nested = new Loop().run(Coro.of(() -> {
            Coro.yield();
            return 20;
        }));
        Coro.yield();
        Coro.yield();
        return nested + 1;
    }

    @Test
    void a_nested_loop_run_outside_debug_mode_is_not_logged() {
        new Loop().run(Coro.ofVoid(() -> new Loop().run(Coro.of(() -> 1))));
        assertEquals(List.of(), records.stream().filter(r -> r.getMessage().startsWith("Loop.run was")).toList());
    }
}
