package dev.tinyio.instrument.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The classes {@link SuspendableIndex} has heard of: how it holds each, which were added as part of a program, and
 * which are named but not read yet.
 */
final class KnownClasses {
    /** How the index holds a class. */
    enum Kind {
        /** Named, and waiting to be read. */
        PENDING,
        /** Analysed: a program class, or one read when first needed that names the library. */
        ANALYSED,
        /** Instrumented by an earlier build: suspends where its record says. */
        RECORDED,
        /** Placed in the hierarchy only. */
        OPAQUE,
        /** No class file found. */
        MISSING
    }

    /** How each class named so far is held. */
    private final Map<String, Kind> kinds = new HashMap<>();
    /** The classes added as part of a program. */
    private final Set<String> program = new HashSet<>();
    /** The classes named but not read yet, in the order they were named. */
    private final Deque<String> toRead = new ArrayDeque<>();

    /** How a class is held, or {@code null} if it was never named. */
    Kind kindOf(String name) {
        return kinds.get(name);
    }

    /** Records how a class is held, once it is read. */
    void hold(String name, Kind kind) {
        kinds.put(name, kind);
    }

    /** Names a class that may have methods that suspend, to be read as the index settles unless it is known. */
    void require(String name) {
        if (!Packages.neverSuspends(name) && !name.startsWith("[") && !kinds.containsKey(name)) {
            kinds.put(name, Kind.PENDING);
            toRead.add(name);
        }
    }

    /** The next class named but not read yet, taken off the list; {@code null} if there is none. */
    String nextToRead() {
        return toRead.poll();
    }

    /** Takes a class off the list to read: its bytes are at hand, and it is read now. */
    void readingNow(String name) {
        toRead.remove(name);
    }

    /**
     * Adds a class to the program.
     *
     * @param name the class
     * @return whether it must be analysed now: new to the program, and never read for its methods
     */
    boolean joinProgram(String name) {
        Kind known = kinds.get(name);
        return program.add(name) && (known == null || known == Kind.PENDING || known == Kind.OPAQUE
                || known == Kind.MISSING);
    }

    /** Takes the program's classes off the list to read: they are analysed from the program's own bytes. */
    void readingProgramNow() {
        toRead.removeIf(program::contains);
    }

    /** Whether a class was added as part of a program. */
    boolean inProgram(String name) {
        return program.contains(name);
    }
}
