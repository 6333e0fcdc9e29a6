package dev.tinyio.tests.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * docs/semantics.md "Scheduling order", "Errors and cancellation", {@code Tinyio.isolate} and, for timed programs,
 * "Virtual time" with the sleeps, events and timeouts of "Batteries", written as plainly as possible and
 * independently of the loop: predicts the log a program writes, how it fails, and how long it takes.
 *
 * <p>Coroutines are numbered as in the program; the runtime's own coroutines (an isolate, a sleep, an event's
 * wait, a timeout and its recorder) are numbered after them, in the order they are made. An isolate's every step is
 * one step of a nested model of its program, logging under the prefix {@code i<k>.}. A timed program's log entries
 * end with {@code @<minutes>}, the time they were written at.
 */
public final class ReferenceModel {
    /** A waiter: a coroutine, how many completions it still waits for, and of which coroutines. */
    private static final class Waiter {
        final int coro;
        final List<Integer> members;
        int remaining;

        Waiter(int coro, int remaining, List<Integer> members) {
            this.coro = coro;
            this.remaining = remaining;
            this.members = new ArrayList<>(new LinkedHashSet<>(members));
        }
    }

    /** What the runtime's own coroutines of a timed program are. */
    private enum Kind { SLEEP, EVENT_WAIT, TIMEOUT, RECORDER }

    /** One of the runtime's own coroutines of a timed program, and how far it has got. */
    private static final class Battery {
        final Kind kind;
        /** The coroutine a timeout or a recorder is for; the event an event wait is for. */
        final int target;
        final int minutes;
        /** The coroutine that yielded it, for a timeout: it logs the outcome when it resumes. */
        final int yielder;
        int step;
        /** Its wait, once made. */
        VirtualTime.Wait wait;
        /** A timeout's recorder; a recorder's timeout. */
        int partner = -1;
        /** For a timeout: whether its recorder has the coroutine's result. */
        boolean recorded;

        Battery(Kind kind, int target, int minutes, int yielder) {
            this.kind = kind;
            this.target = target;
            this.minutes = minutes;
            this.yielder = yielder;
        }
    }

    private final Program program;
    /** Prefixes every log entry: empty for the outer program, {@code i<k>.} inside isolate k. */
    private final String prefix;
    /** The clock, timers and events, or {@code null} for a program without time. */
    private final VirtualTime time;
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    /** Unfinished coroutines the loop knows, in insertion order, with the waiters registered on each. */
    private final Map<Integer, List<Waiter>> known = new LinkedHashMap<>();
    /** What each waiting coroutine waits on: a {@link Waiter}, or its own {@link VirtualTime.Wait}. */
    private final Map<Integer, Object> waitingOn = new HashMap<>();
    private final Set<Integer> finished = new HashSet<>();
    /** Coroutines ended early: timed out, cancelled as orphans, or a recorder whose timeout passed. */
    private final Set<Integer> ended = new HashSet<>();
    private final Set<Integer> started = new HashSet<>();
    private final int[] pc;
    /** The number the next of the runtime's own coroutines gets. */
    private int nextNumber;
    /** The nested models of the isolates running, by their coroutine number. */
    private final Map<Integer, ReferenceModel> isolates = new HashMap<>();
    /** The outcome a coroutine logs when it resumes, by coroutine. */
    private final Map<Integer, String> notes = new HashMap<>();
    /** The event a coroutine sets when it resumes from its sleep, by coroutine. */
    private final Map<Integer, Integer> setsOnResuming = new HashMap<>();
    /** The isolate each coroutine number beyond the program's stands for. */
    private final Map<Integer, Integer> isolateOf = new HashMap<>();
    /** The sleeps, event waits, timeouts and recorders, by coroutine number. */
    private final Map<Integer, Battery> batteries = new HashMap<>();

    /** The log the program writes, in order; an isolate's entries are written into its parent's log. */
    public final List<String> log;
    /** The coroutine whose error failed the run, or -1: if none did, or the loop itself failed on a cycle. */
    public int failed = -1;
    /**
     * If the loop threw a {@code CancelledError} into the coroutine that failed the run, part of its message: it
     * yielded a coroutine that had timed out, or waited for one as it timed out. {@code null} for a {@code Boom}.
     */
    public String cancelledBecause;
    /** Whether the error that failed the run is a cycle's, here or, escaping an isolate, inside it. */
    public boolean cycle;
    /** How many cancellation errors a group in {@code ALWAYS} mode holds after the original. */
    public int groupedCancellations;
    /** How often each event worth generating happened, for a check that the generator makes them. */
    public final Map<String, Integer> seen = new TreeMap<>();
    /** The coroutine stepped most recently: where the chain starts after a cycle. */
    private int lastStepped = -1;

    private ReferenceModel(Program program, String prefix, List<String> log, VirtualTime time) {
        this.program = program;
        this.prefix = prefix;
        this.log = log;
        this.time = time;
        this.pc = new int[program.coroutines().size()];
        this.nextNumber = program.coroutines().size();
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
        return runToEnd(new ReferenceModel(program, "", new ArrayList<>(), null));
    }

    /**
     * Runs the model of a timed program ({@link Program#decodeTimed}) to its end, on a virtual clock that jumps to
     * the nearest deadline whenever every coroutine waits.
     *
     * @param program the program
     * @return the finished model, with its log, failure and {@link #minutes}
     */
    public static ReferenceModel runTimed(Program program) {
        return runToEnd(new ReferenceModel(program, "", new ArrayList<>(), new VirtualTime()));
    }

    private static ReferenceModel runToEnd(ReferenceModel model) {
        while (model.step()) {
            continue;
        }
        return model;
    }

    /** Whether the run failed. */
    public boolean crashed() {
        return failed >= 0 || cycle;
    }

    /** How long the run took, in minutes of virtual time. */
    public long minutes() {
        return time.now;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Steps
    // -----------------------------------------------------------------------------------------------------------

    /**
     * Takes one step, if anything is ready and nothing has failed; false once the run is over. Before each step,
     * the timers that are due fire. With nothing ready and coroutines left: if a timer is pending, the clock jumps
     * to the nearest deadline (a timed program has no cycles: it yields only later coroutines); otherwise they
     * wait for each other in a cycle, as nothing else here can keep a coroutine waiting.
     */
    private boolean step() {
        if (crashed()) {
            return false;
        }
        fireDueTimers();
        if (queue.isEmpty()) {
            if (known.isEmpty()) {
                return false;
            }
            long nearest = time == null ? -1 : time.nearest();
            if (nearest < 0) {
                cycle();
                return false;
            }
            time.now = nearest;
            count("jump");
            return true;
        }
        int coro = queue.poll();
        if (!known.containsKey(coro)) {
            // Ended early while it was queued: finished for good.
            return true;
        }
        lastStepped = coro;
        started.add(coro);
        if (isolateOf.containsKey(coro)) {
            stepIsolate(coro);
            return true;
        }
        Battery battery = batteries.get(coro);
        if (battery != null) {
            stepBattery(coro, battery);
            return true;
        }
        Integer setting = setsOnResuming.remove(coro);
        if (setting != null) {
            for (VirtualTime.Wait wait : time.set(setting)) {
                count("an event set wakes a wait");
                fire(wait);
            }
        }
        String note = notes.remove(coro);
        if (note != null) {
            log(name(coro) + note);
        }
        List<Program.Action> actions = program.coroutines().get(coro);
        if (pc[coro] == actions.size()) {
            log(name(coro) + ":end");
            log(name(coro) + ":finally");
            complete(coro);
            return true;
        }
        int index = pc[coro]++;
        Program.Action action = actions.get(index);
        log(name(coro) + ":" + index);
        List<Integer> targets = action.targets();
        switch (action.kind()) {
            case BARE -> queue.add(coro);
            case FAIL -> {
                log(name(coro) + ":finally");
                fail(coro, null);
            }
            case BACKGROUND -> {
                for (int target : targets) {
                    if (ended.contains(target)) {
                        alreadyStarted(coro);
                        return true;
                    }
                    if (!finished.contains(target) && !known.containsKey(target)) {
                        known.put(target, new ArrayList<>());
                        queue.add(target);
                    }
                }
                queue.add(coro);
            }
            case ISOLATE -> {
                int isolate = nextNumber++;
                isolateOf.put(isolate, targets.get(0));
                Waiter waiter = new Waiter(coro, 1, List.of(isolate));
                waitingOn.put(coro, waiter);
                List<Waiter> waiters = new ArrayList<>();
                waiters.add(waiter);
                known.put(isolate, waiters);
                queue.add(isolate);
            }
            case SLEEP -> await(coro, List.of(battery(Kind.SLEEP, -1, targets.get(0), coro)));
            case AWAIT_EVENT -> await(coro, List.of(battery(Kind.EVENT_WAIT, targets.get(0), targets.get(1), coro)));
            case SET_EVENT -> {
                setsOnResuming.put(coro, targets.get(0));
                await(coro, List.of(battery(Kind.SLEEP, -1, targets.get(1), coro)));
            }
            case CLEAR_EVENT -> {
                time.clear(targets.get(0));
                queue.add(coro);
            }
            case TIMEOUT -> await(coro, List.of(battery(Kind.TIMEOUT, targets.get(0), targets.get(1), coro)));
            default -> await(coro, targets);
        }
        return true;
    }

    /**
     * Waits for the targets, in order: a finished one counts down at once, a known one gets the waiter, a new one
     * is queued. One that ended early cannot be yielded: the yielder is cancelled, and the run fails.
     */
    private void await(int coro, List<Integer> targets) {
        if (targets.isEmpty()) {
            queue.add(coro);
            return;
        }
        Waiter waiter = new Waiter(coro, targets.size(), targets);
        waitingOn.put(coro, waiter);
        for (int target : targets) {
            if (ended.contains(target)) {
                alreadyStarted(coro);
                return;
            }
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
                program.isolated().get(isolateOf.get(i)), prefix + "i" + isolateOf.get(i) + ".", log, null));
        if (inner.step() && !inner.crashed()) {
            queue.add(isolate);
            return;
        }
        if (inner.cycle) {
            cycle = true;
            fail(isolate, null);
            return;
        }
        Waiter parent = known.get(isolate).get(0);
        notes.put(parent.coro, ":isolate " + (inner.crashed() ? "failed" : "ok"));
        complete(isolate);
    }

    private void complete(int coro) {
        finished.add(coro);
        waitingOn.remove(coro);
        for (Waiter waiter : known.remove(coro)) {
            countDown(waiter);
        }
    }

    /** One completion a waiter waited for: its coroutine is queued once the last one comes, if it still waits. */
    private void countDown(Waiter waiter) {
        if (--waiter.remaining == 0 && known.containsKey(waiter.coro) && waitingOn.get(waiter.coro) == waiter) {
            waitingOn.remove(waiter.coro);
            queue.add(waiter.coro);
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Sleeps, event waits and timeouts: the runtime's own coroutines in a timed program
    // -----------------------------------------------------------------------------------------------------------

    private int battery(Kind kind, int target, int minutes, int yielder) {
        int number = nextNumber++;
        batteries.put(number, new Battery(kind, target, minutes, yielder));
        return number;
    }

    /**
     * A sleep or an event's wait takes one step to make its wait (on the event, which fires it at once if set, and
     * on the timers) and one to end once the wait is over. A timeout takes one step to start its recorder in the
     * background, one to wait for the recording or the limit, and one to end with the outcome, timing its coroutine
     * out if the recorder has no result yet. A recorder takes one step to wait for the coroutine and one to record
     * its result, which wakes the timeout.
     */
    private void stepBattery(int coro, Battery battery) {
        int step = battery.step++;
        switch (battery.kind) {
            case SLEEP, EVENT_WAIT -> {
                if (step > 0) {
                    complete(coro);
                    return;
                }
                battery.wait = new VirtualTime.Wait(coro, battery.kind == Kind.SLEEP ? -1 : battery.target);
                waitingOn.put(coro, battery.wait);
                if (battery.kind == Kind.EVENT_WAIT && time.register(battery.wait)) {
                    count("a wait on a set event ends at once");
                    fire(battery.wait);
                } else {
                    time.arm(battery.wait, battery.minutes);
                }
            }
            case TIMEOUT -> {
                if (step == 0) {
                    int recorder = battery(Kind.RECORDER, battery.target, 0, coro);
                    battery.partner = recorder;
                    batteries.get(recorder).partner = coro;
                    known.put(recorder, new ArrayList<>());
                    queue.add(recorder);
                    queue.add(coro);
                } else if (step == 1) {
                    battery.wait = new VirtualTime.Wait(coro, -1);
                    waitingOn.put(coro, battery.wait);
                    if (battery.recorded) {
                        fire(battery.wait);
                    } else {
                        time.arm(battery.wait, battery.minutes);
                    }
                } else {
                    boolean inTime = battery.recorded || timeOut(battery);
                    if (crashed()) {
                        return;
                    }
                    count(inTime ? "a timeout in time" : "a timeout that times out");
                    notes.put(battery.yielder, ":timeout " + (inTime ? "ok" : "failed"));
                    complete(coro);
                }
            }
            case RECORDER -> {
                if (step == 0) {
                    await(coro, List.of(battery.target));
                    return;
                }
                Battery timeout = batteries.get(battery.partner);
                timeout.recorded = true;
                if (timeout.wait != null) {
                    fire(timeout.wait);
                }
                complete(coro);
            }
        }
    }

    /**
     * The limit passed first: the recorder ends quietly, and the coroutine, if still running, gets a
     * {@code TimeoutError} where it is suspended and ends for good; what only it waited for is cancelled, and a
     * coroutine that also waited for it is cancelled, which fails the run.
     *
     * @return true if the coroutine had finished after all
     */
    private boolean timeOut(Battery timeout) {
        endEarly(timeout.partner);
        int coro = timeout.target;
        if (finished.contains(coro)) {
            return true;
        }
        if (!known.containsKey(coro)) {
            ended.add(coro);
            return false;
        }
        Object pending = waitingOn.remove(coro);
        if (started.contains(coro)) {
            log(name(coro) + ":timed out");
            log(name(coro) + ":finally");
        }
        ended.add(coro);
        List<Waiter> waiters = known.remove(coro);
        cancelOrphans(pending);
        for (Waiter waiter : waiters) {
            if (known.containsKey(waiter.coro) && waitingOn.get(waiter.coro) == waiter) {
                count("a waiter of a timed-out coroutine");
                logCancelled(waiter.coro);
                fail(waiter.coro, "timed out under Tinyio.timeout");
                return false;
            }
        }
        return false;
    }

    /**
     * A waiter gave up for good: each coroutine it waited for that no one else waits for now is cancelled, and so
     * on down.
     */
    private void cancelOrphans(Object gaveUp) {
        if (!(gaveUp instanceof Waiter first)) {
            return;
        }
        Deque<Iterator<Integer>> pending = new ArrayDeque<>();
        Deque<Waiter> gaveUps = new ArrayDeque<>();
        pending.push(first.members.iterator());
        gaveUps.push(first);
        while (!pending.isEmpty()) {
            Iterator<Integer> members = pending.peek();
            if (!members.hasNext()) {
                pending.pop();
                gaveUps.pop();
                continue;
            }
            int member = members.next();
            if (!known.containsKey(member)) {
                continue;
            }
            Waiter gone = gaveUps.peek();
            known.get(member).removeIf(waiter -> waiter == gone);
            if (known.get(member).isEmpty()) {
                Object next = waitingOn.get(member);
                count("an orphan cancelled");
                logCancelled(member);
                endEarly(member);
                if (next instanceof Waiter nextWaiter) {
                    pending.push(nextWaiter.members.iterator());
                    gaveUps.push(nextWaiter);
                }
            }
        }
    }

    /** Ends a coroutine for good outside its own steps; a sleep, an event wait or a timeout withdraws its wait. */
    private void endEarly(int coro) {
        if (!known.containsKey(coro)) {
            return;
        }
        Battery battery = batteries.get(coro);
        if (battery != null && battery.kind != Kind.RECORDER && battery.wait != null) {
            time.finish(battery.wait);
        }
        ended.add(coro);
        known.remove(coro);
        waitingOn.remove(coro);
    }

    /** Fires the timers that are due, soonest first, ties in the order they were armed. */
    private void fireDueTimers() {
        if (time == null) {
            return;
        }
        List<VirtualTime.Wait> due = time.due();
        for (int i = 0; i < due.size(); i++) {
            if (i > 0 && due.get(i).deadline == due.get(i - 1).deadline) {
                count("timers due at the same instant");
            }
            if (due.get(i).event >= 0) {
                count("an event wait that times out");
            }
            fire(due.get(i));
        }
    }

    /** A wait ends (its event, its deadline, its recording): its coroutine is queued, if it still waits on it. */
    private void fire(VirtualTime.Wait wait) {
        if (time.finish(wait) && known.containsKey(wait.coro) && waitingOn.get(wait.coro) == wait) {
            waitingOn.remove(wait.coro);
            queue.add(wait.coro);
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Failures
    // -----------------------------------------------------------------------------------------------------------

    /** A coroutine yielded one that had ended early: it is cancelled, and the run fails with that cancellation. */
    private void alreadyStarted(int coro) {
        count("a yield of a timed-out coroutine");
        logCancelled(coro);
        fail(coro, "has already started");
    }

    /** A cancellation thrown into a coroutine of the program that started: it logs, and cleans up. */
    private void logCancelled(int coro) {
        if (coro < program.coroutines().size() && started.contains(coro)) {
            log(name(coro) + ":cancelled");
            log(name(coro) + ":finally");
        }
    }

    private void fail(int coro, String because) {
        failed = coro;
        cancelledBecause = because;
        List<Waiter> waitersOfFailed = known.remove(coro);
        int cancellations = 0;
        for (int other : known.keySet()) {
            cancellations++;
            cancel(other);
        }
        Set<Integer> stitched = new HashSet<>();
        Integer next = nextInChain(coro, waitersOfFailed);
        while (next != null && known.containsKey(next) && stitched.add(next)) {
            next = nextInChain(next, known.get(next));
        }
        groupedCancellations = cancellations - stitched.size();
    }

    /**
     * The next coroutine of the chain a failure's trace continues along: the one that alone waits for a coroutine,
     * or, for a timeout's recorder, which nobody waits for, the timeout it records for.
     *
     * @return the next coroutine, or {@code null} where the chain ends
     */
    private Integer nextInChain(int coro, List<Waiter> waiters) {
        if (waiters.size() == 1) {
            return waiters.get(0).coro;
        }
        Battery battery = batteries.get(coro);
        return waiters.isEmpty() && battery != null && battery.kind == Kind.RECORDER ? battery.partner : null;
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
            Integer next = nextInChain(coro, known.get(coro));
            if (next == null) {
                break;
            }
            coro = next;
        }
        groupedCancellations = known.size() - stitched.size();
    }

    /** Cancels a coroutine; an isolate cancels everything inside it first; the runtime's own log nothing. */
    private void cancel(int coro) {
        if (!started.contains(coro) || batteries.containsKey(coro)) {
            return;
        }
        ReferenceModel inner = isolates.get(coro);
        if (inner != null) {
            for (int other : inner.known.keySet()) {
                inner.cancel(other);
            }
        } else if (!isolateOf.containsKey(coro)) {
            log(name(coro) + ":cancelled");
            log(name(coro) + ":finally");
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // The log
    // -----------------------------------------------------------------------------------------------------------

    private void log(String entry) {
        log.add(time == null ? entry : entry + "@" + time.now);
    }

    private void count(String what) {
        seen.merge(what, 1, Integer::sum);
    }

    private String name(int coro) {
        return prefix + coro;
    }
}
