package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * How many monitors ({@code synchronized} blocks) a method holds before each instruction, by a forward walk over
 * its control flow. javac's locking is structured, so every path into an instruction agrees.
 */
final class MonitorDepth {
    /** Deeper nesting than this is not javac's and is not followed further. */
    private static final int MAXIMUM_DEPTH = 255;

    private final InsnList instructions;
    private final int[] depth;

    private MonitorDepth(MethodNode method) {
        this.instructions = method.instructions;
        this.depth = new int[instructions.size()];
        Arrays.fill(depth, -1);
        Deque<Integer> work = new ArrayDeque<>();
        reach(0, 0, work);
        while (!work.isEmpty()) {
            int at = work.pop();
            AbstractInsnNode insn = instructions.get(at);
            int after = depth[at] + (insn.getOpcode() == MONITORENTER ? 1 : insn.getOpcode() == MONITOREXIT ? -1 : 0);
            for (TryCatchBlockNode block : method.tryCatchBlocks) {
                if (instructions.indexOf(block.start) <= at && at < instructions.indexOf(block.end)) {
                    reach(instructions.indexOf(block.handler), depth[at], work);
                    if (block.type == null) {
                        // A catch-all handler (javac's for synchronized and finally) takes every exception
                        // here: the handlers listed after it are never reached from this instruction.
                        break;
                    }
                }
            }
            if (insn instanceof JumpInsnNode jump) {
                reach(instructions.indexOf(jump.label), after, work);
            } else if (insn instanceof TableSwitchInsnNode table) {
                reachAll(table.dflt, table.labels, after, work);
            } else if (insn instanceof LookupSwitchInsnNode lookup) {
                reachAll(lookup.dflt, lookup.labels, after, work);
            }
            if (fallsThrough(insn) && at + 1 < depth.length) {
                reach(at + 1, after, work);
            }
        }
    }

    /**
     * The calls of a method made while it holds a monitor.
     *
     * @param method the method
     * @param calls which calls to consider
     * @return those of them inside a {@code synchronized} block
     */
    static Set<AbstractInsnNode> lockedCalls(MethodNode method,
            Predicate<MethodInsnNode> calls) {
        Set<AbstractInsnNode> locked = new HashSet<>();
        boolean locks = false;
        for (AbstractInsnNode insn : method.instructions) {
            locks |= insn.getOpcode() == MONITORENTER;
        }
        if (!locks) {
            return locked;
        }
        MonitorDepth depth = new MonitorDepth(method);
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof MethodInsnNode call && calls.test(call)
                    && depth.holdsMonitor(insn)) {
                locked.add(insn);
            }
        }
        return locked;
    }

    /** Whether a monitor is held when an instruction runs: true inside a {@code synchronized} block. */
    private boolean holdsMonitor(AbstractInsnNode insn) {
        return depth[instructions.indexOf(insn)] > 0;
    }

    private void reachAll(LabelNode dflt, List<LabelNode> labels, int value, Deque<Integer> work) {
        reach(instructions.indexOf(dflt), value, work);
        for (LabelNode label : labels) {
            reach(instructions.indexOf(label), value, work);
        }
    }

    private void reach(int at, int value, Deque<Integer> work) {
        if (depth[at] < value && value <= MAXIMUM_DEPTH) {
            depth[at] = value;
            work.push(at);
        }
    }

    private static boolean fallsThrough(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return opcode != GOTO && opcode != ATHROW && !(opcode >= IRETURN && opcode <= RETURN)
                && !(insn instanceof TableSwitchInsnNode) && !(insn instanceof LookupSwitchInsnNode);
    }
}
