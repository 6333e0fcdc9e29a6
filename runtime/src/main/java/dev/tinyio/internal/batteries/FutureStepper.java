package dev.tinyio.internal.batteries;

import dev.tinyio.internal.loop.Signal;
import dev.tinyio.internal.loop.Wait;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The body of {@code Tinyio.fromFuture}: waits for a stage without blocking the loop's thread (its completion
 * wakes the loop like {@code Event.set} from a thread), then returns its value or throws its exception unchanged.
 * Cancelled, it cancels the stage where the stage supports that.
 *
 * @param <T> the type of the stage's value
 */
public final class FutureStepper<T> implements Stepper {
    private final CompletionStage<T> stage;
    /**
     * What the stage's callback keeps: the outcome and the signal it sets, never this stepper, whose wait knows the
     * run. A stage that cannot be cancelled may outlive the run by far, and must not keep the run reachable.
     */
    private final Completion<T> completion = new Completion<>();
    private final Wait wait = new Wait(completion.completed, Wait.NO_TIMEOUT);
    private boolean waiting;

    /**
     * The body of a {@code fromFuture} coroutine.
     *
     * @param stage the stage to wait for
     */
    public FutureStepper(CompletionStage<T> stage) {
        this.stage = stage;
    }

    @Override
    public Step.Outcome step(Object resumed, Throwable thrown, Step out) {
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
            return out.yielded(Step.Request.WAIT, wait);
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

    /** The stage's outcome, recorded on whatever thread completes it, and the signal that wakes the loop. */
    private static final class Completion<T> implements BiConsumer<T, Throwable> {
        final Signal completed = new Signal();
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
