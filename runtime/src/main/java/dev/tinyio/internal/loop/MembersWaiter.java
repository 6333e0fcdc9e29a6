package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A coroutine waiting for the list of coroutines it yielded, a member listed twice counting twice. (A coroutine
 * waiting for one coroutine needs no waiter: see {@link CoroFields#waitingAloneFor}.)
 */
final class MembersWaiter extends Waiter {
    /** What it yielded. */
    private final List<?> members;
    /** How many of them are still to finish. */
    private int remaining;

    MembersWaiter(Coro<?> coro, List<?> members) {
        super(coro);
        this.members = members;
        this.remaining = members.size();
    }

    @Override
    boolean countDown() {
        return --remaining == 0;
    }

    @Override
    List<Coro<?>> awaitedCoroutines() {
        // Coroutines compare by identity: a set drops a member listed twice in one pass, even in a wide gather.
        Set<Coro<?>> distinct = new LinkedHashSet<>();
        for (Object member : members) {
            distinct.add((Coro<?>) member);
        }
        return new ArrayList<>(distinct);
    }

    /** The results in list order. */
    @Override
    Object value() {
        List<Object> results = new ArrayList<>(members.size());
        for (Object member : members) {
            results.add(CoroFields.result((Coro<?>) member));
        }
        return results;
    }
}
