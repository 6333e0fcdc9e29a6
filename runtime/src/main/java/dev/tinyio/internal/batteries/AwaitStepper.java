package dev.tinyio.internal.batteries;

import dev.tinyio.Coro;
import dev.tinyio.internal.loop.WorksFor;
import dev.tinyio.internal.vocabulary.Step;
import dev.tinyio.internal.vocabulary.Stepper;

/**
 * A runtime coroutine that waits for one other coroutine and hands its result on: the recorder behind
 * {@code Tinyio.timeout}, {@code Tinyio.asCompleted} and {@code Tinyio.copy}, which run a coroutine in the
 * background and need to know how it ended.
 */
public final class AwaitStepper implements Stepper, WorksFor {
    /** What a recorder does with what it learns, and whom it works for. */
    public interface Recording {
        /**
         * The coroutine returned.
         *
         * @param value its result
         */
        void result(Object value);

        /**
         * The recorder was cancelled; the error propagates after this.
         *
         * @param error the error thrown into it
         */
        default void thrownIn(Throwable error) {
        }

        /**
         * See {@link WorksFor}: where a failure of the awaited coroutine reads on.
         *
         * @return the coroutine, or {@code null}
         */
        default Coro<?> worksFor() {
            return null;
        }
    }

    private final Coro<?> awaited;
    private final String description;
    private final Recording recording;
    private boolean yielded;

    /**
     * A recorder.
     *
     * @param awaited the coroutine to wait for
     * @param description what the recorder is for, for messages
     * @param recording what to do with what it learns
     */
    public AwaitStepper(Coro<?> awaited, String description, Recording recording) {
        this.awaited = awaited;
        this.description = description;
        this.recording = recording;
    }

    @Override
    public Step.Outcome step(Object value, Throwable thrown, Step out) {
        if (thrown != null) {
            recording.thrownIn(thrown);
            return out.threw(thrown);
        }
        if (!yielded) {
            yielded = true;
            return out.yielded(Step.Request.ONE, awaited);
        }
        recording.result(value);
        return out.returned(null);
    }

    @Override
    public Coro<?> worksFor() {
        return recording.worksFor();
    }

    @Override
    public String toString() {
        return description + " of " + awaited;
    }
}
