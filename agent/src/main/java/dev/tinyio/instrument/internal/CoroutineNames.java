package dev.tinyio.instrument.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Names each coroutine after where the code makes it: every {@code Coro.of(body)} and {@code Coro.ofVoid(body)}
 * becomes the overload that takes a name, given {@code Class.method:line}, so that dumps, traces, warnings and
 * errors say which coroutine they mean without a stack walk per coroutine.
 */
final class CoroutineNames {
    /** {@code Coro.of(Body)}. */
    private static final String OF = "(Ldev/tinyio/Coro$Body;)Ldev/tinyio/Coro;";
    /** {@code Coro.ofVoid(VoidBody)}. */
    private static final String OF_VOID = "(Ldev/tinyio/Coro$VoidBody;)Ldev/tinyio/Coro;";

    private CoroutineNames() {
    }

    /**
     * Whether a call makes a coroutine with no name: what {@link #name} rewrites.
     *
     * @param opcode the call's opcode
     * @param owner the class it names
     * @param name the method's name
     * @param desc the method's descriptor
     * @return true for {@code Coro.of(body)} and {@code Coro.ofVoid(body)}
     */
    static boolean makesUnnamed(int opcode, String owner, String name, String desc) {
        return opcode == Opcodes.INVOKESTATIC && owner.equals(RuntimeNames.CORO)
                && (name.equals("of") && desc.equals(OF) || name.equals("ofVoid") && desc.equals(OF_VOID));
    }

    /**
     * Gives every coroutine a method of a class makes the name of the place that makes it.
     *
     * @param className the class's internal name
     * @param method the method, changed in place
     * @return true if it made any
     */
    static boolean name(String className, MethodNode method) {
        boolean named = false;
        int line = -1;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else if (insn instanceof MethodInsnNode call
                    && makesUnnamed(call.getOpcode(), call.owner, call.name, call.desc)) {
                // The body is on the stack: the name goes beneath it, as the overload takes it first.
                method.instructions.insertBefore(call, new LdcInsnNode(place(className, method.name, line)));
                method.instructions.insertBefore(call, new InsnNode(Opcodes.SWAP));
                call.desc = "(Ljava/lang/String;" + call.desc.substring(1);
                named = true;
            }
        }
        return named;
    }

    /**
     * Where a coroutine is made, as users read their code: {@code Demo.fetch:42}. A lambda's method is named after
     * the method that holds the lambda, and a nested class after its outer classes.
     */
    static String place(String className, String methodName, int line) {
        String simple = className.substring(className.lastIndexOf('/') + 1).replace('$', '.');
        return simple + "." + sourceMethod(methodName) + (line < 0 ? "" : ":" + line);
    }

    /** The method as written in the source: javac names a lambda {@code lambda$<method>$<n>}. */
    private static String sourceMethod(String name) {
        if (!name.startsWith("lambda$")) {
            return name;
        }
        String rest = name.substring("lambda$".length());
        int end = rest.lastIndexOf('$');
        String enclosing = end < 0 ? rest : rest.substring(0, end);
        return switch (enclosing) {
            case "static" -> "<clinit>";
            case "new" -> "<init>";
            default -> enclosing;
        };
    }
}
