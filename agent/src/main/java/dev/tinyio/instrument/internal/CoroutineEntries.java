package dev.tinyio.instrument.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The methods of a class that lambda proxies enter: the bodies of its lambdas and the bridges of its method
 * references. Instrumented code calling through a functional interface accepts such a method as its callee's
 * frame, since the proxy between them has no frame of its own; and a coroutine whose body is a lambda must have
 * one of them as its outermost frame.
 */
final class CoroutineEntries {
    /** Platform types whose values, and static methods, run no code of the user's. */
    private static final Set<String> INERT = Set.of("java/lang/String", "java/lang/Integer", "java/lang/Long",
            "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Boolean", "java/lang/Float",
            "java/lang/Double", "java/lang/Math", "java/lang/StrictMath");

    private CoroutineEntries() {
    }

    /**
     * For each method of the class that a lambda proxy enters, the interface methods it implements, as
     * {@code interface.method} separated by commas (the form the runtime reads).
     *
     * @param node the class, with its method references already bridged
     * @param headers the hierarchy: a lambda of an interface that extends a coroutine body's is a body, and is
     *     recorded as one
     * @return by method name and descriptor
     */
    static Map<String, String> entered(ClassNode node, ClassHeaders headers) {
        Map<String, Set<String>> entered = new TreeMap<>();
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    ClassFacts.Lambda lambda = ClassFacts.lambdaOf(indy.name, indy.desc, indy.bsm, indy.bsmArgs);
                    if (lambda != null && indy.bsmArgs[1] instanceof Handle target
                            && target.getOwner().equals(node.name)) {
                        String itf = lambda.interfaces().get(0);
                        String body = headers.bodyType(itf);
                        entered.computeIfAbsent(target.getName() + target.getDesc(), k -> new TreeSet<>())
                                .add((body == null ? itf : body) + "." + lambda.samName());
                    }
                }
            }
        }
        Map<String, String> result = new TreeMap<>();
        entered.forEach((method, interfaces) -> result.put(method, String.join(",", interfaces)));
        return result;
    }

    /**
     * The methods that become coroutine bodies and need guarding although they cannot suspend themselves: those
     * that make any call outside the library, since the JDK's own methods call back too ({@code toString},
     * {@code equals}, iterators, comparators). A body that calls nothing cannot be suspended through, and stays as
     * it was.
     *
     * @param node the class, with its method references already bridged
     * @param entered what {@link #entered} found
     * @return each as name followed by descriptor
     */
    static Set<String> guarded(ClassNode node, Map<String, String> entered) {
        Set<String> guarded = new HashSet<>();
        entered.forEach((method, interfaces) -> {
            if (isBody(interfaces) && callsOut(find(node, method))) {
                guarded.add(method);
            }
        });
        return guarded;
    }

    /** Whether the interfaces a method implements for lambda proxies include a coroutine body's. */
    private static boolean isBody(String interfaces) {
        for (String body : RuntimeNames.BODY_TYPES) {
            if (interfaces.contains(body + ".")) {
                return true;
            }
        }
        return false;
    }

    private static MethodNode find(ClassNode node, String key) {
        for (MethodNode method : node.methods) {
            if (key.equals(method.name + method.desc)) {
                return method;
            }
        }
        return null;
    }

    private static boolean callsOut(MethodNode method) {
        if (method == null) {
            return false;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof InvokeDynamicInsnNode || insn instanceof MethodInsnNode call && mayCallBack(call)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a call may run code of the user's: any but the library's, and the platform's on values that run none
     * (primitives, strings, boxed primitives), such as the boxing of a lambda's result.
     */
    private static boolean mayCallBack(MethodInsnNode call) {
        if (Packages.isLibrary(call.owner)) {
            return false;
        }
        if (!Packages.isPlatform(call.owner)) {
            return true;
        }
        if (call.getOpcode() != Opcodes.INVOKESTATIC && !isInert(Type.getObjectType(call.owner))) {
            return true;
        }
        for (Type argument : Type.getArgumentTypes(call.desc)) {
            if (!isInert(argument)) {
                return true;
            }
        }
        return false;
    }

    /** A type whose values run no code of the user's when used. */
    private static boolean isInert(Type type) {
        return type.getSort() != Type.OBJECT && type.getSort() != Type.ARRAY
                || INERT.contains(type.getInternalName());
    }
}
