package dev.tinyio.instrument.internal;

import java.util.function.Consumer;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The warnings about code on a path that may suspend where no suspension can happen, each naming the place as a
 * stack trace element prints it: there, a suspension throws {@code NotInstrumentedError}.
 */
final class SuspensionWarnings {
    /** Where the warnings go, a line each. */
    private final Consumer<String> warnings;

    /** Warnings handed, a line each, to a consumer. */
    SuspensionWarnings(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** A method that may suspend, but is a constructor, a static initialiser or synchronized. */
    void neverInstrumented(ClassNode node, MethodNode method) {
        warnings.accept("tinyio: " + where(node, method, null) + " suspends, but tinyio never "
                + "instruments constructors, static initialisers or synchronized methods; suspending "
                + "there throws NotInstrumentedError.");
    }

    /** A call that may suspend, made inside a synchronized block. */
    void lockedCall(ClassNode node, MethodNode method, AbstractInsnNode call) {
        warnings.accept("tinyio: " + where(node, method, call) + " may suspend inside a synchronized block; "
                + "if it does, it throws NotInstrumentedError. Use dev.tinyio.Lock instead.");
    }

    /** A suspension cannot pass through reflection or a method handle: say so where one is on a suspending path. */
    void reflection(ClassNode node, MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && OpenCalls.isReflective(call)) {
                warnings.accept("tinyio: " + where(node, method, call) + " calls " + call.owner.replace('/', '.')
                        + "." + call.name + " on a path that may suspend; a suspension cannot pass through "
                        + "reflection or a method handle, so if the method it calls suspends, that throws "
                        + "NotInstrumentedError. Call the method directly.");
            }
        }
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
