package samples.shapes;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;

/**
 * The second coroutine of every shape: a ticker that appends {@code '.'} to the log each time it runs, for as long
 * as the coroutine under test (the subject) has not finished. Gathered right after the subject, it runs once for
 * each bare {@code Coro.yield()} of the subject and twice for each yield of a new coroutine made by
 * {@link #value}, so the log shows exactly where, and how often, the subject was suspended.
 */
final class Ticker {
    private Ticker() {
    }

    /**
     * Runs the subject alongside the ticker.
     *
     * @return the log, a space, and the subject's result
     */
    static String run(StringBuilder log, Coro<?> subject) {
        Coro<Void> ticker = Coro.ofVoid(() -> {
            while (!subject.isDone()) {
                log.append('.');
                Coro.yield();
            }
        });
        List<Object> results = new Loop().run(Coro.of(() -> Coro.yield(List.of(subject, ticker))));
        return log + " " + results.get(0);
    }

    /** A coroutine that returns the value as soon as it runs. */
    static <T> Coro<T> value(T value) {
        return Coro.of(() -> value);
    }
}
