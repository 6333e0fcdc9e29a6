package demo.app;

import demo.lib.Steps;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Counts down from {@code from} to 1; fetching each element suspends. */
final class Countdown implements Iterable<Integer> {
    private final int from;

    Countdown(int from) {
        this.from = from;
    }

    @Override
    public Iterator<Integer> iterator() {
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next > 0;
            }

            @Override
            public Integer next() {
                if (next <= 0) {
                    throw new NoSuchElementException();
                }
                Steps.step(next);
                return next--;
            }
        };
    }
}
