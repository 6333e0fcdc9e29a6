package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instruments one class: finds its suspendable methods, rewrites each with a re-entry copy, adds the dispatch
 * method and the marker, and writes the class with freshly computed frames.
 */
public final class ClassRewriter {
    /** Packages of the library itself, which is never instrumented. */
    private static final List<String> OWN_PACKAGES = List.of("dev/tinyio/internal/", "dev/tinyio/instrument/",
            "dev/tinyio/agent/", "dev/tinyio/shaded/");
    /** Lowest class file version instrumented: dynamic constants (Java 11) carry each site's description. */
    private static final int MINIMUM_VERSION = Opcodes.V11;

    private final ClassHeaders headers;
    private final SuspendableIndex index;
    /** Where warnings about call sites that cannot suspend go. */
    private final Consumer<String> warnings;

    /**
     * A rewriter reading other classes from a source.
     *
     * @param classes the source of other class files
     * @param warnings receives a line for each call site that can never suspend
     */
    public ClassRewriter(ClassSource classes, Consumer<String> warnings) {
        this.headers = new ClassHeaders(classes);
        this.index = new SuspendableIndex(classes, headers);
        this.warnings = warnings;
    }

    /**
     * Instruments a class.
     *
     * @param classFile its bytes
     * @return the new bytes, or {@code null} if nothing needs instrumenting
     */
    public byte[] rewrite(byte[] classFile) {
        if (!ClassScan.mentionsTinyio(classFile)) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassNode node = new ClassNode();
        reader.accept(node, ClassReader.EXPAND_FRAMES);
        if (isLibrary(node.name) || SuspendableIndex.isInstrumented(node)) {
            return null;
        }
        Set<String> suspendable = index.suspendableMethods(node);
        Set<String> entries = CoroutineEntries.guarded(node);
        List<MethodNode> copies = new ArrayList<>();
        List<MethodNode> changed = new ArrayList<>();
        List<String> instrumented = new ArrayList<>();
        String className = node.name.replace('/', '.');
        for (MethodNode method : new ArrayList<>(node.methods)) {
            String key = method.name + method.desc;
            if (!suspendable.contains(key) || !canSuspendIn(method)) {
                if (entries.contains(key) && canSuspendIn(method)) {
                    new MethodRewriter(node.name, node.sourceFile, method, -1, List.of(), Set.of()).guardEntry();
                    changed.add(method);
                } else if (suspendable.contains(key) && (method.access & Opcodes.ACC_ABSTRACT) == 0) {
                    warnings.accept("tinyio: " + where(node, method, null) + " suspends, but tinyio never "
                            + "instruments constructors, static initialisers or synchronized methods; suspending "
                            + "there throws NotInstrumentedError.");
                    if (isSynchronizedBody(method) && guardMonitor(node, method, suspendable)) {
                        changed.add(method);
                    }
                }
                continue;
            }
            Predicate<MethodInsnNode> suspends = call -> index.suspends(call, node, suspendable);
            Set<AbstractInsnNode> locked = MonitorDepth.lockedCalls(method, suspends);
            Predicate<MethodInsnNode> saves = call -> suspends.test(call) && !locked.contains(call);
            for (AbstractInsnNode call : locked) {
                warnings.accept("tinyio: " + where(node, method, call) + " may suspend inside a synchronized block; "
                        + "if it does, it throws NotInstrumentedError. Use dev.tinyio.Lock instead.");
            }
            AllocationMover.moveAllocations(node.name, method, saves, className + "." + method.name);
            List<SiteLayout> sites = SiteFinder.find(node.name, method, saves);
            if (sites.isEmpty()) {
                if (!locked.isEmpty()) {
                    new MethodRewriter(node.name, node.sourceFile, method, -1, List.of(), locked).guardEntry();
                    changed.add(method);
                }
                continue;
            }
            if ((node.version & 0xFFFF) < MINIMUM_VERSION) {
                throw new InstrumentationException("Cannot instrument " + className + "." + method.name + ": its "
                        + "class file is for Java " + ((node.version & 0xFFFF) - 44) + ", and suspendable code "
                        + "needs Java 11 or later class files. Compile it with --release 11 or later.");
            }
            copies.add(new MethodRewriter(node.name, node.sourceFile, method, copies.size(), sites, locked)
                    .rewrite());
            changed.add(method);
            instrumented.add(method.name + method.desc);
        }
        if (changed.isEmpty()) {
            return null;
        }
        List<MethodNode> added = new ArrayList<>(copies);
        if (!copies.isEmpty()) {
            added.add(Dispatcher.build(node.name, (node.access & Opcodes.ACC_INTERFACE) != 0, copies));
        }
        try {
            return new SelectiveWriter(headers).write(reader, node, changed, added, instrumented);
        } catch (RuntimeException e) {
            throw new InstrumentationException("Cannot write the instrumented form of " + className + ": " + e, e);
        }
    }

    /**
     * The suspendable methods of a class, as the Maven plugin records them in its index; remembered, so that the
     * class's callers instrumented later by this rewriter see them even once the class itself is rewritten.
     *
     * @param classFile the class file, instrumented or not
     * @return each suspendable method as name followed by descriptor
     */
    public Set<String> suspendableMethods(byte[] classFile) {
        return index.suspendableMethods(classFile);
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

    /**
     * A synchronized method is never instrumented, but its calls that may suspend run with its monitor held: each
     * gets the check that throws at once if the callee suspended, instead of the method carrying on with the
     * callee's dummy result. A direct {@code Coro.yield} throws its own error already.
     *
     * @return whether the method was changed
     */
    private boolean guardMonitor(ClassNode node, MethodNode method, Set<String> suspendable) {
        Set<AbstractInsnNode> locked = new HashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && !SuspendableIndex.isYield(call)
                    && index.suspends(call, node, suspendable)) {
                locked.add(call);
            }
        }
        if (locked.isEmpty()) {
            return false;
        }
        new MethodRewriter(node.name, node.sourceFile, method, -1, List.of(), locked).guardEntry();
        return true;
    }

    /** A synchronized method with a body of its own (not a constructor, which cannot be synchronized). */
    private static boolean isSynchronizedBody(MethodNode method) {
        return (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
                && (method.access & Opcodes.ACC_SYNCHRONIZED) != 0;
    }

    /** A method, or a call in it, as a stack trace element prints it. */
    private static String where(ClassNode node, MethodNode method, AbstractInsnNode call) {
        int line = -1;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            }
            if (insn == call || call == null && line >= 0) {
                break;
            }
        }
        return node.name.replace('/', '.') + "." + method.name + "(" + (node.sourceFile == null ? "Unknown Source"
                : node.sourceFile) + (line >= 0 ? ":" + line : "") + ")";
    }

    private static boolean isLibrary(String internalName) {
        for (String prefix : OWN_PACKAGES) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return internalName.startsWith("dev/tinyio/") && internalName.indexOf('/', "dev/tinyio/".length()) < 0;
    }
}
