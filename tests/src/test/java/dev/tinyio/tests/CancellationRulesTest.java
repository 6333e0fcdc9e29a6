package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * More of the errors and cancellation of docs/semantics.md: order, improper responses, group modes, cycles,
 * interrupts.
 */
class CancellationRulesTest {
    private final List<String> log = new ArrayList<>();

    private Coro<Void> forever(String name) {
        return Coro.ofVoid(() -> {
            try {
                while (true) {
                    Coro.yield();
                }
            } finally {
                log.add(name);
            }
        });
    }

    private static Coro<Void> failing(RuntimeException e) {
        return Coro.ofVoid(() -> {
            Coro.yield();
            throw e;
        });
    }

    @Test
    void cancellation_follows_insertion_order_not_list_order() {
        Coro<Void> a = forever("a");
        Coro<Void> b = forever("b");
        Coro<Void> c = forever("c");
        Coro<Void> x = forever("x");
        assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            try {
                Coro.yield(new LinkedHashSet<>(List.of(c, b, a)));
                Coro.yield();
                Coro.yield(List.of(a, x, failing(new IllegalStateException("boom")), c, b));
            } finally {
                log.add("root");
            }
        })));
        assertEquals(List.of("root", "c", "b", "a", "x"), log);
    }

    @Test
    void never_started_coroutines_run_no_code_not_even_finally() {
        boolean[] ran = {false};
        Coro<Void> never = Coro.ofVoid(() -> {
            try {
                ran[0] = true;
            } finally {
                ran[0] = true;
            }
        });
        assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(List.of(Coro.ofVoid(() -> {
                throw new IllegalStateException("first");
            }), never));
        })));
        assertFalse(ran[0]);
        assertTrue(never.isDone());
    }

    @Test
    void improper_responses_are_warnings_naming_the_coroutine_and_what_it_did() {
        IllegalArgumentException cleanup = new IllegalArgumentException("cleanup failed");
        Coro<Integer> returner = Coro.of(() -> {
            try {
                while (true) {
                    Coro.yield();
                }
            } catch (CancelledError e) {
                return 42;
            }
        });
        Coro<Void> yielder = Coro.ofVoid(() -> {
            try {
                while (true) {
                    Coro.yield();
                }
            } catch (CancelledError e) {
                Coro.yield();
            }
        });
        Coro<Void> thrower = Coro.ofVoid(() -> {
            try {
                while (true) {
                    Coro.yield();
                }
            } catch (CancelledError e) {
                throw cleanup;
            }
        });
        List<LogRecord> records = LogCapture.during(() -> assertThrows(ExceptionGroup.class,
                () -> new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(returner, yielder, thrower,
                        failing(new IllegalStateException("boom"))))))));
        assertEquals(3, records.size());
        Coro<?>[] coros = {returner, yielder, thrower};
        String[] did = {"returned 42.", "yielded again, with Coro.yield().",
            "threw java.lang.IllegalArgumentException: cleanup failed."};
        for (int i = 0; i < 3; i++) {
            LogRecord r = records.get(i);
            assertEquals(Level.WARNING, r.getLevel());
            assertEquals("dev.tinyio", r.getLoggerName());
            assertEquals("Coroutine " + coros[i] + " did not respond properly to cancellation, and so a resource leak "
                    + "may have occurred. The coroutine is expected to let the error thrown into it propagate to "
                    + "indicate success in cleaning up resources. Instead, the coroutine " + did[i], r.getMessage());
        }
        assertSame(cleanup, records.get(2).getThrown());
    }

    @Test
    void always_holds_original_then_errors_then_cancellations_without_the_stitched_chain() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalArgumentException cleanup = new IllegalArgumentException("cleanup failed");
        Coro<Void> thrower = Coro.ofVoid(() -> {
            try {
                Coro.yield();
                Coro.yield();
            } catch (CancelledError e) {
                throw cleanup;
            }
        });
        Coro<Void> inner = failing(boom);
        Coro<Void> middle = Coro.ofVoid(() -> Coro.yield(inner));
        Coro<Void> bg = forever("bg");
        Coro<Void> never = Coro.ofVoid(() -> log.add("never ran"));
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(new LinkedHashSet<>(List.of(bg)));
            Coro.yield(List.of(middle, thrower, never));
        }), GroupMode.ALWAYS));
        List<Throwable> members = group.exceptions();
        assertSame(boom, members.get(0));
        assertSame(cleanup, members.get(1));
        for (Throwable t : members.subList(2, members.size())) {
            assertInstanceOf(CancelledError.class, t);
        }
        // never ran to its end before the failure; bg is cancelled and not stitched; root and middle are stitched.
        assertEquals(List.of("never ran", "bg"), log);
        assertEquals(3, members.size(), String.valueOf(members));
    }

    static void helperSuspends() {
        while (true) {
            Coro.yield();
        }
    }

    @Test
    void always_puts_cancellations_with_longer_traces_first() {
        Coro<Void> plain = forever("plain");
        Coro<Void> deep = Coro.ofVoid(() -> helperSuspends());
        Coro<Void> never = Coro.ofVoid(() -> log.add("never ran"));
        IllegalStateException boom = new IllegalStateException("boom");
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(new LinkedHashSet<>(List.of(plain, deep)));
            Coro.yield();
            Coro.yield(new LinkedHashSet<>(List.of(Coro.ofVoid(() -> {
                throw boom;
            }), never)));
        }), GroupMode.ALWAYS));
        List<Throwable> m = group.exceptions();
        StringBuilder sb = new StringBuilder();
        for (Throwable t : m) {
            sb.append(t).append(" trace=").append(java.util.Arrays.toString(t.getStackTrace())).append('\n');
        }
        // root (1 frame), plain (1 frame), deep (2 frames), never (0 frames); failing coroutine has no waiter.
        assertEquals(5, m.size(), sb.toString());
        assertSame(boom, m.get(0));
        assertTrue(m.get(1).getStackTrace().length >= 2, sb.toString());
    }

    @Test
    void always_with_only_the_root_failing_is_a_group_of_one() {
        IllegalStateException boom = new IllegalStateException("boom");
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
            throw boom;
        }), GroupMode.ALWAYS));
        assertEquals(List.of(boom), group.exceptions());
        assertEquals("An error occurred running a tinyio loop.\nThe first exception is the original error; its "
                + "stack trace continues through each coroutine that alone waited for the failing one.\nThe others "
                + "occurred whilst stopping the other coroutines.", group.getMessage());
    }

    @Test
    void an_exception_group_needs_a_member() {
        assertEquals("An ExceptionGroup needs at least one exception", assertThrows(IllegalArgumentException.class,
                () -> new ExceptionGroup("empty", List.of())).getMessage());
    }

    @Test
    void never_mode_ignores_errors_during_cancellation() {
        IllegalStateException boom = new IllegalStateException("boom");
        Coro<Void> thrower = Coro.ofVoid(() -> {
            try {
                Coro.yield();
                Coro.yield();
            } catch (CancelledError e) {
                throw new IllegalArgumentException("cleanup failed");
            }
        });
        Throwable t = assertThrows(Throwable.class, () -> LogCapture.during(() -> new Loop().run(
                Coro.ofVoid(() -> Coro.yield(List.of(thrower, failing(boom)))), GroupMode.NEVER)));
        assertSame(boom, t);
    }

    @Test
    void auto_mode_with_only_returning_or_yielding_improper_responses_throws_the_original() {
        IllegalStateException boom = new IllegalStateException("boom");
        Coro<Integer> returner = Coro.of(() -> {
            try {
                Coro.yield();
                Coro.yield();
                return 0;
            } catch (CancelledError e) {
                return 1;
            }
        });
        Throwable t = assertThrows(Throwable.class, () -> LogCapture.during(() -> new Loop().run(
                Coro.ofVoid(() -> Coro.yield(List.of(returner, failing(boom)))))));
        assertSame(boom, t);
    }

    @Test
    void a_cycle_not_through_the_root_is_thrown_into_the_root() {
        Coro<?>[] ab = new Coro<?>[2];
        ab[0] = Coro.of(() -> Coro.yield(ab[1]));
        ab[1] = Coro.of(() -> Coro.yield(ab[0]));
        boolean[] rootGotIt = {false};
        CancelledError e = assertThrows(CancelledError.class, () -> LogCapture.during(() -> new Loop().run(
                Coro.ofVoid(() -> {
                    try {
                        Coro.yield(ab[0]);
                    } catch (CancelledError c) {
                        rootGotIt[0] = true;
                        throw c;
                    }
                }))));
        assertTrue(rootGotIt[0]);
        assertTrue(e.getMessage().startsWith("Cycle detected"), e.getMessage());
    }

    @Test
    void a_cycle_is_detected_even_while_a_timer_is_pending() {
        Coro<?>[] ab = new Coro<?>[2];
        ab[0] = Coro.of(() -> Coro.yield(ab[1]));
        ab[1] = Coro.of(() -> Coro.yield(ab[0]));
        CancelledError e = assertThrows(CancelledError.class, () -> LogCapture.during(() -> new Loop().run(
                Coro.ofVoid(() -> {
                    Coro.yield(new LinkedHashSet<>(List.of(ab[0])));
                    Coro.yield(Tinyio.sleep(Duration.ofSeconds(3)));
                }))));
        assertTrue(e.getMessage().startsWith("Cycle detected"), e.getMessage());
    }

    @Test
    void yielding_a_coroutine_running_in_another_loop_has_already_started() {
        Loop outer = new Loop();
        Loop other = new Loop();
        String[] messages = new String[2];
        Coro<?>[] running = new Coro<?>[1];
        running[0] = Coro.ofVoid(() -> {
            Coro.yield();
            CancelledError e = assertThrows(CancelledError.class,
                    () -> other.run(Coro.ofVoid(() -> Coro.yield(new LinkedHashSet<>(List.of(running[0]))))));
            messages[0] = e.getMessage();
            IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> other.run(running[0]));
            messages[1] = e2.getMessage();
        });
        outer.run(running[0]);
        assertTrue(messages[0].contains("has already started"), messages[0]);
        assertTrue(messages[1].contains("has already started"), messages[1]);
    }

    @Test
    void invalid_yield_of_a_list_with_a_non_coroutine() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Coro<Object>> bad = (List) List.of("not a coroutine");
        CancelledError e = assertThrows(CancelledError.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(bad);
        })));
        assertTrue(e.getMessage().startsWith("Invalid yield"), e.getMessage());
    }

    @Test
    void interrupt_in_always_mode_puts_interrupted_exception_first_after_orderly_cancellation() throws Exception {
        Thread loopThread = Thread.currentThread();
        CountDownLatch waiting = new CountDownLatch(1);
        // The loop reads the interrupt only when it blocks, which it does once the root's sleep has stepped:
        // wherever the interrupt lands after the count-down, the run fails at the same point.
        Thread interrupter = new Thread(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                return;
            }
            loopThread.interrupt();
        });
        interrupter.start();
        Coro<Void> bg = Coro.ofVoid(() -> {
            try {
                Coro.yield(Tinyio.sleep(Duration.ofSeconds(60)));
            } finally {
                log.add("bg");
            }
        });
        ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
            try {
                Coro.yield(new LinkedHashSet<>(List.of(bg)));
                waiting.countDown();
                Coro.yield(Tinyio.sleep(Duration.ofSeconds(60)));
            } finally {
                log.add("root");
            }
        }), GroupMode.ALWAYS));
        interrupter.join();
        assertInstanceOf(InterruptedException.class, g.exceptions().get(0));
        assertEquals(List.of("root", "bg"), log);
        // The root's sleep was stepped last: it and the root, its single waiter, are the stitched chain, which
        // leaves bg's cancellation and its sleep's.
        assertEquals(3, g.exceptions().size(), g.exceptions().toString());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void a_real_always_group_serializes_with_its_members() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(List.of(forever("a"), Coro.ofVoid(() -> {
                Coro.yield(Tinyio.timeout(Coro.ofVoid(() -> Coro.yield(Tinyio.sleep(Duration.ofSeconds(5)))),
                        Duration.ZERO));
                throw boom;
            })));
        }), GroupMode.ALWAYS));
        List<Throwable> members = group.exceptions();
        assertSame(boom, members.get(0));
        assertTrue(members.size() > 1, members.toString());
        for (Throwable cancellation : members.subList(1, members.size())) {
            assertInstanceOf(CancelledError.class, cancellation);
        }
        ExceptionGroup copy = RoundTrip.of(group);
        RoundTrip.assertSameContents(group, copy);
        // boom was made outside the loop, so a coroutine's frame in its trace is one the loop stitched in.
        assertTrue(java.util.Arrays.stream(copy.exceptions().get(0).getStackTrace()).anyMatch(
                e -> e.getMethodName().startsWith("lambda$a_real_always_group_serializes_with_its_members$")),
                java.util.Arrays.toString(copy.exceptions().get(0).getStackTrace()));
    }

    @Test
    void library_errors_serialize() throws Exception {
        CancelledError cancelled = new CancelledError("c");
        cancelled.initCause(new IllegalStateException("why"));
        for (Throwable t : new Throwable[] {cancelled, new CancelledError(), new dev.tinyio.TimeoutError("t"),
                new dev.tinyio.TimeoutError(), new dev.tinyio.NotInstrumentedError("n")}) {
            Throwable copy = RoundTrip.of(t);
            RoundTrip.assertSameContents(t, copy);
        }
    }
}
