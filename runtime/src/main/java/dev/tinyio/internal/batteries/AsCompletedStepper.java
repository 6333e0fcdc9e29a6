package dev.tinyio.internal.batteries;

import dev.tinyio.Coro;
import dev.tinyio.internal.loop.CoroFields;
import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code Tinyio.asCompleted}: starts each coroutine in the background through a recorder that files
 * its result under the next completion index, then returns one coroutine per index, each waiting for that
 * completion. They may be awaited in any order.
 *
 * @param <T> the type the coroutines return
 */
public final class AsCompletedStepper<T> implements Stepper {
    private final List<Coro<? extends T>> coros;
    private final List<Signal> completed = new ArrayList<>();
    private final List<T> results = new ArrayList<>();
    private boolean started;
    /** How many have completed so far. */
    private int recorded;
    /** The coroutines of the completions, in order, once made. */
    private List<Coro<T>> inOrder;
    /** What each recorder does: files the result, and works for whoever waits for the next completion. */
    private final AwaitStepper.Recording recording = new AwaitStepper.Recording() {
        @Override
        public void result(Object value) {
            record(value);
        }

        @Override
        public Coro<?> worksFor() {
            return inOrder != null && recorded < inOrder.size() ? inOrder.get(recorded) : null;
        }
    };

    /**
     * The body of an {@code asCompleted} coroutine.
     *
     * @param coros the coroutines, started in the set's iteration order
     */
    public AsCompletedStepper(Set<? extends Coro<? extends T>> coros) {
        this.coros = new ArrayList<>(coros);
        for (int i = 0; i < this.coros.size(); i++) {
            completed.add(new Signal());
            results.add(null);
        }
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            return out.threw(thrown);
        }
        if (!started) {
            started = true;
            Set<Coro<Void>> recorders = new LinkedHashSet<>();
            for (Coro<? extends T> coro : coros) {
                recorders.add(CoroFields.of(new AwaitStepper(coro, "asCompleted recorder", recording)));
            }
            return out.yielded(Step.Request.SET, recorders);
        }
        inOrder = new ArrayList<>();
        for (int i = 0; i < coros.size(); i++) {
            int index = i;
            inOrder.add(CoroFields.of(WaitStepper.reporting(completed.get(index), "asCompleted completion " + index,
                    result -> result.returned(results.get(index)))));
        }
        return out.returned(List.copyOf(inOrder));
    }

    @Override
    public String toString() {
        return "Tinyio.asCompleted";
    }

    /** Files a result under the next completion index, and wakes whoever waits for that completion. */
    @SuppressWarnings("unchecked")
    private void record(Object value) {
        int index = recorded++;
        results.set(index, (T) value);
        completed.get(index).set();
    }
}
