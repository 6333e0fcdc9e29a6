package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import dev.tinyio.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Moves {@code new T} after the constructor's arguments when an argument suspends, as in
 * {@code new Foo(Coro.yield(a))}: a frame cannot be saved with an uninitialised object on its operand stack. The
 * arguments are kept in fresh locals, and {@code T} is still initialised where the allocation used to be, so
 * static initialisers run in the same order.
 */
final class AllocationMover {
    /** One {@code new T; dup; arguments; invokespecial T.<init>} with a suspension among the arguments. */
    private record Allocation(TypeInsnNode allocation, MethodInsnNode constructor, LabelNode label) {
    }

    private AllocationMover() {
    }

    /**
     * Rewrites every allocation whose arguments suspend; the method's frames are adjusted to match.
     *
     * @param owner the class's internal name
     * @param method the method, with expanded frames
     * @param suspends which calls may suspend
     * @param where the method, for error messages
     */
    static void moveAllocations(String owner, MethodNode method, Predicate<MethodInsnNode> suspends, String where) {
        for (Allocation allocation : find(owner, method, suspends)) {
            move(method, allocation, where);
        }
    }

    private static List<Allocation> find(String owner, MethodNode method, Predicate<MethodInsnNode> suspends) {
        AnalyzerAdapter types = new AnalyzerAdapter(owner, method.access, method.name, method.desc, null);
        Map<Label, TypeInsnNode> allocations = new HashMap<>();
        Map<TypeInsnNode, LabelNode> labels = new HashMap<>();
        List<Allocation> found = new ArrayList<>();
        LabelNode lastLabel = null;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LabelNode label) {
                lastLabel = label;
            } else if (insn.getOpcode() >= 0) {
                if (insn instanceof MethodInsnNode call && call.getOpcode() == INVOKESPECIAL
                        && call.name.equals("<init>") && types.stack != null) {
                    int argumentSlots = (Type.getArgumentsAndReturnSizes(call.desc) >> 2) - 1;
                    Object receiver = types.stack.get(types.stack.size() - argumentSlots - 1);
                    TypeInsnNode allocation = receiver instanceof Label l ? allocations.get(l) : null;
                    if (allocation != null && suspendsBetween(allocation, call, suspends)) {
                        found.add(new Allocation(allocation, call, labels.get(allocation)));
                    }
                }
                if (insn.getOpcode() != NEW) {
                    lastLabel = null;
                }
            }
            insn.accept(types);
            if (insn.getOpcode() == NEW && types.stack != null) {
                allocations.put((Label) types.stack.get(types.stack.size() - 1), (TypeInsnNode) insn);
                labels.put((TypeInsnNode) insn, lastLabel);
            }
        }
        return found;
    }

    private static boolean suspendsBetween(AbstractInsnNode from, AbstractInsnNode to,
            Predicate<MethodInsnNode> suspends) {
        for (AbstractInsnNode insn = from.getNext(); insn != to; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && suspends.test(call)) {
                return true;
            }
        }
        return false;
    }

    private static void move(MethodNode method, Allocation found, String where) {
        AbstractInsnNode dup = next(found.allocation());
        if (dup == null || dup.getOpcode() != DUP) {
            throw new InstrumentationException("Cannot suspend among the arguments of new " + found.allocation().desc
                    + " in " + where + ": the allocation is not the usual new/dup pair. Move the suspending call "
                    + "into a local variable before the new expression.");
        }
        InsnList instructions = method.instructions;
        InsnList initialise = new InsnList();
        initialise.add(new LdcInsnNode(Type.getObjectType(found.allocation().desc)));
        initialise.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, "initialize",
                "(Ljava/lang/Class;)V"));
        instructions.insertBefore(found.allocation(), initialise);
        instructions.remove(dup);
        instructions.remove(found.allocation());

        Type[] arguments = Type.getArgumentTypes(found.constructor().desc);
        int[] locals = new int[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            locals[i] = method.maxLocals;
            method.maxLocals += arguments[i].getSize();
        }
        InsnList allocate = new InsnList();
        for (int i = arguments.length - 1; i >= 0; i--) {
            allocate.add(new VarInsnNode(arguments[i].getOpcode(ISTORE), locals[i]));
        }
        allocate.add(new TypeInsnNode(NEW, found.allocation().desc));
        allocate.add(new InsnNode(DUP));
        for (int i = 0; i < arguments.length; i++) {
            allocate.add(new VarInsnNode(arguments[i].getOpcode(ILOAD), locals[i]));
        }
        instructions.insertBefore(found.constructor(), allocate);
        if (found.label() != null) {
            forgetUninitialised(instructions, found);
        }
    }

    /** Frames between the old allocation and the constructor no longer have the object on their stack. */
    private static void forgetUninitialised(InsnList instructions, Allocation found) {
        for (AbstractInsnNode insn = instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof FrameNode frame && frame.stack != null) {
                frame.stack.removeIf(type -> type == found.label());
            }
        }
    }

    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }
}
