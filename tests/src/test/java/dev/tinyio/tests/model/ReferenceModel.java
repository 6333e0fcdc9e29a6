package dev.tinyio.tests.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SEMANTICS.md "Scheduling order" and "Errors and cancellation", written as plainly as possible and independently
 * of the loop: predicts the log a program writes, and how it fails.
 */
public final class ReferenceModel {
    /** A waiter: a coroutine and how many completions it still waits for. */
    private static final class Waiter {
        final int coro;
        int remaining;

        Waiter(int coro, int remaining) {
            this.coro = coro;
            this.remaining = remaining;
        }
    }

    private final Program program;
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    /** Unfinished coroutines the loop knows, in insertion order, with the waiters registered on each. */
    private final Map<Integer, List<Waiter>> known = new LinkedHashMap<>();
    private final Set<Integer> finished = new HashSet<>();
    private final Set<Integer> started = new HashSet<>();
    private final int[] pc;

    /** The log the program writes, in order. */
    public final List<String> log = new ArrayList<>();
    /** The coroutine that failed, or -1. */
    public int failed = -1;
    /** How many cancellation errors a group in {@code ALWAYS} mode holds after the original. */
    public int groupedCancellations;

    private ReferenceModel(Program program) {
        this.program = program;
        this.pc = new int[program.coroutines().size()];
    }

    /**
     * Runs the model.
     *
     * @param program the program
     * @return the finished model, with its log and failure
     */
    public static ReferenceModel run(Program program) {
        ReferenceModel model = new ReferenceModel(program);
        model.known.put(0, new ArrayList<>());
        model.queue.add(0);
        while (!model.queue.isEmpty() && model.failed < 0) {
            model.step(model.queue.poll());
        }
        return model;
    }

    private void step(int coro) {
        started.add(coro);
        List<Program.Action> actions = program.coroutines().get(coro);
        if (pc[coro] == actions.size()) {
            log.add(coro + ":end");
            log.add(coro + ":finally");
            finished.add(coro);
            for (Waiter waiter : known.remove(coro)) {
                countDown(waiter);
            }
            return;
        }
        int index = pc[coro]++;
        Program.Action action = actions.get(index);
        log.add(coro + ":" + index);
        switch (action.kind()) {
            case BARE -> queue.add(coro);
            case FAIL -> {
                log.add(coro + ":finally");
                fail(coro);
            }
            case BACKGROUND -> {
                for (int target : action.targets()) {
                    if (!finished.contains(target) && !known.containsKey(target)) {
                        known.put(target, new ArrayList<>());
                        queue.add(target);
                    }
                }
                queue.add(coro);
            }
            default -> {
                if (action.targets().isEmpty()) {
                    queue.add(coro);
                    return;
                }
                Waiter waiter = new Waiter(coro, action.targets().size());
                for (int target : action.targets()) {
                    if (finished.contains(target)) {
                        countDown(waiter);
                    } else if (known.containsKey(target)) {
                        known.get(target).add(waiter);
                    } else {
                        List<Waiter> waiters = new ArrayList<>();
                        waiters.add(waiter);
                        known.put(target, waiters);
                        queue.add(target);
                    }
                }
            }
        }
    }

    private void countDown(Waiter waiter) {
        if (--waiter.remaining == 0) {
            queue.add(waiter.coro);
        }
    }

    private void fail(int coro) {
        failed = coro;
        List<Waiter> waitersOfFailed = known.remove(coro);
        int cancellations = 0;
        for (int other : known.keySet()) {
            cancellations++;
            if (started.contains(other)) {
                log.add(other + ":cancelled");
                log.add(other + ":finally");
            }
        }
        Set<Integer> stitched = new HashSet<>();
        List<Waiter> waiters = waitersOfFailed;
        while (waiters.size() == 1 && stitched.add(waiters.get(0).coro)) {
            waiters = known.get(waiters.get(0).coro);
        }
        groupedCancellations = cancellations - stitched.size();
    }
}
