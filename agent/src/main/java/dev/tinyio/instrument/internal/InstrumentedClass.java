package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One class as instrumenting makes it: each method rewritten with a re-entry copy, given checks after its calls, or
 * left as it was; and the methods added to it, the bridges of its method references, the re-entry copies and the
 * dispatch method through which the runtime re-enters them.
 */
final class InstrumentedClass {
    /** Lowest class file version instrumented: dynamic constants (Java 11) carry each site's description. */
    private static final int MINIMUM_VERSION = Opcodes.V11;
    /** The JVM's limit on the local slots a method's parameters take. */
    private static final int MAXIMUM_PARAMETER_SLOTS = 255;

    /** The class, read with expanded frames, and changed in place. */
    private final ClassNode node;
    /** The class, as a Java name, for errors. */
    private final String className;
    /** The class hierarchy, to bridge method references and to compute the frames of changed methods. */
    private final ClassHeaders headers;
    /** The calls a method marked {@code @Suspendable} treats as sites, since no analysis sees their callees. */
    private final OpenCalls openCalls;
    /** Where the warnings about places that cannot suspend go. */
    private final SuspensionWarnings warnings;
    /** Which calls may suspend. */
    private final Predicate<MethodInsnNode> suspends;
    /** The methods of the class that may suspend, by name and descriptor. */
    private final Set<String> suspendable;
    /** The bridges added for method references, and the methods whose references now point at them. */
    private final LambdaBridges.Result bridged;
    /** For each method that lambda proxies enter, the interface methods they enter it through. */
    private final Map<String, String> entered;
    /** The coroutine bodies that get checks after their calls though they cannot suspend themselves. */
    private final Set<String> guarded;
    /** The re-entry copies, indexed by method id. */
    private final List<MethodNode> copies = new ArrayList<>();
    /** The methods of the class as compiled that were changed, to be written anew. */
    private final List<MethodNode> changed = new ArrayList<>();
    /** The methods rewritten with a re-entry copy, by name and descriptor: what the class's marker lists. */
    private final List<String> instrumented = new ArrayList<>();

    /**
     * Prepares a class for instrumenting: its method references are bridged at once, and the bridges join its
     * methods.
     *
     * @param node the class, read with expanded frames
     * @param index which methods and calls may suspend
     * @param headers the class hierarchy
     * @param openCalls the calls whose callees no analysis sees
     * @param warnings where warnings about places that cannot suspend go
     */
    InstrumentedClass(ClassNode node, SuspendableIndex index, ClassHeaders headers, OpenCalls openCalls,
            SuspensionWarnings warnings) {
        this.node = node;
        this.className = node.name.replace('/', '.');
        this.headers = headers;
        this.openCalls = openCalls;
        this.warnings = warnings;
        this.suspendable = index.suspendableMethods(node.name);
        this.suspends = index::suspends;
        this.bridged = LambdaBridges.bridge(node, suspends, headers);
        node.methods.addAll(bridged.bridges());
        this.entered = CoroutineEntries.entered(node, headers);
        this.guarded = CoroutineEntries.guarded(node, entered);
    }

    /**
     * Instruments every method of the class, and writes it.
     *
     * @param reader the class file as compiled, whose untouched methods are copied as they are
     * @return the new class file, or {@code null} if nothing needs instrumenting
     */
    byte[] rewrite(ClassReader reader) {
        Set<MethodNode> named = new HashSet<>();
        for (MethodNode method : node.methods) {
            if (!bridged.bridges().contains(method) && CoroutineNames.name(node.name, method)) {
                named.add(method);
            }
        }
        for (MethodNode method : new ArrayList<>(node.methods)) {
            rewrite(method);
        }
        for (MethodNode method : named) {
            if (!changed.contains(method)) {
                changed.add(method);
            }
        }
        if (changed.isEmpty() && bridged.bridges().isEmpty()) {
            return null;
        }
        List<MethodNode> added = new ArrayList<>(bridged.bridges());
        added.addAll(copies);
        if (!copies.isEmpty()) {
            added.add(Dispatcher.build(node.name, (node.access & Opcodes.ACC_INTERFACE) != 0, copies));
        }
        try {
            return new SelectiveWriter(headers).write(reader, node, changed, added, instrumented);
        } catch (RuntimeException e) {
            throw new InstrumentationException("Cannot write the instrumented form of " + className + ": " + e, e);
        }
    }

    /** Rewrites one method with a re-entry copy, gives it checks after its calls, or leaves it as it was. */
    private void rewrite(MethodNode method) {
        String key = method.name + method.desc;
        boolean bridge = bridged.bridges().contains(method);
        boolean mayAnnotate = isAnnotatedSuspendable(method);
        Predicate<MethodInsnNode> sites = call -> suspends.test(call) || mayAnnotate && openCalls.isOpen(call);
        boolean methodSuspends = suspendable.contains(key) || bridge && callsAny(method, sites);
        boolean changes = methodSuspends && canSuspendIn(method) ? instrument(method, key, sites)
                : guardInstead(method, key, methodSuspends);
        // A bridge is added, not written anew; a method whose method references were bridged is written anew.
        if (!bridge && (changes || bridged.changed().contains(method))) {
            changed.add(method);
        }
    }

    /**
     * Rewrites a method that may suspend with a re-entry copy. Where all the calls that may suspend are made while
     * holding a monitor, it only gets the checks after those.
     *
     * @return whether the method was changed
     */
    private boolean instrument(MethodNode method, String key, Predicate<MethodInsnNode> sites) {
        Set<AbstractInsnNode> locked = MonitorDepth.lockedCalls(method, sites);
        Predicate<MethodInsnNode> saves = call -> sites.test(call) && !locked.contains(call);
        for (AbstractInsnNode call : locked) {
            warnings.lockedCall(node, method, call);
        }
        warnings.reflection(node, method);
        AllocationMover.moveAllocations(node.name, method, saves, className + "." + method.name);
        List<SiteLayout> layouts = SiteFinder.find(node.name, method, saves);
        if (layouts.isEmpty()) {
            if (locked.isEmpty()) {
                return false;
            }
            new MethodRewriter(node.name, node.sourceFile, method, -1, List.of(), locked, null).guardEntry();
            return true;
        }
        checkLimits(method);
        copies.add(new MethodRewriter(node.name, node.sourceFile, method, copies.size(), layouts, locked,
                entered.get(key)).rewrite());
        instrumented.add(key);
        return true;
    }

    /**
     * A method that is not rewritten, since it does not suspend or cannot: a coroutine body gets the checks after
     * its calls; one that suspends where it cannot gets a warning, and the checks after its calls that suspend.
     *
     * @return whether the method was changed
     */
    private boolean guardInstead(MethodNode method, String key, boolean methodSuspends) {
        if (guarded.contains(key) && canSuspendIn(method)) {
            new MethodRewriter(node.name, node.sourceFile, method, -1, List.of(), Set.of(), null).guardEntry();
            return true;
        }
        if (methodSuspends && (method.access & Opcodes.ACC_ABSTRACT) == 0) {
            warnings.neverInstrumented(node, method);
            return hasBody(method) && guardCalls(method);
        }
        return false;
    }

    /**
     * A synchronized method, a constructor or a static initialiser is never instrumented, but may call methods
     * that suspend: each such call gets the check that throws at once if the callee suspended, naming the method
     * and why it cannot suspend, instead of the method carrying on with the callee's dummy result (a monitor held
     * across other coroutines, an object half-built, a class initialised with a dummy for good). A direct
     * {@code Coro.yield} throws its own error already.
     *
     * @return whether the method was changed
     */
    private boolean guardCalls(MethodNode method) {
        Set<AbstractInsnNode> locked = new HashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && !Calls.isYield(call) && suspends.test(call)) {
                locked.add(call);
            }
        }
        if (locked.isEmpty()) {
            return false;
        }
        new MethodRewriter(node.name, node.sourceFile, method, -1, List.of(), locked, null).guardEntry();
        return true;
    }

    /** Throws if the method's re-entry copy would be past the JVM's limits, or its class file too old for it. */
    private void checkLimits(MethodNode method) {
        int parameterSlots = (Type.getArgumentsAndReturnSizes(method.desc) >> 2) - 1;
        if (parameterSlots + 1 > MAXIMUM_PARAMETER_SLOTS) {
            throw new InstrumentationException("Cannot instrument " + className + "." + method.name + ": its "
                    + "parameters take " + parameterSlots + " slots, and the copy of it that resumes a suspended "
                    + "frame needs one more, past the JVM's limit of " + MAXIMUM_PARAMETER_SLOTS + ". Pass some of "
                    + "them in an object.");
        }
        if ((node.version & 0xFFFF) < MINIMUM_VERSION) {
            throw new InstrumentationException("Cannot instrument " + className + "." + method.name + ": its "
                    + "class file is for Java " + ((node.version & 0xFFFF) - 44) + ", and suspendable code "
                    + "needs Java 11 or later class files. Compile it with --release 11 or later.");
        }
    }

    /** Whether a method makes any of the calls given. */
    private static boolean callsAny(MethodNode method, Predicate<MethodInsnNode> calls) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && calls.test(call)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Constructors, static initialisers and synchronized methods are never rewritten: a suspension there would
     * leave an object half-built or a monitor held. Their {@code Coro.yield} calls stay as they are and throw a
     * {@code NotInstrumentedError} that says so.
     */
    private static boolean canSuspendIn(MethodNode method) {
        return (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_SYNCHRONIZED)) == 0
                && !method.name.equals("<init>") && !method.name.equals("<clinit>");
    }

    /** A method with code of its own: not abstract, not native. */
    private static boolean hasBody(MethodNode method) {
        return (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    }

    /** Whether a method carries {@code @Suspendable}, whichever its retention. */
    private static boolean isAnnotatedSuspendable(MethodNode method) {
        return hasSuspendable(method.invisibleAnnotations) || hasSuspendable(method.visibleAnnotations);
    }

    /** Whether a list of annotations, which may be {@code null}, holds {@code @Suspendable}. */
    private static boolean hasSuspendable(List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode annotation : annotations) {
                if (annotation.desc.equals(RuntimeNames.SUSPENDABLE_DESC)) {
                    return true;
                }
            }
        }
        return false;
    }
}
