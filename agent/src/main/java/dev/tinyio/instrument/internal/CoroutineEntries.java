package dev.tinyio.instrument.internal;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The methods of a class that lambdas and method references make into coroutine bodies: each is the first frame
 * of a coroutine, entered through a lambda proxy that the instrumenter never sees. Those that could reach
 * suspending code through a call the instrumenter cannot follow are guarded.
 */
final class CoroutineEntries {
    private static final Set<String> BODY_TYPES = Set.of("dev/tinyio/Coro$Body", "dev/tinyio/Coro$VoidBody");

    private CoroutineEntries() {
    }

    /**
     * The class's own methods that become coroutine bodies and need guarding: those that create a lambda (which
     * a library might call back) or call outside the platform and the library. A body that only computes with
     * the platform cannot be suspended through, and stays as it was.
     *
     * @param node the class
     * @return each as name followed by descriptor
     */
    static Set<String> guarded(ClassNode node) {
        Set<String> entries = new HashSet<>();
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && makesBody(indy)
                        && indy.bsmArgs[1] instanceof Handle target && target.getOwner().equals(node.name)) {
                    entries.add(target.getName() + target.getDesc());
                }
            }
        }
        entries.removeIf(entry -> !mayCallBack(find(node, entry)));
        return entries;
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
                    && indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
                return true;
            }
            if (insn instanceof MethodInsnNode call && !SuspendableIndex.isPlatform(call.owner)
                    && !call.owner.startsWith("dev/tinyio/")) {
                return true;
            }
        }
        return false;
    }

    private static boolean makesBody(InvokeDynamicInsnNode indy) {
        return indy.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory") && indy.bsmArgs.length >= 2
                && BODY_TYPES.contains(Type.getReturnType(indy.desc).getInternalName());
    }
}
