package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
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
 * This is a fixed point over the graph of calls, kept up to date as classes are added: marking a method as
 * suspending marks its callers in turn.
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
    /** Packages of the platform: never parsed, never suspending. */
    private static final List<String> PLATFORM = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");
    /** Packages of the library itself, which is never instrumented. */
    private static final List<String> OWN_PACKAGES = List.of("dev/tinyio/internal/", "dev/tinyio/instrument/",
            "dev/tinyio/agent/", "dev/tinyio/shaded/", "dev/tinyio/cli/");

    /** Why a method may suspend; the first reason found is kept, for the build's summary. */
    enum Reason {
        /** It calls {@code Coro.yield}. */
        YIELDS,
        /** It carries {@code @Suspendable}. */
        ANNOTATED,
        /** The build that instrumented its class recorded it. */
        RECORDED,
        /** It makes a static or special call to a method that may suspend. */
        CALLS,
        /** It makes a virtual or interface call that an object of a class it knows may receive by suspending. */
        DISPATCH,
        /** It makes a call that a lambda or method reference that may suspend may receive. */
        LAMBDA,
        /** It calls a method of a class whose class file cannot be found, which may suspend for all anyone knows. */
        UNKNOWN
    }

    /** How the index holds a class. */
    private enum Kind {
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

    /** A method, or the method of a lambda, in the graph of calls. */
    private static final class Node {
        /** The class declaring the method, or making the lambda. */
        final String owner;
        /** The method's name and descriptor; {@code null} for a lambda. */
        final String key;
        /** The lambda, or {@code null} for a method. */
        final ClassFacts.Lambda lambda;
        /** Why it may suspend, or {@code null} while not known to. */
        Reason reason;

        Node(String owner, String key, ClassFacts.Lambda lambda) {
            this.owner = owner;
            this.key = key;
            this.lambda = lambda;
        }
    }

    /** A call, and the node that makes it. */
    private record Caller(Node node, ClassFacts.Call call) {
    }

    private final ClassSource source;
    private final ClassHeaders headers;
    private final Map<String, Kind> kinds = new HashMap<>();
    /** The classes added as part of a program. */
    private final Set<String> program = new HashSet<>();
    /** The methods of each analysed or recorded class, by name and descriptor. */
    private final Map<String, Map<String, Node>> methods = new HashMap<>();
    /** The lambdas and method references each analysed or recorded class makes. */
    private final Map<String, List<Node>> lambdas = new HashMap<>();
    /** The classes that make coroutine bodies from lambdas or method references. */
    private final Set<String> makesBodies = new HashSet<>();
    /** Virtual and interface calls, by the called method's name and parameters (any return type overrides). */
    private final Map<String, List<Caller>> dispatchedCalls = new HashMap<>();
    /** Static and special calls, by the called method's name and descriptor. */
    private final Map<String, List<Caller>> directCalls = new HashMap<>();
    /** The owners of the methods known to suspend, by name and descriptor. */
    private final Map<String, Set<String>> suspendingOwners = new HashMap<>();
    /**
     * The types whose objects may suspend when a method of a given name and parameters is called on them, with
     * the reason a caller gets; a class with such a method stands for its subclasses too.
     */
    private final Map<String, Map<String, Reason>> receivers = new HashMap<>();
    /** For each class that stands as a receiver, the names and parameters it stands for. */
    private final Map<String, Set<String>> receivingIn = new HashMap<>();
    /** The known classes below each non-platform type, directly or not. */
    private final Map<String, Set<String>> descendants = new HashMap<>();
    private final Deque<Node> newlySuspending = new ArrayDeque<>();
    private final Deque<String> toRead = new ArrayDeque<>();
    /** One instance of each name used as a key, so that a large program does not hold many copies. */
    private final Map<String, String> canonical = new HashMap<>();

    SuspendableIndex(ClassSource source, ClassHeaders headers) {
        this.source = source;
        this.headers = headers;
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
            Kind known = kinds.get(facts.name);
            if (program.add(facts.name) && (known == null || known == Kind.PENDING || known == Kind.OPAQUE
                    || known == Kind.MISSING)) {
                // Every header first: placing a class in the hierarchy reads its supertypes' headers.
                headers.put(facts.header());
                fresh.add(facts);
            }
        }
        toRead.removeIf(program::contains);
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
        Kind known = kinds.get(name);
        if (known == null || known == Kind.PENDING) {
            toRead.remove(name);
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
        return program.contains(internalName);
    }

    private void read(String name, byte[] bytes) {
        if (bytes == null) {
            kinds.put(name, Kind.MISSING);
            callersOf(name);
            return;
        }
        if (!ClassScan.mentionsTinyio(bytes)) {
            ClassReader reader = new ClassReader(bytes);
            ClassHeaders.Header header = new ClassHeaders.Header(name, reader.getSuperName(),
                    List.of(reader.getInterfaces()), (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0);
            headers.put(header);
            kinds.put(name, Kind.OPAQUE);
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

    private void add(ClassFacts facts) {
        Kind kind = facts.instrumented != null ? Kind.RECORDED : Kind.ANALYSED;
        kinds.put(facts.name, kind);
        place(facts.name);
        Map<String, Node> own = new HashMap<>();
        methods.put(facts.name, own);
        Set<String> recorded = kind == Kind.RECORDED ? recordedMethods(facts) : Set.of();
        for (ClassFacts.Method method : facts.methods) {
            Node node = new Node(facts.name, key(method.name() + method.desc()), null);
            own.put(node.key, node);
            if (method.annotated()) {
                suspend(node, Reason.ANNOTATED);
            }
            if (kind == Kind.RECORDED) {
                // Its yields were rewritten: the record, not its calls, says where it suspends.
                if (recorded.contains(node.key)) {
                    suspend(node, Reason.RECORDED);
                }
            } else {
                for (ClassFacts.Call call : method.calls()) {
                    register(node, call);
                }
            }
            for (ClassFacts.Lambda lambda : method.lambdas()) {
                Node made = new Node(facts.name, null, lambda);
                lambdas.computeIfAbsent(facts.name, k -> new ArrayList<>()).add(made);
                if (headers.bodyType(lambda.interfaces().get(0)) != null) {
                    makesBodies.add(facts.name);
                }
                register(made, lambda.target());
            }
        }
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
            if (neverSuspends(ancestor)) {
                continue;
            }
            require(ancestor);
            descendants.computeIfAbsent(ancestor, a -> new HashSet<>()).add(name);
            for (String nameAndParameters : List.copyOf(receivingIn.getOrDefault(ancestor, Set.of()))) {
                standFor(name, nameAndParameters);
            }
        }
    }

    private void require(String name) {
        if (!neverSuspends(name) && !name.startsWith("[") && !kinds.containsKey(name)) {
            kinds.put(name, Kind.PENDING);
            toRead.add(name);
        }
    }

    private void register(Node node, ClassFacts.Call call) {
        if (isYield(call.opcode(), call.owner(), call.name())) {
            suspend(node, Reason.YIELDS);
            return;
        }
        if (call.name().startsWith("<") || neverSuspends(call.owner()) && !isDispatched(call.opcode())) {
            // Constructors are never suspension sites, and the platform's and the library's methods never suspend.
            return;
        }
        require(call.owner());
        if (kinds.get(call.owner()) == Kind.MISSING) {
            suspend(node, Reason.UNKNOWN);
            return;
        }
        Caller caller = new Caller(node, call);
        if (isDispatched(call.opcode())) {
            String nameAndParameters = nameAndParameters(call.name() + call.desc());
            dispatchedCalls.computeIfAbsent(nameAndParameters, k -> new ArrayList<>()).add(caller);
            Reason reason = receiverOf(nameAndParameters, call.owner());
            if (reason != null) {
                suspend(node, reason);
            }
        } else {
            String key = key(call.name() + call.desc());
            directCalls.computeIfAbsent(key, k -> new ArrayList<>()).add(caller);
            if (resolvesToSuspending(call.owner(), key)) {
                suspend(node, Reason.CALLS);
            }
        }
    }

    /**
     * A class whose file cannot be found may have methods that suspend: its callers are treated as if they did,
     * never as if they could not (a class, once loaded, cannot get the methods a suspension needs).
     */
    private void callersOf(String missing) {
        for (Map<String, List<Caller>> calls : List.of(directCalls, dispatchedCalls)) {
            for (List<Caller> callers : calls.values()) {
                for (Caller caller : callers) {
                    if (caller.call().owner().equals(missing)) {
                        suspend(caller.node(), Reason.UNKNOWN);
                    }
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // The fixed point
    // -----------------------------------------------------------------------------------------------------------

    private void suspend(Node node, Reason reason) {
        if (node.reason == null) {
            node.reason = reason;
            newlySuspending.add(node);
        }
    }

    /** Reads every class named so far, and marks every caller of what now suspends, until nothing changes. */
    private void settle() {
        while (true) {
            if (!toRead.isEmpty()) {
                String name = toRead.pop();
                read(name, source.bytesOf(name));
            } else if (!newlySuspending.isEmpty()) {
                propagate(newlySuspending.pop());
            } else {
                return;
            }
        }
    }

    private void propagate(Node node) {
        if (node.lambda != null) {
            for (String itf : node.lambda.interfaces()) {
                for (String desc : node.lambda.samDescs()) {
                    receive(itf, nameAndParameters(node.lambda.samName() + desc), Reason.LAMBDA);
                }
            }
            return;
        }
        suspendingOwners.computeIfAbsent(node.key, k -> new HashSet<>()).add(node.owner);
        for (Caller caller : directCalls.getOrDefault(node.key, List.of())) {
            if (headers.isSubtype(caller.call().owner(), node.owner)) {
                suspend(caller.node(), Reason.CALLS);
            }
        }
        String nameAndParameters = nameAndParameters(node.key);
        standFor(node.owner, nameAndParameters);
        for (String below : List.copyOf(descendants.getOrDefault(node.owner, Set.of()))) {
            standFor(below, nameAndParameters);
        }
    }

    /** A class whose instances may suspend when this method is called on them. */
    private void standFor(String type, String nameAndParameters) {
        if (receivingIn.computeIfAbsent(type, t -> new HashSet<>()).add(nameAndParameters)) {
            receive(type, nameAndParameters, Reason.DISPATCH);
        }
    }

    private void receive(String type, String nameAndParameters, Reason reason) {
        if (receivers.computeIfAbsent(nameAndParameters, k -> new HashMap<>()).putIfAbsent(type, reason) != null) {
            return;
        }
        for (Caller caller : dispatchedCalls.getOrDefault(nameAndParameters, List.of())) {
            if (headers.isSubtype(type, caller.call().owner())) {
                suspend(caller.node(), reason);
            }
        }
    }

    private Reason receiverOf(String nameAndParameters, String owner) {
        Map<String, Reason> types = receivers.get(nameAndParameters);
        if (types != null) {
            for (Map.Entry<String, Reason> type : types.entrySet()) {
                if (headers.isSubtype(type.getKey(), owner)) {
                    return type.getValue();
                }
            }
        }
        return null;
    }

    private boolean resolvesToSuspending(String owner, String key) {
        for (String declaring : suspendingOwners.getOrDefault(key, Set.of())) {
            if (headers.isSubtype(owner, declaring)) {
                return true;
            }
        }
        return false;
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
        if (isYield(call)) {
            return true;
        }
        if (call.name.startsWith("<")) {
            return false;
        }
        require(call.owner);
        settle();
        if (kinds.get(call.owner) == Kind.MISSING) {
            return true;
        }
        if (isDispatched(call.getOpcode())) {
            return receiverOf(nameAndParameters(call.name + call.desc), call.owner) != null;
        }
        return resolvesToSuspending(call.owner, call.name + call.desc);
    }

    /**
     * The methods of a known class that may suspend.
     *
     * @param internalName the class
     * @return each as name followed by descriptor; empty for a class the index does not know
     */
    synchronized Set<String> suspendableMethods(String internalName) {
        settle();
        Set<String> result = new TreeSet<>();
        methods.getOrDefault(internalName, Map.of()).forEach((key, node) -> {
            if (node.reason != null) {
                result.add(key);
            }
        });
        return result;
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
        if (makesBodies.contains(internalName)) {
            return true;
        }
        for (Node lambda : lambdas.getOrDefault(internalName, List.of())) {
            if (lambda.reason != null) {
                return true;
            }
        }
        for (Node method : methods.getOrDefault(internalName, Map.of()).values()) {
            if (method.reason != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many methods of the program may suspend, by the reason found first.
     *
     * @return the counts, over program classes only
     */
    synchronized Map<Reason, Integer> programCounts() {
        Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
        methods.forEach((owner, own) -> {
            if (inProgram(owner)) {
                for (Node node : own.values()) {
                    if (node.reason != null) {
                        counts.merge(node.reason, 1, Integer::sum);
                    }
                }
            }
        });
        return counts;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Names
    // -----------------------------------------------------------------------------------------------------------

    private String key(String key) {
        return canonical.computeIfAbsent(key, k -> k);
    }

    /**
     * A method's name and parameters, from its name and descriptor, without the return type: an override may
     * narrow the return type.
     */
    private String nameAndParameters(String nameAndDescriptor) {
        return key(nameAndDescriptor.substring(0, nameAndDescriptor.indexOf(')') + 1));
    }

    /**
     * Whether a call is one of the {@code Coro.yield} methods.
     *
     * @param call a call instruction
     * @return true for {@code Coro.yield}
     */
    static boolean isYield(MethodInsnNode call) {
        return isYield(call.getOpcode(), call.owner, call.name);
    }

    /** Whether the JVM picks the called method by the receiver's class at run time. */
    private static boolean isDispatched(int opcode) {
        return opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
    }

    private static boolean isYield(int opcode, String owner, String name) {
        return opcode == Opcodes.INVOKESTATIC && owner.equals(RuntimeNames.CORO) && name.equals("yield");
    }

    /**
     * Whether a class carries the marker of instrumented classes.
     *
     * @param node the class
     * @return true if it was instrumented already
     */
    static boolean isInstrumented(ClassNode node) {
        if (node.visibleAnnotations != null) {
            for (AnnotationNode annotation : node.visibleAnnotations) {
                if (annotation.desc.equals(RuntimeNames.INSTRUMENTED_DESC)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a class's own methods never suspend, and it is never instrumented: the platform's and the library's.
     *
     * @param internalName the class
     * @return true for the JDK's classes and tinyio's own
     */
    static boolean neverSuspends(String internalName) {
        return isPlatform(internalName) || isLibrary(internalName);
    }

    /**
     * Whether a class is the library's own, which is never instrumented.
     *
     * @param internalName the class
     * @return true for the runtime, the instrumenter and the agent
     */
    static boolean isLibrary(String internalName) {
        for (String prefix : OWN_PACKAGES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return internalName.startsWith("dev/tinyio/") && internalName.indexOf('/', "dev/tinyio/".length()) < 0;
    }

    /**
     * Whether a class belongs to the platform, whose classes are never parsed.
     *
     * @param internalName the class
     * @return true for JDK packages
     */
    static boolean isPlatform(String internalName) {
        for (String prefix : PLATFORM) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
