package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Who waits for whom among a run's active coroutines: a cycle there can never resolve. */
final class WaitGraph {
    private WaitGraph() {
    }

    /**
     * Whether the active coroutines wait for each other in a cycle.
     *
     * @param active the active coroutines
     * @return true if some coroutine waits, through others, for itself
     */
    static boolean hasCycle(List<Coro<?>> active) {
        Map<Coro<?>, List<Coro<?>>> waitsFor = new HashMap<>();
        for (Coro<?> awaited : active) {
            for (Coro<?> waiting : WaitFields.waitingFor(awaited)) {
                waitsFor.computeIfAbsent(waiting, k -> new ArrayList<>()).add(awaited);
            }
        }
        Map<Coro<?>, Boolean> onPath = new IdentityHashMap<>();
        for (Coro<?> start : waitsFor.keySet()) {
            if (reachesItself(start, waitsFor, onPath)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Depth-first search, with a stack of its own so that a chain of any length cannot overflow the thread's:
     * true while a coroutine is on the current path, false once fully explored.
     */
    private static boolean reachesItself(Coro<?> start, Map<Coro<?>, List<Coro<?>>> edges,
            Map<Coro<?>, Boolean> state) {
        if (state.containsKey(start)) {
            return state.get(start);
        }
        ArrayDeque<Coro<?>> path = new ArrayDeque<>();
        ArrayDeque<Iterator<Coro<?>>> pending = new ArrayDeque<>();
        state.put(start, Boolean.TRUE);
        path.push(start);
        pending.push(edges.getOrDefault(start, List.of()).iterator());
        while (!path.isEmpty()) {
            Iterator<Coro<?>> next = pending.peek();
            if (!next.hasNext()) {
                state.put(path.pop(), Boolean.FALSE);
                pending.pop();
                continue;
            }
            Coro<?> node = next.next();
            Boolean seen = state.get(node);
            if (seen != null) {
                if (seen) {
                    return true;
                }
                continue;
            }
            state.put(node, Boolean.TRUE);
            path.push(node);
            pending.push(edges.getOrDefault(node, List.of()).iterator());
        }
        return false;
    }
}
