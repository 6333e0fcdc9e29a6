package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import dev.tinyio.instrument.InstrumentationException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which methods suspend (SEMANTICS.md "Which methods suspend"): those that call {@code Coro.yield}, carry
 * {@code @Suspendable}, or call a suspendable method the instrumenter can resolve, in the same class or in a class
 * it can read as bytes. Other classes are read through a {@link ClassSource}, never loaded, and remembered; for
 * classes instrumented earlier, the source's record of their suspendable methods stands in for their bytes.
 */
final class SuspendableIndex {
    /** Packages of the platform: never parsed, never suspending. */
    private static final List<String> PLATFORM = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");

    private final ClassSource source;
    /** Suspendable methods ("name" + "descriptor") of each class read so far. */
    private final Map<String, Set<String>> byClass = new ConcurrentHashMap<>();
    /** Superclass and interfaces of each class read so far, for inherited methods. */
    private final ClassHeaders headers;

    SuspendableIndex(ClassSource source, ClassHeaders headers) {
        this.source = source;
        this.headers = headers;
    }

    /**
     * The suspendable methods of a class being instrumented, computed from its own bytes.
     *
     * @param node the class
     * @return its suspendable methods, each as name followed by descriptor
     */
    Set<String> suspendableMethods(ClassNode node) {
        Set<String> result = compute(node);
        byClass.put(node.name, result);
        return result;
    }

    /**
     * Whether a call suspends.
     *
     * @param call the call instruction
     * @param self the class containing the call
     * @param ownSuspendable the suspendable methods of that class known so far
     * @return true if the called method suspends
     */
    boolean suspends(MethodInsnNode call, ClassNode self, Set<String> ownSuspendable) {
        if (isYield(call)) {
            return true;
        }
        if (call.name.equals("<init>")) {
            // Constructors are never instrumented: a yield in one throws NotInstrumentedError, and a new
            // expression is no suspension site (it has an object under construction on the stack).
            return false;
        }
        String method = call.name + call.desc;
        if (!call.owner.equals(self.name)) {
            return suspendsElsewhere(call.owner, method, new HashSet<>());
        }
        if (ownSuspendable.contains(method)) {
            return true;
        }
        if (declares(self, method)) {
            return false;
        }
        // Inherited: look in the supertypes.
        Set<String> visited = new HashSet<>();
        visited.add(self.name);
        if (self.superName != null && suspendsElsewhere(self.superName, method, visited)) {
            return true;
        }
        for (String itf : self.interfaces) {
            if (suspendsElsewhere(itf, method, visited)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(ClassNode node, String method) {
        for (MethodNode m : node.methods) {
            if (method.equals(m.name + m.desc)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a call is one of the {@code Coro.yield} methods.
     *
     * @param call a call instruction
     * @return true for {@code Coro.yield}
     */
    static boolean isYield(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKESTATIC && call.owner.equals(RuntimeNames.CORO)
                && call.name.equals("yield");
    }

    private boolean suspendsElsewhere(String owner, String method, Set<String> visited) {
        if (owner.startsWith("[") || isPlatform(owner) || !visited.add(owner)) {
            return false;
        }
        Set<String> suspendable = byClass.get(owner);
        if (suspendable == null) {
            suspendable = read(owner);
            byClass.put(owner, suspendable);
        }
        if (suspendable.contains(method) || overridesOneOf(suspendable, method)) {
            return true;
        }
        ClassHeaders.Header header = headers.of(owner);
        if (header == null) {
            return false;
        }
        if (header.superName() != null && suspendsElsewhere(header.superName(), method, visited)) {
            return true;
        }
        for (String itf : header.interfaces()) {
            if (suspendsElsewhere(itf, method, visited)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a method has the name and parameters of a suspendable one, whatever its return type: a covariant
     * redeclaration (a sub-interface narrowing {@code Object make()} to {@code String make()}) overrides it.
     */
    private static boolean overridesOneOf(Set<String> suspendable, String method) {
        String nameAndParameters = method.substring(0, method.indexOf(')') + 1);
        for (String candidate : suspendable) {
            if (candidate.startsWith(nameAndParameters)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The suspendable methods of any class, remembered for calls into it: computed from its bytes, or, if it was
     * instrumented earlier, as the index its build left beside it records them.
     *
     * @param classFile the class file
     * @return its suspendable methods, each as name followed by descriptor
     */
    Set<String> suspendableMethods(byte[] classFile) {
        if (!ClassScan.mentionsTinyio(classFile)) {
            return Set.of();
        }
        ClassNode node = parse(classFile);
        Set<String> result = recordedOrComputed(node);
        byClass.put(node.name, result);
        return result;
    }

    private Set<String> read(String owner) {
        byte[] bytes = source.bytesOf(owner);
        if (bytes == null || !ClassScan.mentionsTinyio(bytes)) {
            return Set.of();
        }
        // Mark the class as being read, so that a cycle of calls between classes ends.
        byClass.put(owner, Set.of());
        ClassNode node;
        try {
            node = parse(bytes);
        } catch (RuntimeException unparsable) {
            // Name the broken class itself: otherwise the error would seem to be the calling class's.
            throw new InstrumentationException("Cannot read the class file of " + owner + ", which this class "
                    + "calls, to see whether it suspends: " + unparsable, unparsable);
        }
        return recordedOrComputed(node);
    }

    private static ClassNode parse(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        return node;
    }

    /** An instrumented class's yields were rewritten, so its bytes understate what suspends: prefer the record. */
    private Set<String> recordedOrComputed(ClassNode node) {
        Set<String> recorded = isInstrumented(node) ? source.recordedSuspendableMethods(node.name) : null;
        return recorded != null ? Set.copyOf(recorded) : compute(node);
    }

    /** The fixed point of "calls something suspendable" within one class. */
    private Set<String> compute(ClassNode node) {
        Set<String> result = new HashSet<>();
        for (MethodNode method : node.methods) {
            if (isAnnotatedSuspendable(method)) {
                result.add(method.name + method.desc);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodNode method : node.methods) {
                String key = method.name + method.desc;
                if (!result.contains(key) && callsSuspendable(method, node, result)) {
                    result.add(key);
                    changed = true;
                }
            }
        }
        return result;
    }

    private boolean callsSuspendable(MethodNode method, ClassNode self, Set<String> known) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && suspends(call, self, known)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAnnotatedSuspendable(MethodNode method) {
        return hasAnnotation(method.invisibleAnnotations) || hasAnnotation(method.visibleAnnotations);
    }

    private static boolean hasAnnotation(List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode annotation : annotations) {
                if (annotation.desc.equals(RuntimeNames.SUSPENDABLE_DESC)) {
                    return true;
                }
            }
        }
        return false;
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
