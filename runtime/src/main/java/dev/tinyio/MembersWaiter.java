package dev.tinyio;

import java.util.ArrayList;
import java.util.List;

/** A coroutine waiting for what it yielded: one coroutine, or a list of them, a member listed twice counting twice. */
final class MembersWaiter extends Waiter {
    /** What it yielded: a coroutine, or a list of coroutines. */
    private final Object awaited;

    MembersWaiter(Coro<?> coro, Object awaited, int members) {
        super(coro, members);
        this.awaited = awaited;
    }

    @Override
    List<Coro<?>> awaitedCoroutines() {
        List<Coro<?>> coros = new ArrayList<>();
        if (awaited instanceof Coro<?> one) {
            coros.add(one);
        } else {
            for (Object member : (List<?>) awaited) {
                if (!coros.contains(member)) {
                    coros.add((Coro<?>) member);
                }
            }
        }
        return coros;
    }

    /** One result, or the results in list order. */
    @Override
    Object value() {
        if (awaited instanceof Coro<?> one) {
            return one.result;
        }
        List<?> members = (List<?>) awaited;
        List<Object> results = new ArrayList<>(members.size());
        for (Object member : members) {
            results.add(((Coro<?>) member).result);
        }
        return results;
    }
}
