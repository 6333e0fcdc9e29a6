package dev.tinyio;

import dev.tinyio.internal.Step;
import dev.tinyio.internal.Stepper;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The body of {@link Tinyio#fromFuture}: waits for a stage without blocking the loop's thread (its completion
 * wakes the loop like {@link Event#set} from a thread), then returns its value or throws its exception unchanged.
 * Cancelled, it cancels the stage where the stage supports that.
 */
final class FutureStepper<T> implements Stepper {
    private final CompletionStage<T> stage;
    private final Event completed = new Event();
    private final Wait wait = new Wait(completed, Wait.NO_TIMEOUT);
    private volatile T value;
    private volatile Throwable failure;
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
            stage.whenComplete((result, error) -> {
                value = result;
                failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                completed.set();
            });
            return out.yielded(Step.WAIT, wait);
        }
        return failure != null ? out.threw(failure) : out.returned(value);
    }

    private void cancelStage() {
        try {
            stage.toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException cannotCancel) {
            // A stage that cannot be seen as a CompletableFuture cannot be cancelled from here: it runs on.
        }
    }

    @Override
    public StackTraceElement[] suspendedTrace() {
        return NativeSteppers.NO_FRAMES;
    }

    @Override
    public String toString() {
        return "Tinyio.fromFuture(" + stage + ")";
    }
}
