package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instruments one class: finds its suspendable methods, rewrites each with a re-entry copy, adds the dispatch
 * method and the marker, and writes the class with freshly computed frames.
 */
public final class ClassRewriter {
    /** Lowest class file version instrumented: dynamic constants (Java 11) carry each site's description. */
    private static final int MINIMUM_VERSION = Opcodes.V11;
    /** The JVM's limit on the local slots a method's parameters take. */
    private static final int MAXIMUM_PARAMETER_SLOTS = 255;

    private final ClassHeaders headers;
    private final SuspendableIndex index;
    private final OpenCalls openCalls;
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
        this.openCalls = new OpenCalls(classes);
        this.warnings = warnings;
    }

    /**
     * Adds the classes of a program, to be analysed together: see {@link SuspendableIndex#addProgram}.
     *
     * @param classFiles the class files, by a label naming each in errors
     * @return why each class file that cannot be read was left out, by its label
     */
    public Map<String, RuntimeException> addProgram(Map<String, byte[]> classFiles) {
        return index.addProgram(classFiles);
    }

    /**
     * Whether a class belongs to a program added earlier.
     *
     * @param internalName the class
     * @return true if it was analysed as part of a program
     */
    public boolean inProgram(String internalName) {
        return index.inProgram(internalName);
    }

    /**
     * Instruments a class.
     *
     * @param classFile its bytes
     * @return the new bytes, or {@code null} if nothing needs instrumenting
     */
    public byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        String name = reader.getClassName();
        boolean program = index.inProgram(name);
        boolean untouched = program ? !index.mayNeedRewriting(name)
                : !ClassScan.mentionsTinyio(classFile) || Packages.isLibrary(name);
        if (untouched) {
            return null;
        }
        ClassNode node = new ClassNode();
        reader.accept(node, ClassReader.EXPAND_FRAMES);
        if (isInstrumented(node)) {
            return null;
        }
        if (!program) {
            index.ensureKnown(classFile);
        }
        Set<String> suspendable = index.suspendableMethods(node.name);
        Predicate<MethodInsnNode> suspends = index::suspends;
        LambdaBridges.Result bridged = LambdaBridges.bridge(node, suspends, headers);
        node.methods.addAll(bridged.bridges());
        Map<String, String> entered = CoroutineEntries.entered(node, headers);
        Set<String> guarded = CoroutineEntries.guarded(node, entered);
        List<MethodNode> copies = new ArrayList<>();
        List<MethodNode> changed = new ArrayList<>();
        List<String> instrumented = new ArrayList<>();
        String className = node.name.replace('/', '.');
        for (MethodNode method : new ArrayList<>(node.methods)) {
            String key = method.name + method.desc;
            boolean bridge = bridged.bridges().contains(method);
            boolean mayChange = bridge || bridged.changed().contains(method);
            boolean mayAnnotate = isAnnotatedSuspendable(method);
            Predicate<MethodInsnNode> sites = call -> suspends.test(call) || mayAnnotate && openCalls.isOpen(call);
            boolean methodSuspends = suspendable.contains(key) || bridge && callsAny(method, sites);
            if (!methodSuspends || !canSuspendIn(method)) {
                if (guarded.contains(key) && canSuspendIn(method)) {
                    new MethodRewriter(node.name, node.sourceFile, method, -1, List.of(), Set.of(), null)
                            .guardEntry();
                    mayChange = true;
                } else if (methodSuspends && (method.access & Opcodes.ACC_ABSTRACT) == 0) {
                    warnings.accept("tinyio: " + where(node, method, null) + " suspends, but tinyio never "
                            + "instruments constructors, static initialisers or synchronized methods; suspending "
                            + "there throws NotInstrumentedError.");
                    mayChange |= hasBody(method) && guardCalls(node, method, suspends);
                }
                if (mayChange && !bridge) {
                    changed.add(method);
                }
                continue;
            }
            Set<AbstractInsnNode> locked = MonitorDepth.lockedCalls(method, sites);
            Predicate<MethodInsnNode> saves = call -> sites.test(call) && !locked.contains(call);
            for (AbstractInsnNode call : locked) {
                warnings.accept("tinyio: " + where(node, method, call) + " may suspend inside a synchronized block; "
                        + "if it does, it throws NotInstrumentedError. Use dev.tinyio.Lock instead.");
            }
            warnAboutReflection(node, method);
            AllocationMover.moveAllocations(node.name, method, saves, className + "." + method.name);
            List<SiteLayout> layouts = SiteFinder.find(node.name, method, saves);
            if (layouts.isEmpty()) {
                if (!locked.isEmpty()) {
                    new MethodRewriter(node.name, node.sourceFile, method, -1, List.of(), locked, null).guardEntry();
                    mayChange = true;
                }
                if (mayChange && !bridge) {
                    changed.add(method);
                }
                continue;
            }
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
            copies.add(new MethodRewriter(node.name, node.sourceFile, method, copies.size(), layouts, locked,
                    entered.get(key)).rewrite());
            if (!bridge) {
                changed.add(method);
            }
            instrumented.add(key);
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

    /**
     * The suspendable methods of a class, as the Maven plugin records them in its index; remembered, so that the
     * class's callers instrumented later by this rewriter see them even once the class itself is rewritten.
     *
     * @param classFile the class file, instrumented or not
     * @return each suspendable method as name followed by descriptor
     */
    public Set<String> suspendableMethods(byte[] classFile) {
        return index.suspendableMethods(index.ensureKnown(classFile));
    }

    /**
     * How many methods of the programs added may suspend, and why, in one line for a build's log.
     *
     * @return the summary
     */
    public String summary() {
        Map<SuspendReason, Integer> counts = index.programCounts();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return total + " methods may suspend: " + counts.getOrDefault(SuspendReason.YIELDS, 0)
                + " call Coro.yield, " + counts.getOrDefault(SuspendReason.ANNOTATED, 0)
                + " carry @Suspendable, " + counts.getOrDefault(SuspendReason.CALLS, 0)
                + " call one of those, " + counts.getOrDefault(SuspendReason.DISPATCH, 0)
                + " call through an interface or superclass, " + counts.getOrDefault(SuspendReason.LAMBDA, 0)
                + " call a lambda or method reference" + (counts.containsKey(SuspendReason.UNKNOWN)
                ? ", " + counts.get(SuspendReason.UNKNOWN) + " call into classes whose files cannot be found"
                : "");
    }

    /**
     * Whether a class is one never rewritten: the JDK's, and the library's own.
     *
     * @param internalName the class
     * @return true if it is never instrumented
     */
    public static boolean neverInstruments(String internalName) {
        return Packages.neverSuspends(internalName);
    }

    /**
     * Whether a class file carries the marker of instrumented classes.
     *
     * @param classFile the class file
     * @return true if it was instrumented already
     */
    public static boolean isInstrumented(byte[] classFile) {
        ClassNode header = new ClassNode();
        new ClassReader(classFile).accept(header, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG
                | ClassReader.SKIP_FRAMES);
        return isInstrumented(header);
    }

    /** Whether a class carries the marker of instrumented classes. */
    private static boolean isInstrumented(ClassNode node) {
        if (node.visibleAnnotations != null) {
            for (AnnotationNode annotation : node.visibleAnnotations) {
                if (annotation.desc.equals(RuntimeNames.INSTRUMENTED_DESC)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean callsAny(MethodNode method, Predicate<MethodInsnNode> calls) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && calls.test(call)) {
                return true;
            }
        }
        return false;
    }

    /** A suspension cannot pass through reflection or a method handle: say so where one is on a suspending path. */
    private void warnAboutReflection(ClassNode node, MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && OpenCalls.isReflective(call)) {
                warnings.accept("tinyio: " + where(node, method, call) + " calls " + call.owner.replace('/', '.')
                        + "." + call.name + " on a path that may suspend; a suspension cannot pass through "
                        + "reflection or a method handle, so if the method it calls suspends, that throws "
                        + "NotInstrumentedError. Call the method directly.");
            }
        }
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
     * A synchronized method, a constructor or a static initialiser is never instrumented, but may call methods
     * that suspend: each such call gets the check that throws at once if the callee suspended, naming the method
     * and why it cannot suspend, instead of the method carrying on with the callee's dummy result (a monitor held
     * across other coroutines, an object half-built, a class initialised with a dummy for good). A direct
     * {@code Coro.yield} throws its own error already.
     *
     * @return whether the method was changed
     */
    private boolean guardCalls(ClassNode node, MethodNode method, Predicate<MethodInsnNode> suspends) {
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

    /** A method with code of its own: not abstract, not native. */
    private static boolean hasBody(MethodNode method) {
        return (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    }

    private static boolean isAnnotatedSuspendable(MethodNode method) {
        return hasSuspendable(method.invisibleAnnotations) || hasSuspendable(method.visibleAnnotations);
    }

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
}
