package dev.tinyio.instrument.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Handle;
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
    private CoroutineEntries() {
    }

    /**
     * For each method of the class that a lambda proxy enters, the interface methods it implements, as
     * {@code interface.method} separated by commas (the form the runtime reads).
     *
     * @param node the class, with its method references already bridged
     * @return by method name and descriptor
     */
    static Map<String, String> entered(ClassNode node) {
        Map<String, Set<String>> entered = new TreeMap<>();
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    ClassFacts.Lambda lambda = ClassFacts.lambdaOf(indy.name, indy.desc, indy.bsm, indy.bsmArgs);
                    if (lambda != null && indy.bsmArgs[1] instanceof Handle target
                            && target.getOwner().equals(node.name)) {
                        entered.computeIfAbsent(target.getName() + target.getDesc(), k -> new TreeSet<>())
                                .add(lambda.interfaces().get(0) + "." + lambda.samName());
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
     * that create a lambda (which a library might call back) or call outside the platform and the library. A body
     * that only computes with the platform cannot be suspended through, and stays as it was.
     *
     * @param node the class, with its method references already bridged
     * @param entered what {@link #entered} found
     * @return each as name followed by descriptor
     */
    static Set<String> guarded(ClassNode node, Map<String, String> entered) {
        Set<String> guarded = new HashSet<>();
        entered.forEach((method, interfaces) -> {
            if (isBody(interfaces) && mayCallBack(find(node, method))) {
                guarded.add(method);
            }
        });
        return guarded;
    }

    /** Whether the interfaces a method implements for lambda proxies include a coroutine body's. */
    private static boolean isBody(String interfaces) {
        for (String body : LambdaBridges.BODY_TYPES) {
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

    private static boolean mayCallBack(MethodNode method) {
        if (method == null) {
            return false;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof InvokeDynamicInsnNode indy
                    && indy.bsm.getOwner().equals(ClassFacts.METAFACTORY)) {
                return true;
            }
            if (insn instanceof MethodInsnNode call && !SuspendableIndex.isPlatform(call.owner)
                    && !SuspendableIndex.isLibrary(call.owner)) {
                return true;
            }
        }
        return false;
    }
}
