package dev.tinyio.tests.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docs/semantics.md "Scheduling order", "Errors and cancellation" and {@code Tinyio.isolate}, written as plainly
 * as possible and independently of the loop: predicts the log a program writes, and how it fails.
 *
 * <p>Coroutines are numbered as in the program; an isolate is a coroutine numbered after them, whose every step is
 * one step of a nested model of its program, logging under the prefix {@code i<k>.}.
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
    /** Prefixes every log entry: empty for the outer program, {@code i<k>.} inside isolate k. */
    private final String prefix;
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    /** Unfinished coroutines the loop knows, in insertion order, with the waiters registered on each. */
    private final Map<Integer, List<Waiter>> known = new LinkedHashMap<>();
    private final Set<Integer> finished = new HashSet<>();
    private final Set<Integer> started = new HashSet<>();
    private final int[] pc;
    /** The nested models of the isolates running, by their coroutine number. */
    private final Map<Integer, ReferenceModel> isolates = new HashMap<>();
    /** The outcome an isolating coroutine logs when it resumes, by coroutine. */
    private final Map<Integer, String> notes = new HashMap<>();
    /** The isolate each coroutine number beyond the program's stands for. */
    private final Map<Integer, Integer> isolateOf = new HashMap<>();

    /** The log the program writes, in order; an isolate's entries are written into its parent's log. */
    public final List<String> log;
    /** The coroutine whose error failed the run, or -1: if none did, or the loop itself failed on a cycle. */
    public int failed = -1;
    /** Whether the error that failed the run is a cycle's, here or, escaping an isolate, inside it. */
    public boolean cycle;
    /** How many cancellation errors a group in {@code ALWAYS} mode holds after the original. */
    public int groupedCancellations;
    /** The coroutine stepped most recently: where the chain starts after a cycle. */
    private int lastStepped = -1;

    private ReferenceModel(Program program, String prefix, List<String> log) {
        this.program = program;
        this.prefix = prefix;
        this.log = log;
        this.pc = new int[program.coroutines().size()];
        known.put(0, new ArrayList<>());
        queue.add(0);
    }

    /**
     * Runs the model to its end.
     *
     * @param program the program
     * @return the finished model, with its log and failure
     */
    public static ReferenceModel run(Program program) {
        ReferenceModel model = new ReferenceModel(program, "", new ArrayList<>());
        while (model.step()) {
            continue;
        }
        return model;
    }

    /** Whether the run failed. */
    public boolean crashed() {
        return failed >= 0 || cycle;
    }

    /**
     * Takes one step, if anything is ready and nothing has failed; false once the run is over. With nothing ready
     * and coroutines left, they wait for each other in a cycle: nothing else here can keep a coroutine waiting.
     */
    private boolean step() {
        if (crashed()) {
            return false;
        }
        if (queue.isEmpty()) {
            if (!known.isEmpty()) {
                cycle();
            }
            return false;
        }
        int coro = queue.poll();
        lastStepped = coro;
        started.add(coro);
        if (isolateOf.containsKey(coro)) {
            stepIsolate(coro);
            return true;
        }
        String note = notes.remove(coro);
        if (note != null) {
            log.add(name(coro) + note);
        }
        List<Program.Action> actions = program.coroutines().get(coro);
        if (pc[coro] == actions.size()) {
            log.add(name(coro) + ":end");
            log.add(name(coro) + ":finally");
            complete(coro);
            return true;
        }
        int index = pc[coro]++;
        Program.Action action = actions.get(index);
        log.add(name(coro) + ":" + index);
        switch (action.kind()) {
            case BARE -> queue.add(coro);
            case FAIL -> {
                log.add(name(coro) + ":finally");
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
            case ISOLATE -> {
                int isolate = program.coroutines().size() + isolateOf.size();
                isolateOf.put(isolate, action.targets().get(0));
                List<Waiter> waiters = new ArrayList<>();
                waiters.add(new Waiter(coro, 1));
                known.put(isolate, waiters);
                queue.add(isolate);
            }
            default -> await(coro, action.targets());
        }
        return true;
    }

    private void await(int coro, List<Integer> targets) {
        if (targets.isEmpty()) {
            queue.add(coro);
            return;
        }
        Waiter waiter = new Waiter(coro, targets.size());
        for (int target : targets) {
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

    /**
     * One step of an isolate: one step of its nested model, or the end of it. A cycle inside is a
     * {@code CancelledError}, not an {@code Exception}: the isolate does not catch it, and it fails this run.
     */
    private void stepIsolate(int isolate) {
        ReferenceModel inner = isolates.computeIfAbsent(isolate, i -> new ReferenceModel(
                program.isolated().get(isolateOf.get(i)), prefix + "i" + isolateOf.get(i) + ".", log));
        if (inner.step() && !inner.crashed()) {
            queue.add(isolate);
            return;
        }
        if (inner.cycle) {
            cycle = true;
            fail(isolate);
            return;
        }
        Waiter parent = known.get(isolate).get(0);
        notes.put(parent.coro, ":isolate " + (inner.crashed() ? "failed" : "ok"));
        complete(isolate);
    }

    private void complete(int coro) {
        finished.add(coro);
        for (Waiter waiter : known.remove(coro)) {
            countDown(waiter);
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
            cancel(other);
        }
        Set<Integer> stitched = new HashSet<>();
        List<Waiter> waiters = waitersOfFailed;
        while (waiters.size() == 1 && stitched.add(waiters.get(0).coro)) {
            waiters = known.get(waiters.get(0).coro);
        }
        groupedCancellations = cancellations - stitched.size();
    }

    /**
     * The loop found a cycle: its error goes into the root, if it has not finished, which lets it escape, and every
     * other coroutine is cancelled. The root counts among the cancelled, and the chain left out of the group
     * starts at the last-stepped coroutine.
     */
    private void cycle() {
        cycle = true;
        for (int coro : known.keySet()) {
            cancel(coro);
        }
        Set<Integer> stitched = new HashSet<>();
        int coro = lastStepped;
        while (known.containsKey(coro) && stitched.add(coro)) {
            List<Waiter> waiters = known.get(coro);
            if (waiters.size() != 1) {
                break;
            }
            coro = waiters.get(0).coro;
        }
        groupedCancellations = known.size() - stitched.size();
    }

    /** Cancels a coroutine; an isolate cancels everything inside it first. */
    private void cancel(int coro) {
        if (!started.contains(coro)) {
            return;
        }
        ReferenceModel inner = isolates.get(coro);
        if (inner != null) {
            for (int other : inner.known.keySet()) {
                inner.cancel(other);
            }
        } else if (!isolateOf.containsKey(coro)) {
            log.add(name(coro) + ":cancelled");
            log.add(name(coro) + ":finally");
        }
    }

    private String name(int coro) {
        return prefix + coro;
    }
}
