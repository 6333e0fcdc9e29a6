package dev.tinyio.internal.batteries;

import dev.tinyio.Coro;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;
import java.util.function.Consumer;

/**
 * A runtime coroutine that waits for one other coroutine and hands its result on: the recorder behind
 * {@code Tinyio.timeout}, {@code Tinyio.asCompleted} and {@code Tinyio.copy}, which run a coroutine in the
 * background and need to know how it ended.
 */
public final class AwaitStepper implements Stepper {
    /** For a recorder that has nothing to record when it is cancelled. */
    public static final Consumer<Throwable> IGNORE_CANCELLATION = thrownIn -> { };

    private final Coro<?> awaited;
    private final String description;
    private final Consumer<Object> onResult;
    private final Consumer<Throwable> onThrown;
    private boolean yielded;

    /**
     * A recorder.
     *
     * @param awaited the coroutine to wait for
     * @param description what the recorder is for, for messages
     * @param onResult told the result
     * @param onThrown told the error thrown into the recorder (its cancellation) before it propagates
     */
    public AwaitStepper(Coro<?> awaited, String description, Consumer<Object> onResult, Consumer<Throwable> onThrown) {
        this.awaited = awaited;
        this.description = description;
        this.onResult = onResult;
        this.onThrown = onThrown;
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            onThrown.accept(thrown);
            return out.threw(thrown);
        }
        if (!yielded) {
            yielded = true;
            return out.yielded(Step.Request.ONE, awaited);
        }
        onResult.accept(value);
        return out.returned(null);
    }

    @Override
    public String toString() {
        return description + " of " + awaited;
    }
}
