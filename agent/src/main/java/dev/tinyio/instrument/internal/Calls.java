package dev.tinyio.instrument.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/** What a call instruction is, by its opcode and the method it names: a yield, or a call dispatched at run time. */
final class Calls {
    private Calls() {
    }

    /**
     * Whether a call is one of the {@code Coro.yield} methods.
     *
     * @param call a call instruction
     * @return true for {@code Coro.yield}
     */
    static boolean isYield(MethodInsnNode call) {
        return isYield(call.getOpcode(), call.owner, call.name);
    }

    /**
     * Whether a call, given by its parts, is one of the {@code Coro.yield} methods.
     *
     * @param opcode the call's opcode
     * @param owner the class the call names
     * @param name the method's name
     * @return true for {@code Coro.yield}
     */
    static boolean isYield(int opcode, String owner, String name) {
        return opcode == Opcodes.INVOKESTATIC && owner.equals(RuntimeNames.CORO) && name.equals("yield");
    }

    /**
     * Whether the JVM picks the called method by the receiver's class at run time.
     *
     * @param opcode the call's opcode
     * @return true for virtual and interface calls
     */
    static boolean isDispatched(int opcode) {
        return opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
    }
}
