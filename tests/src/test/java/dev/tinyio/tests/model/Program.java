package dev.tinyio.tests.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A random coroutine program, decoded from a list of numbers so that QuickTheories can shrink it: coroutine 0 is
 * the root. A coroutine mostly yields coroutines with a larger index (trees and diamonds, with shared children),
 * and now and then any coroutine, itself or an earlier one included, which may close a cycle of waits. At most one
 * action somewhere is a failure.
 *
 * <p>A timed program ({@link #decodeTimed}) also sleeps, waits for and sets its two events, and runs coroutines
 * under time limits, for a whole number of minutes each, zero included so that deadlines often fall at the same
 * instant; it yields only coroutines with a larger index, and its event waits all have a limit, so that it always
 * ends, and its time is all the time it takes.
 *
 * @param coroutines the actions of each coroutine
 * @param isolated the programs that {@link Kind#ISOLATE} actions run in nested loops, each with fresh coroutines
 */
public record Program(List<List<Action>> coroutines, List<Program> isolated) {
    /** What one step of a coroutine does before it yields. */
    public enum Kind {
        /** {@code Coro.yield()}. */
        BARE,
        /** {@code Coro.yield(c)}. */
        AWAIT,
        /** {@code Coro.yield(List.of(...))}. */
        GATHER,
        /** {@code Coro.yield(set)} in a fixed iteration order. */
        BACKGROUND,
        /** Throws. */
        FAIL,
        /** {@code Coro.yield(Tinyio.isolate(root))} of an isolated program; the target is its index. */
        ISOLATE,
        /** {@code Coro.yield(Tinyio.sleep(minutes))}; the target is the minutes. */
        SLEEP,
        /** {@code Coro.yield(event.await(minutes))}; the targets are the event and the minutes. */
        AWAIT_EVENT,
        /**
         * {@code Coro.yield(Tinyio.sleep(minutes))}, then {@code event.set()}; the targets are the event and the
         * minutes.
         */
        SET_EVENT,
        /** {@code event.clear()}, then {@code Coro.yield()}; the target is the event. */
        CLEAR_EVENT,
        /** {@code Coro.yield(Tinyio.timeout(c, minutes))}; the targets are the coroutine and the minutes. */
        TIMEOUT
    }

    /** How many events a timed program has. */
    public static final int EVENTS = 2;
    /** The longest a timed action waits, in minutes. */
    private static final int MAX_MINUTES = 3;
    /** The kinds a timed program's actions are of, failures aside, as often as they come. */
    private static final List<Kind> TIMED_KINDS = List.of(Kind.BARE, Kind.AWAIT, Kind.GATHER, Kind.GATHER,
            Kind.BACKGROUND, Kind.BACKGROUND, Kind.SLEEP, Kind.SLEEP, Kind.AWAIT_EVENT, Kind.AWAIT_EVENT,
            Kind.SET_EVENT, Kind.SET_EVENT, Kind.CLEAR_EVENT, Kind.TIMEOUT, Kind.TIMEOUT);

    /**
     * How the coroutine's code reaches the action, in the shapes users write; it changes nothing the model
     * predicts, and everything about which frames a suspension passes through.
     */
    public enum Route {
        /** A call in the coroutine's own body. */
        DIRECT,
        /** Through a helper, in a class that never names the library, that runs a {@code Runnable}. */
        HELPER,
        /** Through an interface, implemented by a class of the tests. */
        INTERFACE,
        /** Through an enum constant's own body. */
        ENUM_BODY,
        /** Through an abstract class's template method and an anonymous subclass. */
        ABSTRACT_CLASS,
        /** Through a bound method reference handed to the helper. */
        METHOD_REFERENCE
    }

    /**
     * One action.
     *
     * @param kind what it does
     * @param targets the coroutines it yields, in order
     * @param route how the coroutine's code reaches it
     */
    public record Action(Kind kind, List<Integer> targets, Route route) {
        /** An action made in the coroutine's own body. */
        public Action(Kind kind, List<Integer> targets) {
            this(kind, targets, Route.DIRECT);
        }

        @Override
        public String toString() {
            String action = targets.isEmpty() ? kind.name() : kind + "" + targets;
            return route == Route.DIRECT ? action : action + " via " + route;
        }
    }

    /** The value coroutine {@code i} returns. */
    public static int valueOf(int coroutine) {
        return 100 + coroutine;
    }

    /**
     * Decodes a program from a genome; any list of non-negative numbers is a valid program.
     *
     * @param genome the numbers
     * @return the program
     */
    public static Program decode(List<Integer> genome) {
        return decode(cycle(genome), 6, false);
    }

    /**
     * Decodes a program whose coroutines may also isolate programs of their own, each decoded from the same genome.
     *
     * @param genome the numbers
     * @return the program
     */
    public static Program decodeWithIsolates(List<Integer> genome) {
        return decode(cycle(genome), 6, true);
    }

    /**
     * Decodes a timed program: sleeps, events and timeouts among the awaits, gathers and background sets, and no
     * cycles. Half of them start with the root starting every other coroutine in the background, so that their
     * events and timeouts meet.
     *
     * @param genome the numbers
     * @return the program
     */
    public static Program decodeTimed(List<Integer> genome) {
        Iterator<Integer> next = cycle(genome);
        int count = 1 + next.next() % 6;
        List<List<Action>> coroutines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int actions = next.next() % 5;
            List<Action> list = new ArrayList<>();
            for (int a = 0; a < actions; a++) {
                list.add(timedAction(i, count, next));
            }
            coroutines.add(list);
        }
        if (count > 1 && next.next() % 2 == 0) {
            // All at once: the root starts every other coroutine in the background first.
            List<Integer> others = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                others.add(i);
            }
            coroutines.get(0).add(0, new Action(Kind.BACKGROUND, others));
        }
        if (next.next() % 3 == 0) {
            List<Action> actions = coroutines.get(next.next() % count);
            actions.add(next.next() % (actions.size() + 1), new Action(Kind.FAIL, List.of()));
        }
        return new Program(coroutines, List.of());
    }

    private static Action timedAction(int self, int count, Iterator<Integer> next) {
        Kind kind = TIMED_KINDS.get(next.next() % TIMED_KINDS.size());
        Route route = Route.values()[next.next() % Route.values().length];
        int later = count - self - 1;
        if (later == 0 && (kind == Kind.AWAIT || kind == Kind.TIMEOUT)) {
            kind = Kind.SLEEP;
        }
        List<Integer> targets = new ArrayList<>();
        switch (kind) {
            case BARE -> { }
            case AWAIT -> targets.add(self + 1 + next.next() % later);
            case GATHER, BACKGROUND -> {
                int size = later == 0 ? 0 : next.next() % 4;
                for (int t = 0; t < size; t++) {
                    targets.add(self + 1 + next.next() % later);
                }
            }
            case SLEEP -> targets.add(next.next() % (MAX_MINUTES + 1));
            case AWAIT_EVENT -> {
                // Longer than the rest, so that a set comes first as often as the limit.
                targets.add(next.next() % EVENTS);
                targets.add(next.next() % (2 * MAX_MINUTES + 1));
            }
            case SET_EVENT -> {
                targets.add(next.next() % EVENTS);
                targets.add(next.next() % (MAX_MINUTES + 1));
            }
            case CLEAR_EVENT -> targets.add(next.next() % EVENTS);
            default -> {
                targets.add(self + 1 + next.next() % later);
                targets.add(next.next() % (MAX_MINUTES + 1));
            }
        }
        return new Action(kind, targets, route);
    }

    private static Program decode(Iterator<Integer> next, int maxCoroutines, boolean isolates) {
        int count = 1 + next.next() % maxCoroutines;
        List<List<Action>> coroutines = new ArrayList<>();
        List<Program> isolated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int actions = next.next() % 4;
            List<Action> list = new ArrayList<>();
            for (int a = 0; a < actions; a++) {
                if (isolates && next.next() % 4 == 0) {
                    list.add(new Action(Kind.ISOLATE, List.of(isolated.size())));
                    isolated.add(decode(next, 4, false));
                } else {
                    list.add(action(i, count, next));
                }
            }
            coroutines.add(list);
        }
        int failure = next.next();
        if (failure % 3 != 0) {
            int who = failure % count;
            List<Action> actions = coroutines.get(who);
            int at = actions.isEmpty() ? 0 : next.next() % (actions.size() + 1);
            actions.add(at, new Action(Kind.FAIL, List.of()));
        }
        return new Program(coroutines, isolated);
    }

    private static Action action(int self, int count, Iterator<Integer> next) {
        Kind kind = Kind.values()[next.next() % 4];
        Route route = Route.values()[next.next() % Route.values().length];
        if (kind == Kind.BARE) {
            return new Action(Kind.BARE, List.of(), route);
        }
        int size = kind == Kind.AWAIT ? 1 : next.next() % 4;
        List<Integer> targets = new ArrayList<>();
        for (int t = 0; t < size; t++) {
            targets.add(target(self, count, next.next()));
        }
        return new Action(kind, targets, route);
    }

    /**
     * A later coroutine, or, one pick in five and always for the last coroutine, any coroutine, the yielder itself
     * included: those are the waits that may close a cycle. Zero, where shrinking heads, picks the next one.
     */
    private static int target(int self, int count, int pick) {
        int later = count - self - 1;
        if (later == 0 || pick % 5 == 4) {
            return pick / 5 % count;
        }
        return self + 1 + pick % later;
    }

    /** Reads the genome round and round, so that a short genome still decodes; an empty one reads zeros. */
    private static Iterator<Integer> cycle(List<Integer> genome) {
        return new Iterator<>() {
            private int at;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return genome.isEmpty() ? 0 : Math.abs(genome.get(at++ % genome.size()));
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Program:");
        for (int i = 0; i < coroutines.size(); i++) {
            text.append("\n  c").append(i).append(": ").append(coroutines.get(i));
        }
        for (int k = 0; k < isolated.size(); k++) {
            text.append("\n  isolated program ").append(k).append(":")
                    .append(isolated.get(k).toString().substring("Program:".length()).replace("\n", "\n    "));
        }
        return text.toString();
    }
}
