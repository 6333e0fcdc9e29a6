package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The body of {@link Tinyio#fromFuture}: waits for a stage without blocking the loop's thread (its completion
 * wakes the loop like {@link Event#set} from a thread), then returns its value or throws its exception unchanged.
 * Cancelled, it cancels the stage where the stage supports that.
 */
final class FutureStepper<T> implements Stepper {
    private final CompletionStage<T> stage;
    /**
     * What the stage's callback keeps: the outcome and the event it sets, never this stepper, whose wait knows the
     * run. A stage that cannot be cancelled may outlive the run by far, and must not keep the run reachable.
     */
    private final Completion<T> completion = new Completion<>();
    private final Wait wait = new Wait(completion.completed, Wait.NO_TIMEOUT);
    private boolean waiting;

    FutureStepper(CompletionStage<T> stage) {
        this.stage = stage;
    }

    @Override
    public int step(Object resumed, Throwable thrown, Step out) {
        if (thrown != null) {
            wait.cancel();
            if (waiting) {
                cancelStage();
            }
            return out.threw(thrown);
        }
        if (!waiting) {
            waiting = true;
            stage.whenComplete(completion);
            return out.yielded(Step.WAIT, wait);
        }
        return completion.failure != null ? out.threw(completion.failure) : out.returned(completion.value);
    }

    private void cancelStage() {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException cannotCancel) {
            // A stage that cannot be seen as a CompletableFuture cannot be cancelled from here: it runs on.
        }
    }

    /** The stage's outcome, recorded on whatever thread completes it, and the event that wakes the loop. */
    private static final class Completion<T> implements BiConsumer<T, Throwable> {
        final Event completed = new Event();
        /** Written before {@link #completed} is set. */
        volatile T value;
        /** Written before {@link #completed} is set; {@code null} if the stage completed normally. */
        volatile Throwable failure;

        @Override
        public void accept(T result, Throwable error) {
            value = result;
            failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            completed.set();
        }
    }

    @Override
    public String toString() {
        return "Tinyio.fromFuture(" + stage + ")";
    }
}
