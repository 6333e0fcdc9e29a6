package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.vocabulary.CoroState;

/**
 * What a loop says of a coroutine another loop knows, or that failed in this one: it "has already started", as
 * tinyio says, and then which case it is and the fix that applies.
 */
public final class AlreadyStarted {
    private static final String FAILED_HERE = "it failed, was cancelled or timed out earlier in this loop, so it "
            + "has no result to give. A coroutine runs once: to try again, make a new coroutine.";
    private static final String FINISHED_HERE = "it finished in an earlier run of this loop. Loop.run(coro) returns "
            + "its result; Loop.start needs a new coroutine.";
    private static final String OF_THE_ENCLOSING_LOOP = "it belongs to the loop outside this Tinyio.isolate, and what "
            + "is yielded inside an isolate belongs to the isolate's own loop. Copy it in the outer loop, "
            + "Coro<T> copied = Coro.yield(Tinyio.copy(coro)), and yield the copy inside the isolate.";
    private static final String RUNNING_ELSEWHERE = "it is still running in another loop, and a coroutine runs in one "
            + "loop only. Wait for it in the loop that runs it, and hand its result over to this one: through a "
            + "CompletableFuture that this loop awaits with Tinyio.fromFuture, say.";
    private static final String RAN_ELSEWHERE = "it already ran in another loop, which alone has its result: a "
            + "coroutine runs once, in one loop. Make a new coroutine for this loop.";

    private AlreadyStarted() {
    }

    /**
     * The message for a coroutine that is not new, told by the loop that was asked to run or await it.
     *
     * @param here the loop asked to run or await the coroutine
     * @param coro the coroutine
     * @return the message
     */
    public static String message(LoopCore here, Coro<?> coro) {
        return "The coroutine " + coro + " has already started: " + why(here, coro);
    }

    private static String why(LoopCore here, Coro<?> coro) {
        LoopCore owner = CoroFields.owner(coro);
        CoroState state = CoroFields.state(coro);
        if (owner == here) {
            return state == CoroState.DONE ? FINISHED_HERE : FAILED_HERE;
        }
        if (here.isInside(owner)) {
            return OF_THE_ENCLOSING_LOOP;
        }
        return state == CoroState.ACTIVE ? RUNNING_ELSEWHERE : RAN_ELSEWHERE;
    }
}
