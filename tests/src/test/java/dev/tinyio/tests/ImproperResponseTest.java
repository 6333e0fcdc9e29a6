package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Event;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import dev.tinyio.TimeoutError;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A coroutine that does not let the error thrown into it escape gets a warning that names it and says what it did
 * instead, word for word, for each way of not answering: yielding a coroutine, a list or a set after a
 * cancellation, and yielding again after a timeout.
 */
class ImproperResponseTest {
    private static final String CANCELLATION = " did not respond properly to cancellation, and so a resource leak "
            + "may have occurred. The coroutine is expected to let the error thrown into it propagate to indicate "
            + "success in cleaning up resources. Instead, the coroutine ";
    private static final String TIMEOUT = " did not respond properly to its timeout, and so a resource leak may "
            + "have occurred. The coroutine is expected to let the error thrown into it propagate to indicate "
            + "success in cleaning up resources. Instead, the coroutine ";

    private static Coro<Void> failing(RuntimeException e) {
        return Coro.ofVoid(() -> {
            Coro.yield();
            throw e;
        });
    }

    /** A coroutine that waits until it is cancelled, and then yields what it is given instead of ending. */
    private static Coro<Void> yieldingOnCancellation(Object instead) {
        return Coro.ofVoid(() -> {
            try {
                while (true) {
                    Coro.yield();
                }
            } catch (CancelledError e) {
                if (instead instanceof Coro<?> coro) {
                    Coro.yield(coro);
                } else if (instead instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<Coro<?>> coros = (List<Coro<?>>) list;
                    Coro.yield(coros);
                } else {
                    @SuppressWarnings("unchecked")
                    Set<Coro<?>> coros = (Set<Coro<?>>) instead;
                    Coro.yield(coros);
                }
            }
        });
    }

    /** Runs an action and checks that it logs one warning, the one expected at the moment it is logged. */
    private static void warnsOnce(Supplier<String> expected, Runnable action) {
        List<LoggedAtTheTime.Logged> logged = LoggedAtTheTime.during(expected, action);
        assertEquals(1, logged.size(), logged::toString);
        LogRecord record = logged.get(0).record();
        assertEquals(Level.WARNING, record.getLevel());
        assertNull(record.getThrown());
        assertEquals(logged.get(0).expected(), record.getMessage());
    }

    /** Runs the coroutine beside one that fails: the run fails with that one's error. */
    private static void cancelBesideAFailure(Coro<Void> coro) {
        IllegalStateException boom = new IllegalStateException("boom");
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(coro, failing(boom)))))));
    }

    @Test
    void a_cancelled_coroutine_that_yields_a_coroutine_instead_is_warned_about_by_what_it_yielded() {
        Coro<Integer> other = Coro.of(() -> 1);
        Coro<Void> yielder = yieldingOnCancellation(other);
        warnsOnce(() -> "Coroutine " + yielder + CANCELLATION + "yielded " + other + ".",
                () -> cancelBesideAFailure(yielder));
    }

    @Test
    void a_cancelled_coroutine_that_yields_a_list_instead_is_warned_about_by_what_it_yielded() {
        List<Coro<Integer>> others = List.of(Coro.of(() -> 1), Coro.of(() -> 2));
        Coro<Void> yielder = yieldingOnCancellation(others);
        warnsOnce(() -> "Coroutine " + yielder + CANCELLATION + "yielded " + others + ".",
                () -> cancelBesideAFailure(yielder));
    }

    @Test
    void a_cancelled_coroutine_that_yields_a_set_instead_is_warned_about_by_what_it_yielded() {
        Set<Coro<Integer>> others = Set.of(Coro.of(() -> 1));
        Coro<Void> yielder = yieldingOnCancellation(others);
        warnsOnce(() -> "Coroutine " + yielder + CANCELLATION + "yielded " + others + ".",
                () -> cancelBesideAFailure(yielder));
    }

    @Test
    void a_timed_out_coroutine_that_yields_again_instead_is_warned_about() {
        Coro<Integer> yielder = Coro.of(() -> {
            try {
                Coro.yield(new Event().await());
                return 1;
            } catch (TimeoutError e) {
                Coro.yield();
                return 2;
            }
        });
        warnsOnce(() -> "Coroutine " + yielder + TIMEOUT + "yielded again, with Coro.yield().",
                () -> assertInstanceOf(TimeoutError.class, new Loop().run(
                        Tinyio.timeout(yielder, Duration.ofMillis(10))).error()));
    }

    @Test
    void a_timed_out_coroutine_that_yields_a_coroutine_instead_is_warned_about_by_what_it_yielded() {
        Coro<Void> nap = Tinyio.sleep(Duration.ofSeconds(30));
        Coro<Integer> yielder = Coro.of(() -> {
            try {
                Coro.yield(new Event().await());
                return 1;
            } catch (TimeoutError e) {
                Coro.yield(nap);
                return 2;
            }
        });
        warnsOnce(() -> "Coroutine " + yielder + TIMEOUT + "yielded " + nap + ".",
                () -> assertInstanceOf(TimeoutError.class, new Loop().run(
                        Tinyio.timeout(yielder, Duration.ofMillis(10))).error()));
    }

    @Test
    void an_orphan_that_returns_instead_of_ending_is_warned_about_as_a_cancellation() {
        Coro<Integer> orphan = Coro.of(() -> {
            try {
                Coro.yield(new Event().await());
                return 1;
            } catch (CancelledError e) {
                return 3;
            }
        });
        warnsOnce(() -> "Coroutine " + orphan + CANCELLATION + "returned 3.",
                () -> assertInstanceOf(TimeoutError.class, new Loop().run(
                        Tinyio.timeout(Coro.of(() -> Coro.yield(orphan)), Duration.ofMillis(10))).error()));
    }
}
