package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The chain along which a failure's stack trace continues: from a coroutine to the one coroutine that alone waits
 * for it, or, for the runtime's own coroutines that nobody waits for, to the coroutine they work for.
 */
final class WaitChain {
    private WaitChain() {
    }

    /**
     * The next coroutine of the chain.
     *
     * @param coro a coroutine
     * @return the coroutine that alone waits for it, or that it works for; {@code null} where the chain ends
     */
    static Coro<?> next(Coro<?> coro) {
        List<Coro<?>> waiting = WaitFields.waitingFor(coro);
        if (waiting.size() == 1) {
            return waiting.get(0);
        }
        return waiting.isEmpty() && CoroFields.stepper(coro) instanceof WorksFor helper ? helper.worksFor() : null;
    }

    /**
     * A coroutine and every one of the chain above it.
     *
     * @param start where the chain starts, or {@code null}
     * @return the coroutines, compared by identity
     */
    static Set<Coro<?>> from(Coro<?> start) {
        Set<Coro<?>> chain = Collections.newSetFromMap(new IdentityHashMap<>());
        Coro<?> coro = start;
        while (coro != null && chain.add(coro)) {
            coro = next(coro);
        }
        return chain;
    }

    /**
     * Where every coroutine of the chain above one is suspended, innermost first: the frames a failure of that
     * coroutine reads on through.
     *
     * @param coro a coroutine
     * @return the frames, empty if nobody waits for it
     */
    static List<StackTraceElement> framesAbove(Coro<?> coro) {
        List<StackTraceElement> frames = new ArrayList<>();
        Set<Coro<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Coro<?> next = next(coro); next != null && seen.add(next); next = next(next)) {
            frames.addAll(Arrays.asList(CoroFields.suspendedTrace(next)));
        }
        return frames;
    }
}
