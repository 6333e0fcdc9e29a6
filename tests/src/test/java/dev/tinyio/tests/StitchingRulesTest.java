package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The stitching of stack traces of docs/semantics.md, through chains of single waiters, and where it stops. */
class StitchingRulesTest {
    static final IllegalStateException[] BOOM = new IllegalStateException[1];

    static Coro<Void> failer() {
        return Coro.ofVoid(() -> {
            Coro.yield();
            throw BOOM[0];
        });
    }

    private static List<String> ours(Throwable t) {
        List<String> m = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(StitchingRulesTest.class.getName())) {
                m.add(e.getMethodName().replaceAll("\\$\\d+$", "\\$"));
            }
        }
        return m;
    }

    static void waitTwo(Coro<Void> f) {
        Coro.yield(f);
    }

    @Test
    void the_chain_stops_at_a_coroutine_with_two_waiters() {
        BOOM[0] = new IllegalStateException("boom");
        Coro<Void> f = failer();
        Coro<Void> w1 = Coro.ofVoid(() -> waitTwo(f));
        Coro<Void> w2 = Coro.ofVoid(() -> waitTwo(f));
        ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(List.of(w1, w2));
        }), GroupMode.ALWAYS));
        assertSame(BOOM[0], g.exceptions().get(0));
        assertTrue(!ours(BOOM[0]).contains("waitTwo"), ours(BOOM[0]).toString());
        // root, w1, w2 cancelled; nothing stitched but the failer
        assertEquals(4, g.exceptions().size());
    }

    @Test
    void a_list_waiter_counts_as_a_single_waiter_and_the_chain_reaches_the_root() {
        BOOM[0] = new IllegalStateException("boom");
        Coro<Void> f = failer();
        Coro<Void> mid = Coro.ofVoid(() -> waitTwo(f));
        ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(List.of(mid, new Event().await()));
        }), GroupMode.ALWAYS));
        List<String> m = ours(BOOM[0]);
        assertTrue(m.contains("waitTwo"), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("lambda$a_list_waiter")), m.toString());
        // only the cancellation of the wait beside mid remains
        assertEquals(2, g.exceptions().size(), g.exceptions().toString());
    }

    @Test
    void interrupting_the_loop_while_a_thread_runs_interrupts_and_joins_it() throws Exception {
        Thread loopThread = Thread.currentThread();
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean workerInterrupted = new AtomicBoolean();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        // The loop reads the interrupt only when it blocks, which it does once the thread is started: wherever
        // the interrupt lands after the count-down, the run fails while the thread runs.
        Thread interrupter = new Thread(() -> {
            try {
                running.await();
            } catch (InterruptedException e) {
                return;
            }
            loopThread.interrupt();
        });
        interrupter.start();
        Throwable t = assertThrows(InterruptedException.class, () -> new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(Tinyio.runInThread(() -> {
                running.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    workerInterrupted.set(true);
                    Thread.sleep(50); // slow to end: run returns only once it has, however long that takes
                    log.add("worker ended");
                    throw e;
                }
                return null;
            }));
        }), GroupMode.NEVER));
        log.add("run returned");
        interrupter.join();
        assertTrue(workerInterrupted.get());
        assertEquals(List.of("worker ended", "run returned"), log);
        assertTrue(!Thread.currentThread().isInterrupted());
        assertInstanceOf(InterruptedException.class, t);
    }

    @Test
    void background_set_with_known_active_member_does_not_requeue_it_even_if_waiting() {
        List<String> log = new ArrayList<>();
        dev.tinyio.Event e = new dev.tinyio.Event();
        Coro<Void> w = Coro.ofVoid(() -> {
            Coro.yield(e.await());
            log.add("w");
        });
        new Loop().run(Coro.ofVoid(() -> {
            Coro.yield(new LinkedHashSet<>(List.of(w)));
            Coro.yield();
            Coro.yield();
            Coro.yield(new LinkedHashSet<>(List.of(w)));
            Coro.yield();
            log.add("root");
            e.set();
        }));
        assertEquals(List.of("root", "w"), log);
    }
}
