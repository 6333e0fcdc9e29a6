package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.util.List;
import java.util.Set;

/**
 * What every coroutine of a run is doing, as text: running, ready, or what it waits for, and the stack it is
 * suspended in. For debugging hangs; exact on the loop's own thread, a best-effort snapshot from another.
 */
final class Dump {
    private Dump() {
    }

    /**
     * The text of a dump.
     *
     * @param root the coroutine the run was started with
     * @param active the run's active coroutines, in insertion order
     * @param ready the coroutines in the ready queue
     * @param inStep whether a step is under way
     * @param deadline the run's next wake-up, as a deadline on its clock, or {@link Long#MAX_VALUE}
     * @param now the time on the run's clock
     * @return the text
     */
    static String of(Coro<?> root, List<Coro<?>> active, Set<Coro<?>> ready, boolean inStep, long deadline,
            long now) {
        StringBuilder text = new StringBuilder("tinyio loop run of " + root + "\n");
        for (Coro<?> coro : active) {
            text.append("  ").append(coro).append('\n').append("    ").append(doing(coro, ready, inStep))
                    .append('\n');
            if (ready.contains(coro) || WaitFields.awaitedBy(coro) != null) {
                // Only a suspended coroutine's frames are its saved ones: a running one's are on the thread's stack.
                for (StackTraceElement element : CoroFields.suspendedTrace(coro)) {
                    text.append("      at ").append(element).append('\n');
                }
            }
        }
        if (deadline != Long.MAX_VALUE) {
            text.append("  next wake-up in ").append(Math.max(0, (deadline - now) / 1_000_000))
                    .append(" ms\n");
        }
        return text.toString();
    }

    private static String doing(Coro<?> coro, Set<Coro<?>> ready, boolean inStep) {
        if (ready.contains(coro)) {
            return "ready to run";
        }
        List<Coro<?>> awaited = WaitFields.awaitedBy(coro);
        if (awaited == null) {
            return inStep ? "running, or not yet started" : "not yet started";
        }
        return awaited.isEmpty() ? "waits for an event, a timeout or a thread" : "waits for " + awaited;
    }
}
