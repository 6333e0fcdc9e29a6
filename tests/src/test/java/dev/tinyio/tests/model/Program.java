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
        ISOLATE
    }

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
