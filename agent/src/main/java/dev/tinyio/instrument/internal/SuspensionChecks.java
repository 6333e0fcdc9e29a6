package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The checks by which a rewritten method notices a suspension it cannot take part in, and throws a
 * {@code NotInstrumentedError} that names where: on entry, after a call that cannot suspend, and after a call that
 * may suspend but is made where no suspension can be. Each costs one field read and a branch while nothing is
 * suspending; the code that throws is appended out of line.
 */
final class SuspensionChecks {
    /** The class of the method, as a Java name. */
    private final String className;
    /** The method's name. */
    private final String methodName;
    /** The source file, or an empty string. */
    private final String file;

    /** The checks of one method, whose errors name it as a stack trace element does. */
    SuspensionChecks(String className, String methodName, String file) {
        this.className = className;
        this.methodName = methodName;
        this.file = file;
    }

    /**
     * Before the first instruction: a method that can suspend is never entered while a suspension unwinds, unless
     * a frame that was not instrumented received a dummy result and carried on into it. Checking here, while that
     * frame is still on the stack, lets the error name it (a JDK callback, a constructor, a helper that was not
     * instrumented) rather than the last call this method made. One field read when nothing is suspending.
     */
    void checkEntry(InsnList code) {
        InsnList check = new InsnList();
        LabelNode start = new LabelNode();
        LabelNode slow = new LabelNode();
        check.add(new FieldInsnNode(GETSTATIC, RuntimeNames.UNWINDING, "pending", "I"));
        check.add(new JumpInsnNode(IFNE, slow));
        check.add(start);
        code.insert(check);
        int line = -1;
        for (AbstractInsnNode insn : code) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
                break;
            }
        }
        code.add(slow);
        if (line >= 0) {
            code.add(new LineNumberNode(line, slow));
        }
        code.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, "isSuspending", "()Z"));
        code.add(new JumpInsnNode(IFEQ, start));
        code.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, "entered",
                "()Ldev/tinyio/NotInstrumentedError;"));
        code.add(new InsnNode(ATHROW));
    }

    /**
     * After a call that cannot suspend: if a suspension is unwinding on this thread, the callee was not
     * instrumented and has carried on with a dummy result, so this frame throws a {@code NotInstrumentedError}
     * naming it. Costs one field read and a branch when nothing is suspending.
     */
    void emitLeakCheck(InsnList body, InsnList tail, AbstractInsnNode call, int line) {
        checkSuspending(body, tail, new LabelNode());
        String callee = call instanceof MethodInsnNode m
                ? m.owner + "." + m.name + m.desc
                : "invokedynamic " + ((InvokeDynamicInsnNode) call).name;
        tail.add(new LdcInsnNode(callee));
        tail.add(new LdcInsnNode(where(line)));
        tail.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, "leaked",
                "(Ljava/lang/String;Ljava/lang/String;)Ldev/tinyio/NotInstrumentedError;"));
        tail.add(new InsnNode(ATHROW));
    }

    /**
     * A call that may suspend, made where no suspension can be (while holding a monitor, in a constructor or a static
     * initialiser): a yield is replaced by throwing the error, and after any other such call a suspension under way
     * throws it, as returning would leave the monitor held, or the object or class half-built.
     */
    void emitMonitorGuard(InsnList body, InsnList tail, MethodInsnNode call, int line) {
        boolean initialiser = methodName.startsWith("<");
        InsnList error = new InsnList();
        error.add(new LdcInsnNode(where(line)));
        error.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION,
                initialiser ? "initialiserCarriedOn" : "monitorHeld",
                "(Ljava/lang/String;)Ldev/tinyio/NotInstrumentedError;"));
        error.add(new InsnNode(ATHROW));
        if (Calls.isYield(call)) {
            for (Type argument : Type.getArgumentTypes(call.desc)) {
                body.insertBefore(call, new InsnNode(argument.getSize() == 2 ? POP2 : POP));
            }
            body.insertBefore(call, error);
            body.remove(call);
            return;
        }
        checkSuspending(body, tail, new LabelNode());
        tail.add(error);
    }

    /**
     * The check after a call: one field read, and only while some thread is unwinding a suspension, a look at
     * this thread's coroutine. Code appended to {@code tail} next runs when this thread is suspending; otherwise
     * execution carries on at {@code carryOn}, placed in {@code body} right after the call.
     */
    static void checkSuspending(InsnList body, InsnList tail, LabelNode carryOn) {
        checkSuspending(body, tail, new LabelNode(), carryOn);
    }

    /**
     * The check after a call, which also code jumping to {@code check} goes through: a re-entered frame whose
     * restored call has just been evaluated, so that when that call suspended again (a whole chain re-entered in
     * debug mode), the frame saves itself as after any call.
     */
    static void checkSuspending(InsnList body, InsnList tail, LabelNode check, LabelNode carryOn) {
        LabelNode slow = new LabelNode();
        body.add(check);
        body.add(new FieldInsnNode(GETSTATIC, RuntimeNames.UNWINDING, "pending", "I"));
        body.add(new JumpInsnNode(IFNE, slow));
        body.add(carryOn);
        tail.add(slow);
        tail.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, "isSuspending", "()Z"));
        tail.add(new JumpInsnNode(IFEQ, carryOn));
    }

    /** Where a call of this method is, as a stack trace element prints it. */
    private String where(int line) {
        return className + "." + methodName + "(" + (file.isEmpty() ? "Unknown Source" : file)
                + (line >= 0 ? ":" + line : "") + ")";
    }
}
