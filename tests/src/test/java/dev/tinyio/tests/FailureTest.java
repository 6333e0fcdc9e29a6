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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** One failure cancels everything, every coroutine cleans up, and the error reads like one stack trace. */
class FailureTest {
    private final List<String> log = new ArrayList<>();

    private Coro<Void> waitsForever(String name) {
        return Coro.ofVoid(() -> {
            try {
                while (true) {
                    Coro.yield();
                }
            } finally {
                log.add("cleaned " + name);
            }
        });
    }

    @Test
    void a_checked_exception_comes_out_unchanged_and_everything_else_is_cancelled() {
        IOException original = new IOException("disk");
        Coro<Void> failing = Coro.ofVoid(() -> {
            Coro.yield();
            throw original;
        });
        Exception thrown = assertThrows(IOException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            try {
                Coro.yield(List.of(waitsForever("a"), failing, waitsForever("b")));
            } finally {
                log.add("cleaned root");
            }
        })));
        assertSame(original, thrown);
        assertEquals(List.of("cleaned root", "cleaned a", "cleaned b"), log);
    }

    @Test
    void a_coroutine_that_never_started_is_cancelled_without_running() {
        boolean[] ran = {false};
        Coro<Void> never = Coro.ofVoid(() -> ran[0] = true);
        assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Set.of(Coro.ofVoid(() -> {
                throw new IllegalStateException("first");
            })));
            Coro.yield(never);
        })));
        assertFalse(ran[0]);
    }

    @Test
    void group_modes_decide_what_is_thrown() {
        for (GroupMode mode : GroupMode.values()) {
            IllegalStateException original = new IllegalStateException("boom");
            Throwable thrown = assertThrows(Throwable.class, () -> new Loop().run(Coro.ofVoid(() -> {
                Coro.yield(List.of(waitsForever("x"), Coro.ofVoid(() -> {
                    throw original;
                })));
            }), mode));
            if (mode == GroupMode.ALWAYS) {
                ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, thrown);
                assertSame(original, group.exceptions().get(0));
                assertEquals(2, group.exceptions().size(), group.exceptions().toString());
                assertInstanceOf(CancelledError.class, group.exceptions().get(1));
            } else {
                assertSame(original, thrown, mode.name());
            }
        }
    }

    @Test
    void an_error_during_cancellation_makes_a_group_in_auto_mode_and_is_logged() {
        List<LogRecord> warnings = LogCapture.during(() -> {
            ExceptionGroup group = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
                Coro<Void> stubborn = Coro.ofVoid(() -> {
                    try {
                        Coro.yield();
                        Coro.yield();
                    } catch (CancelledError e) {
                        throw new IllegalArgumentException("cleanup failed");
                    }
                });
                Coro.yield(List.of(stubborn, Coro.ofVoid(() -> {
                    throw new IllegalStateException("boom");
                })));
            })));
            assertEquals(2, group.exceptions().size());
            assertEquals("boom", group.exceptions().get(0).getMessage());
            assertEquals("cleanup failed", group.exceptions().get(1).getMessage());
        });
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("did not respond properly to cancellation"));
        assertTrue(warnings.get(0).getMessage().contains("threw"));
    }

    @Test
    void returning_instead_of_propagating_the_cancellation_only_warns() {
        List<LogRecord> warnings = LogCapture.during(() -> assertThrows(IllegalStateException.class,
                () -> new Loop().run(Coro.ofVoid(() -> {
                    Coro<Integer> swallower = Coro.of(() -> {
                        try {
                            Coro.yield();
                            Coro.yield();
                            return 1;
                        } catch (CancelledError e) {
                            return 2;
                        }
                    });
                    Coro.yield(List.of(swallower, Coro.ofVoid(() -> {
                        throw new IllegalStateException("boom");
                    })));
                }))));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("returned 2"), warnings.get(0).getMessage());
        assertTrue(warnings.get(0).getMessage().startsWith("Coroutine Coro@"), warnings.get(0).getMessage());
        assertTrue(warnings.get(0).getMessage().contains(
                "[FailureTest.returning_instead_of_propagating_the_cancellation_only_warns:118] did not respond"),
                warnings.get(0).getMessage());
    }

    @Test
    void yielding_instead_of_propagating_the_cancellation_warns_and_is_never_resumed() {
        int[] resumed = {0};
        List<LogRecord> warnings = LogCapture.during(() -> assertThrows(IllegalStateException.class,
                () -> new Loop().run(Coro.ofVoid(() -> {
                    Coro<Void> yielder = Coro.ofVoid(() -> {
                        try {
                            Coro.yield();
                            Coro.yield();
                        } catch (CancelledError e) {
                            Coro.yield();
                            resumed[0]++;
                        }
                    });
                    Coro.yield(List.of(yielder, Coro.ofVoid(() -> {
                        throw new IllegalStateException("boom");
                    })));
                }))));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).getMessage().contains("yielded"), warnings.get(0).getMessage());
        assertEquals(0, resumed[0]);
    }

    @Test
    void a_failure_in_the_loop_itself_cancels_everything_in_order() {
        List<Coro<Void>> poisoned = new java.util.AbstractList<>() {
            @Override
            public Coro<Void> get(int index) {
                throw new UnsupportedOperationException("poisoned list");
            }

            @Override
            public int size() {
                return 1;
            }
        };
        UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
                () -> new Loop().run(Coro.ofVoid(() -> {
                    try {
                        Coro.yield(Set.of(waitsForever("background")));
                        Coro.yield(poisoned);
                    } finally {
                        log.add("cleaned root");
                    }
                })));
        assertEquals("poisoned list", thrown.getMessage());
        assertEquals(List.of("cleaned root", "cleaned background"), log);
    }

    @Test
    void interrupting_a_waiting_loop_cancels_everything_and_throws_interrupted_exception() throws Exception {
        Thread loopThread = Thread.currentThread();
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        Thread interrupter = new Thread(() -> {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                return;
            }
            loopThread.interrupt();
        });
        interrupter.start();
        Exception thrown = assertThrows(InterruptedException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            try {
                log.add("waiting");
                waiting.countDown();
                Coro.yield(dev.tinyio.Tinyio.sleep(java.time.Duration.ofSeconds(60)));
            } finally {
                log.add("cleaned");
            }
        })));
        interrupter.join();
        assertEquals("Loop.run was interrupted while waiting", thrown.getMessage());
        assertEquals(List.of("waiting", "cleaned"), log);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void after_a_failure_every_coroutine_is_finished() {
        List<Coro<Void>> all = List.of(waitsForever("a"), waitsForever("b"), Coro.ofVoid(() -> {
            throw new IllegalStateException("boom");
        }));
        Coro<Void> root = Coro.ofVoid(() -> Coro.yield(all));
        assertThrows(IllegalStateException.class, () -> new Loop().run(root));
        assertTrue(root.isDone());
        for (Coro<Void> coro : all) {
            assertTrue(coro.isDone());
        }
    }

    @Test
    void after_a_failure_nothing_keeps_the_coroutines_reachable() throws InterruptedException {
        Loop loop = new Loop();
        java.lang.ref.ReferenceQueue<Coro<Void>> cleared = new java.lang.ref.ReferenceQueue<>();
        List<java.lang.ref.WeakReference<Coro<Void>>> refs = failAndForget(loop, cleared);
        assertTrue(Collected.all(cleared, refs.size()), "a coroutine is still reachable after the loop failed");
        for (java.lang.ref.WeakReference<Coro<Void>> ref : refs) {
            assertTrue(ref.get() == null, "a coroutine is still reachable after the loop failed");
        }
        assertEquals(1, loop.run(Coro.of(() -> 1)));
    }

    private List<java.lang.ref.WeakReference<Coro<Void>>> failAndForget(Loop loop,
            java.lang.ref.ReferenceQueue<Coro<Void>> cleared) {
        List<Coro<Void>> all = List.of(waitsForever("a"), waitsForever("b"), Coro.ofVoid(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", assertThrows(IllegalStateException.class,
                () -> loop.run(Coro.ofVoid(() -> Coro.yield(all)))).getMessage());
        List<java.lang.ref.WeakReference<Coro<Void>>> refs = new ArrayList<>();
        for (Coro<Void> coro : all) {
            refs.add(new java.lang.ref.WeakReference<>(coro, cleared));
        }
        return refs;
    }

    @Test
    void groups_and_their_members_serialize() throws Exception {
        IllegalStateException original = new IllegalStateException("a", new IOException("disk"));
        CancelledError cancelled = new CancelledError("b");
        ExceptionGroup group = new ExceptionGroup("g", List.of(original, cancelled));
        ExceptionGroup copy = RoundTrip.of(group);
        RoundTrip.assertSameContents(group, copy);
        assertEquals("g", copy.getMessage());
        assertEquals(2, copy.exceptions().size());
        assertEquals("a", copy.exceptions().get(0).getMessage());
        assertEquals("disk", copy.exceptions().get(0).getCause().getMessage());
        assertInstanceOf(CancelledError.class, copy.exceptions().get(1));
        assertEquals("b", copy.exceptions().get(1).getMessage());
    }

    @Test
    void a_cycle_of_waits_cancels_the_root() {
        Coro<?>[] self = new Coro<?>[1];
        self[0] = Coro.of(() -> Coro.yield(self[0]));
        CancelledError error = assertThrows(CancelledError.class, () -> new Loop().run(self[0]));
        assertTrue(error.getMessage().startsWith("Cycle detected"), error.getMessage());
    }

    @Test
    void the_original_trace_continues_through_the_chain_of_single_waiters() {
        Throwable thrown = assertThrows(IllegalStateException.class, () -> new Loop().run(outer()));
        List<String> methods = new ArrayList<>();
        for (StackTraceElement element : thrown.getStackTrace()) {
            if (element.getClassName().equals(FailureTest.class.getName())) {
                methods.add(element.getMethodName());
            }
        }
        assertEquals(List.of("failDeep", "lambda$inner$", "lambda$middle$", "lambda$outer$"),
                stripIds(methods).subList(0, 4), methods.toString());
    }

    @Test
    void a_trace_out_of_a_reentered_helper_names_its_suspended_callers() {
        Throwable thrown = assertThrows(IllegalStateException.class,
                () -> new Loop().run(Coro.of(() -> FailureTest.helperA())));
        List<String> methods = new ArrayList<>();
        for (StackTraceElement element : thrown.getStackTrace()) {
            if (element.getClassName().equals(FailureTest.class.getName())) {
                methods.add(element.getMethodName());
                assertTrue(element.getLineNumber() > 0, element.toString());
            }
        }
        assertEquals(List.of("helperC", "helperB", "helperA", "lambda$a_trace_out_of_a_reentered_helper_names_"
                + "its_suspended_callers$"), stripIds(methods).subList(0, 4), methods.toString());
    }

    static int helperA() {
        return helperB() + 1;
    }

    static int helperB() {
        return helperC() + 1;
    }

    static int helperC() {
        Coro.yield();
        throw new IllegalStateException("after resume");
    }

    private static Coro<Void> outer() {
        return Coro.ofVoid(() -> Coro.yield(middle()));
    }

    private static Coro<Void> middle() {
        return Coro.ofVoid(() -> Coro.yield(inner()));
    }

    private static Coro<Void> inner() {
        return Coro.ofVoid(() -> {
            Coro.yield();
            failDeep();
        });
    }

    private static void failDeep() {
        throw new IllegalStateException("deep");
    }

    private static List<String> stripIds(List<String> methods) {
        List<String> stripped = new ArrayList<>();
        for (String method : methods) {
            stripped.add(method.replaceAll("\\$\\d+$", "\\$"));
        }
        return stripped;
    }
}
