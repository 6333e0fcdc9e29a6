package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A coroutine waiting for what it yielded: one coroutine, or a list of them, a member listed twice counting twice. */
final class MembersWaiter extends Waiter {
    /** What it yielded: a coroutine, or a list of coroutines. */
    private final Object awaited;
    /** How many of them are still to finish. */
    private int remaining;

    MembersWaiter(Coro<?> coro, Object awaited, int members) {
        super(coro);
        this.awaited = awaited;
        this.remaining = members;
    }

    @Override
    boolean countDown() {
        return --remaining == 0;
    }

    @Override
    List<Coro<?>> awaitedCoroutines() {
        if (awaited instanceof Coro<?> one) {
            List<Coro<?>> single = new ArrayList<>(1);
            single.add(one);
            return single;
        }
        // Coroutines compare by identity: a set drops a member listed twice in one pass, even in a wide gather.
        Set<Coro<?>> distinct = new LinkedHashSet<>();
        for (Object member : (List<?>) awaited) {
            distinct.add((Coro<?>) member);
        }
        return new ArrayList<>(distinct);
    }

    /** One result, or the results in list order. */
    @Override
    Object value() {
        if (awaited instanceof Coro<?> one) {
            return CoroFields.result(one);
        }
        List<?> members = (List<?>) awaited;
        List<Object> results = new ArrayList<>(members.size());
        for (Object member : members) {
            results.add(CoroFields.result((Coro<?>) member));
        }
        return results;
    }
}
