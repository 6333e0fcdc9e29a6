package dev.tinyio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
            for (Waiter waiter : awaited.waiters()) {
                waitsFor.computeIfAbsent(waiter.coro, k -> new ArrayList<>()).add(awaited);
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

    /** Depth-first search: true while a coroutine is on the current path, false once fully explored. */
    private static boolean reachesItself(Coro<?> node, Map<Coro<?>, List<Coro<?>>> edges,
            Map<Coro<?>, Boolean> state) {
        Boolean seen = state.get(node);
        if (seen != null) {
            return seen;
        }
        state.put(node, Boolean.TRUE);
        for (Coro<?> next : edges.getOrDefault(node, List.of())) {
            if (reachesItself(next, edges, state)) {
                return true;
            }
        }
        state.put(node, Boolean.FALSE);
        return false;
    }
}
