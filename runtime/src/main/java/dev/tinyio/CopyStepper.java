package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;

/**
 * The body of {@link Tinyio#copy}: schedules the coroutine on the current loop through a recorder, and returns a
 * fresh coroutine that waits for the recording and returns the same result (the same object), or throws the same
 * exception. The fresh one may run in another loop, such as an isolate's.
 */
final class CopyStepper<T> implements Stepper {
    private final Coro<T> coro;
    /** Raised once the original has finished or failed. */
    private final Event recorded = new Event();
    private volatile T result;
    private volatile Throwable failure;
    private boolean scheduled;

    CopyStepper(Coro<T> coro) {
        this.coro = coro;
    }

    @Override
    public int step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            return out.threw(thrown);
        }
        if (!scheduled) {
            scheduled = true;
            return out.yielded(Step.SET, java.util.Set.of(new Coro<>(new Recorder())));
        }
        return out.returned(new Coro<T>(new Reader()));
    }

    @Override
    public StackTraceElement[] suspendedTrace() {
        return NativeSteppers.NO_FRAMES;
    }

    @Override
    public String toString() {
        return "Tinyio.copy(" + coro + ")";
    }

    /** Waits for the original in its loop and records how it ended. */
    private final class Recorder implements Stepper {
        private boolean yielded;

        @Override
        @SuppressWarnings("unchecked")
        public int step(Object value, Throwable thrown, Step out) {
            if (thrown != null) {
                failure = thrown;
                recorded.set();
                return out.threw(thrown);
            }
            if (!yielded) {
                yielded = true;
                return out.yielded(Step.ONE, coro);
            }
            result = (T) value;
            recorded.set();
            return out.returned(null);
        }

        @Override
        public StackTraceElement[] suspendedTrace() {
            return NativeSteppers.NO_FRAMES;
        }

        @Override
        public String toString() {
            return "copy recorder of " + coro;
        }
    }

    /** The copy: waits for the recording, wherever it runs, and returns or throws what the original did. */
    private final class Reader implements Stepper {
        private final Wait wait = new Wait(recorded, Wait.NO_TIMEOUT);
        private boolean waiting;

        @Override
        public int step(Object value, Throwable thrown, Step out) {
            if (thrown != null) {
                wait.cancel();
                return out.threw(thrown);
            }
            if (!waiting) {
                waiting = true;
                return out.yielded(Step.WAIT, wait);
            }
            return failure != null ? out.threw(failure) : out.returned(result);
        }

        @Override
        public StackTraceElement[] suspendedTrace() {
            return NativeSteppers.NO_FRAMES;
        }

        @Override
        public String toString() {
            return "copy of " + coro;
        }
    }
}
