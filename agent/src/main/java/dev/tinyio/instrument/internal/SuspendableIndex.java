package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import dev.tinyio.instrument.internal.KnownClasses.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Which methods may suspend, over every class the index knows at once ("Which methods suspend" in the docs). A
 * method may suspend if it calls {@code Coro.yield}, carries {@code @Suspendable}, was recorded as suspending by
 * the build that instrumented it, or makes a call that may reach a method that may suspend:
 * <ul>
 * <li>a static or special call, to such a method or one its owner inherits;
 * <li>a virtual or interface call, when an object the index knows of could receive it with such a method: an
 * instance of a class that declares or inherits one, or a lambda or method reference, which is an object of its
 * functional interface whose method calls the lambda's body or the referenced method (class hierarchy analysis).
 * </ul>
 * This is a fixed point over the graph of calls ({@link CallGraph}), kept up to date as classes are added: marking
 * a method as suspending marks its callers in turn.
 *
 * <p>Classes come in two ways. A <em>program</em> is added whole, at once: the module a build instruments, the
 * application's class folders under the agent; every class of it is analysed, whether or not it names the library.
 * Other classes are read through the {@link ClassSource} when a call or a supertype first names them: one that an
 * earlier build instrumented counts as suspending where its record says; one that names the library is analysed
 * like a program class; any other is only placed in the hierarchy, since it can neither yield nor be instrumented
 * by this index's caller. The platform's classes and the library's own are never read for their methods: they never
 * suspend, though objects of their interfaces (a lambda that is a {@code Coro.Body}, say) may.
 */
final class SuspendableIndex {
    /** Where classes outside the program are read from when first named. */
    private final ClassSource source;
    /** The class hierarchy, which every class read is placed in. */
    private final ClassHeaders headers;
    /** The classes named so far, and how each is held. */
    private final KnownClasses known = new KnownClasses();
    /** The calls between the methods and lambdas analysed, and which of them may suspend. */
    private final CallGraph graph;
    /** The classes read for their methods, as nodes of the graph. */
    private final AnalysedClasses analysed;

    /** An index with no classes, reading others from a source as they are named. */
    SuspendableIndex(ClassSource source, ClassHeaders headers) {
        this.source = source;
        this.headers = headers;
        this.graph = new CallGraph(headers);
        this.analysed = new AnalysedClasses(known, headers, graph);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Adding classes
    // -----------------------------------------------------------------------------------------------------------

    /**
     * Adds the classes of a program, all at once. A class read earlier, when a call or a supertype named it, joins
     * the program too: one that named the library was analysed already; one that did not, which was only placed in
     * the hierarchy, is analysed now (a folder on the class path may name the classes of a folder after it).
     *
     * @param classFiles the program's class files, by a label that names each in errors
     * @return why each class file that cannot be read was left out, by its label
     */
    synchronized Map<String, RuntimeException> addProgram(Map<String, byte[]> classFiles) {
        Map<String, RuntimeException> unreadable = new LinkedHashMap<>();
        List<ClassFacts> read = new ArrayList<>();
        classFiles.forEach((label, bytes) -> {
            try {
                read.add(ClassFacts.read(bytes));
            } catch (RuntimeException e) {
                unreadable.put(label, e);
            }
        });
        List<ClassFacts> fresh = new ArrayList<>();
        for (ClassFacts facts : read) {
            if (known.joinProgram(facts.name)) {
                // Every header first: placing a class in the hierarchy reads its supertypes' headers.
                headers.put(facts.header());
                fresh.add(facts);
            }
        }
        known.readingProgramNow();
        for (ClassFacts facts : fresh) {
            add(facts);
        }
        settle();
        return unreadable;
    }

    /**
     * Makes sure a class is known, reading it as a class outside the program if it is not: the agent's way with
     * classes it meets one at a time.
     *
     * @param classFile the class file
     * @return its internal name
     */
    synchronized String ensureKnown(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        String name = reader.getClassName();
        Kind kind = known.kindOf(name);
        if (kind == null || kind == Kind.PENDING) {
            known.readingNow(name);
            read(name, classFile);
        }
        settle();
        return name;
    }

    /**
     * Whether a class was added as part of a program.
     *
     * @param internalName the class
     * @return true for program classes, instrumented earlier or not
     */
    synchronized boolean inProgram(String internalName) {
        return known.inProgram(internalName);
    }

    /** Reads a class named by a call or a supertype: missing, placed in the hierarchy only, or analysed. */
    private void read(String name, byte[] bytes) {
        if (bytes == null) {
            known.hold(name, Kind.MISSING);
            graph.suspendCallersOf(name);
            return;
        }
        if (!ClassScan.mentionsTinyio(bytes)) {
            headers.put(ClassHeaders.Header.of(name, bytes));
            known.hold(name, Kind.OPAQUE);
            place(name);
            return;
        }
        ClassFacts facts;
        try {
            facts = ClassFacts.read(bytes);
        } catch (RuntimeException unparsable) {
            // Name the broken class itself: otherwise the error would seem to be the calling class's.
            throw new InstrumentationException("Cannot read the class file of " + name + ", which this class "
                    + "calls, to see whether it suspends: " + unparsable, unparsable);
        }
        headers.put(facts.header());
        add(facts);
    }

    /** Adds a class read for its methods: placed in the hierarchy, then its methods and lambdas in the graph. */
    private void add(ClassFacts facts) {
        Kind kind = facts.instrumented != null ? Kind.RECORDED : Kind.ANALYSED;
        known.hold(facts.name, kind);
        place(facts.name);
        analysed.add(facts, kind == Kind.RECORDED ? recordedMethods(facts) : null);
    }

    /** A recorded class suspends where its build's index says, and at least where its marker says. */
    private Set<String> recordedMethods(ClassFacts facts) {
        Set<String> recorded = new HashSet<>(facts.instrumented);
        Set<String> indexed = source.recordedSuspendableMethods(facts.name);
        if (indexed != null) {
            recorded.addAll(indexed);
        }
        return recorded;
    }

    /** Links a class below its supertypes, and lets it stand for what its supertypes receive by suspending. */
    private void place(String name) {
        for (String ancestor : headers.ancestors(name)) {
            if (Packages.neverSuspends(ancestor)) {
                continue;
            }
            known.require(ancestor);
            graph.placeBelow(ancestor, name);
        }
    }

    /** Reads every class named so far, and marks every caller of what now suspends, until nothing changes. */
    private void settle() {
        while (true) {
            String name = known.nextToRead();
            if (name != null) {
                read(name, source.bytesOf(name));
            } else if (!graph.propagateNext()) {
                return;
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Answers
    // -----------------------------------------------------------------------------------------------------------

    /**
     * Whether a call may suspend.
     *
     * @param call the call instruction, in a class this index knows
     * @return true if it must be a suspension site
     */
    synchronized boolean suspends(MethodInsnNode call) {
        if (Calls.isYield(call)) {
            return true;
        }
        if (call.name.startsWith("<")) {
            return false;
        }
        known.require(call.owner);
        settle();
        if (known.kindOf(call.owner) == Kind.MISSING) {
            return true;
        }
        return graph.suspends(call.getOpcode(), call.owner, call.name + call.desc);
    }

    /**
     * The methods of a known class that may suspend.
     *
     * @param internalName the class
     * @return each as name followed by descriptor; empty for a class the index does not know
     */
    synchronized Set<String> suspendableMethods(String internalName) {
        settle();
        return analysed.suspendableMethods(internalName);
    }

    /**
     * Whether instrumenting a known class may change it: it has methods that may suspend, makes coroutine bodies
     * (whose entries are guarded), or makes lambdas whose bodies may suspend (whose method references are
     * bridged).
     *
     * @param internalName the class
     * @return false if the class certainly stays as it is
     */
    synchronized boolean mayNeedRewriting(String internalName) {
        settle();
        return analysed.mayNeedRewriting(internalName);
    }

    /**
     * How many methods of the program may suspend, by the reason found first.
     *
     * @return the counts, over program classes only
     */
    synchronized Map<SuspendReason, Integer> programCounts() {
        return analysed.programCounts();
    }
}
