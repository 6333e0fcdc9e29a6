package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@link Tinyio#asCompleted}: starts each coroutine in the background through a recorder that files
 * its result under the next completion index, then returns one coroutine per index, each waiting for that
 * completion. They may be awaited in any order.
 */
final class AsCompletedStepper<T> implements Stepper {
    private final List<Coro<? extends T>> coros;
    private final List<Event> completed = new ArrayList<>();
    private final List<T> results = new ArrayList<>();
    private boolean started;

    AsCompletedStepper(Set<? extends Coro<? extends T>> coros) {
        this.coros = new ArrayList<>(coros);
        for (int i = 0; i < this.coros.size(); i++) {
            completed.add(new Event());
            results.add(null);
        }
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            return out.threw(thrown);
        }
        if (!started) {
            started = true;
            Set<Coro<Void>> recorders = new LinkedHashSet<>();
            int[] next = {0};
            for (Coro<? extends T> coro : coros) {
                recorders.add(new Coro<>(new Recorder(coro, next)));
            }
            return out.yielded(Step.SET, recorders);
        }
        List<Coro<T>> inOrder = new ArrayList<>();
        for (int i = 0; i < coros.size(); i++) {
            int index = i;
            inOrder.add(new Coro<>(new Stepper() {
                private final Wait wait = new Wait(completed.get(index), Wait.NO_TIMEOUT);
                private boolean waiting;

                @Override
                public int step(Object ignored, Throwable cancelled, Step result) {
                    if (cancelled != null) {
                        wait.cancel();
                        return result.threw(cancelled);
                    }
                    if (!waiting) {
                        waiting = true;
                        return result.yielded(Step.WAIT, wait);
                    }
                    return result.returned(results.get(index));
                }

                @Override
                public StackTraceElement[] suspendedTrace() {
                    return NativeSteppers.NO_FRAMES;
                }

                @Override
                public String toString() {
                    return "completion " + index + " of asCompleted";
                }
            }));
        }
        return out.returned(inOrder);
    }

    @Override
    public StackTraceElement[] suspendedTrace() {
        return NativeSteppers.NO_FRAMES;
    }

    @Override
    public String toString() {
        return "Tinyio.asCompleted";
    }

    /** Waits for one coroutine and files its result under the next completion index. */
    private final class Recorder implements Stepper {
        private final Coro<? extends T> coro;
        private final int[] next;
        private boolean yielded;

        Recorder(Coro<? extends T> coro, int[] next) {
            this.coro = coro;
            this.next = next;
        }

        @Override
        @SuppressWarnings("unchecked")
        public int step(Object value, Throwable thrown, Step out) {
            if (thrown != null) {
                return out.threw(thrown);
            }
            if (!yielded) {
                yielded = true;
                return out.yielded(Step.ONE, coro);
            }
            int index = next[0]++;
            results.set(index, (T) value);
            completed.get(index).set();
            return out.returned(null);
        }

        @Override
        public StackTraceElement[] suspendedTrace() {
            return NativeSteppers.NO_FRAMES;
        }

        @Override
        public String toString() {
            return "asCompleted recorder of " + coro;
        }
    }
}
