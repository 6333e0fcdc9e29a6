package dev.tinyio.instrument.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * One copy of a method's code as the rewriting builds it: the original instructions cloned with labels of their
 * own into the body, the code moved out of line for calls into the tail after it, and the method's exception
 * handlers and local variables carried over to the new labels.
 */
final class CodeCopy {
    /** The method copied: only read, until {@link #moveInto} may make the copy its own code. */
    private final MethodNode method;
    /** The copy's label for each label of the original. */
    private final Map<LabelNode, LabelNode> labels = new HashMap<>();
    /** The cloned instructions, with the fast path of each check after a call. */
    final InsnList body = new InsnList();
    /** Code moved out of line, after the body: what runs when a call's check finds a suspension. */
    final InsnList tail = new InsnList();
    /** Handlers covering code moved out of line, as the original's cover the calls it was moved for. */
    private final List<TryCatchBlockNode> extraHandlers = new ArrayList<>();

    /** An empty copy of a method's code, with a fresh label for each of its labels. */
    CodeCopy(MethodNode method) {
        this.method = method;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LabelNode label) {
                labels.put(label, new LabelNode());
            }
        }
    }

    /** A clone of an instruction of the original, with the copy's labels. */
    AbstractInsnNode cloneOf(AbstractInsnNode insn) {
        return insn.clone(labels);
    }

    /**
     * Adds exception table entries so that code moved out of line for a call is covered by the same handlers, in
     * the same order, as the call itself: an exception thrown there is caught exactly where the call's would be.
     */
    void coverLikeCall(AbstractInsnNode call, LabelNode start, LabelNode end) {
        int at = method.instructions.indexOf(call);
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            if (method.instructions.indexOf(block.start) <= at && at < method.instructions.indexOf(block.end)) {
                extraHandlers.add(new TryCatchBlockNode(start, end, labels.get(block.handler), block.type));
            }
        }
    }

    /**
     * Makes the copy the code of a method: the prologue, the body and the tail, the original's handlers followed by
     * those added, and its local variables; the copy is spent.
     *
     * @param target the method whose code this becomes: the original itself, or its re-entry copy
     * @param prologue code to run first, or an empty list
     * @param maxLocals how many local slots the code uses
     */
    void moveInto(MethodNode target, InsnList prologue, int maxLocals) {
        InsnList code = prologue;
        code.add(body);
        code.add(tail);
        List<TryCatchBlockNode> handlers = new ArrayList<>();
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            handlers.add(new TryCatchBlockNode(labels.get(block.start), labels.get(block.end),
                    labels.get(block.handler), block.type));
        }
        handlers.addAll(extraHandlers);
        List<LocalVariableNode> variables = new ArrayList<>();
        if (method.localVariables != null) {
            for (LocalVariableNode variable : method.localVariables) {
                variables.add(new LocalVariableNode(variable.name, variable.desc, variable.signature,
                        labels.get(variable.start), labels.get(variable.end), variable.index));
            }
        }
        target.instructions = code;
        target.tryCatchBlocks = handlers;
        target.localVariables = variables;
        target.visibleLocalVariableAnnotations = null;
        target.invisibleLocalVariableAnnotations = null;
        target.maxLocals = maxLocals;
    }
}
