package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites one suspendable method into two:
 * <ul>
 * <li>the original, which runs as before and, after each call that may suspend, saves its frame and returns a
 * dummy when a suspension is under way (unwinding by returning, so nothing is saved unless really suspending);
 * <li>a synthetic static copy with the same name, which a frame is re-entered through: it restores the locals and
 * operand stack saved at a site, evaluates the suspended call to the value (or exception) it resumes with, inside
 * that call's exception handlers, and carries on in the original code.
 * </ul>
 * Both are copies of the original code ({@link CodeCopy}) with code after each call: a site's save and restore
 * ({@link SiteCode}), or a check for a suspension that cannot be taken there ({@link SuspensionChecks}). Frames are
 * not emitted here: the class writer computes them.
 */
final class MethodRewriter {
    /** The method, rewritten in place. */
    private final MethodNode method;
    /** Its suspension sites, in code order. */
    private final List<SiteLayout> sites;
    /** Calls that may suspend but are made while holding a monitor: they throw if they do. */
    private final Set<AbstractInsnNode> locked;
    /** The checks after calls that must not suspend, and on entry. */
    private final SuspensionChecks checks;
    /** The code that saves and restores the frame at each site. */
    private final SiteCode siteCode;

    /**
     * A rewriter of one method.
     *
     * @param owner the class's internal name
     * @param file the source file, or {@code null}
     * @param method the method, rewritten in place
     * @param methodId its index among the class's instrumented methods
     * @param sites its suspension sites, in code order
     * @param locked the calls that may suspend made while holding a monitor
     * @param entered the interface methods lambda proxies enter it through, or {@code null}
     */
    MethodRewriter(String owner, String file, MethodNode method, int methodId, List<SiteLayout> sites,
            Set<AbstractInsnNode> locked, String entered) {
        String source = file == null ? "" : file;
        this.method = method;
        this.sites = sites;
        this.locked = locked;
        this.checks = new SuspensionChecks(owner.replace('/', '.'), method.name, source);
        this.siteCode = new SiteCode(method, copyDescriptor(), sites,
                new SiteConstants(method, source, methodId, sites, entered == null ? "" : entered));
    }

    /**
     * The descriptor of the re-entry copy: the frame, then the original parameters (ignored, but they keep
     * overloads apart), returning what the original returns.
     *
     * @return the descriptor
     */
    String copyDescriptor() {
        Type type = Type.getMethodType(method.desc);
        return "(" + RuntimeNames.FRAME_DESC + type.getDescriptor().substring(1);
    }

    /**
     * Rewrites the original method in place and returns its re-entry copy.
     *
     * @return the copy, to be added to the class
     */
    MethodNode rewrite() {
        MethodNode copy = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, method.name, copyDescriptor(),
                null, null);
        emit(copy, true);
        emit(method, false);
        checks.checkEntry(method.instructions);
        return copy;
    }

    /**
     * Rewrites a method that cannot suspend itself but is a coroutine's entry point (the body of a lambda passed
     * to {@code Coro.of}): only the checks after its calls are added, so that a suspension leaking through a call
     * that was not instrumented is named instead of silently abandoning the body.
     */
    void guardEntry() {
        emit(method, false);
    }

    // -----------------------------------------------------------------------------------------------------------
    // The body, cloned with site code around each suspending call
    // -----------------------------------------------------------------------------------------------------------

    /** Gives {@code target} a copy of the method's code with code after each call, and entries at sites in a copy. */
    private void emit(MethodNode target, boolean reentry) {
        CodeCopy copy = new CodeCopy(method);
        LabelNode[] entries = new LabelNode[sites.size()];
        int next = 0;
        int line = -1;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode) {
                continue;
            }
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            }
            AbstractInsnNode clone = copy.cloneOf(insn);
            SiteLayout site = next < sites.size() && sites.get(next).call == insn ? sites.get(next) : null;
            if (site != null && Calls.isDispatched(site.call.getOpcode())) {
                siteCode.keepReceiver(copy.body, site.call);
            }
            copy.body.add(clone);
            if (!(insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode)) {
                continue;
            }
            LabelNode resumed = emitAfterCall(copy, insn, clone, site, line, reentry);
            if (site != null && reentry) {
                entries[next] = new LabelNode();
                copy.tail.add(entries[next]);
                siteCode.emitRestore(copy, site, resumed);
            }
            if (site != null) {
                next++;
            }
        }
        InsnList prologue = new InsnList();
        if (reentry) {
            siteCode.emitPrologue(prologue, entries);
        }
        copy.moveInto(target, prologue, siteCode.maxLocals());
    }

    /**
     * After a call: the check for a suspension it must not make, or a site's save, each with its slow path moved
     * out of line into the tail.
     *
     * @return where a site's restored frame carries on, after the call
     */
    private LabelNode emitAfterCall(CodeCopy copy, AbstractInsnNode insn, AbstractInsnNode clone, SiteLayout site,
            int line, boolean reentry) {
        // What the tail does for this call may throw: the call's own handlers must see it.
        LabelNode tailStart = new LabelNode();
        copy.tail.add(tailStart);
        LabelNode resumed = new LabelNode();
        if (locked.contains(insn)) {
            checks.emitMonitorGuard(copy.body, copy.tail, (MethodInsnNode) clone, line);
        } else if (site == null) {
            checks.emitLeakCheck(copy.body, copy.tail, insn, line);
        } else {
            emitSite(copy, site, (MethodInsnNode) clone, resumed, reentry);
        }
        LabelNode tailEnd = new LabelNode();
        copy.tail.add(tailEnd);
        if (tailStart.getNext() != tailEnd) {
            copy.coverLikeCall(insn, tailStart, tailEnd);
        }
        return resumed;
    }

    /**
     * After a site's call: the save, reached when the call suspended. A yield always suspends: its runtime form
     * records what it asks for, and the frame is saved at once. In the copy, the yield is handed the frame it was
     * re-entered with, through which the runtime reaches the thread's carrier without looking it up.
     */
    private void emitSite(CodeCopy copy, SiteLayout site, MethodInsnNode clone, LabelNode resumed, boolean reentry) {
        LabelNode save = new LabelNode();
        if (Calls.isYield(site.call)) {
            clone.owner = RuntimeNames.SUSPENSION;
            if (reentry) {
                siteCode.passFrame(copy.body, clone);
            }
            copy.body.add(new JumpInsnNode(GOTO, save));
            copy.body.add(resumed);
        } else {
            // A restored call goes through the check too: in debug mode, what it re-entered may suspend again.
            SuspensionChecks.checkSuspending(copy.body, copy.tail, resumed, new LabelNode());
        }
        copy.tail.add(save);
        siteCode.emitSave(copy.tail, site, reentry);
    }
}
