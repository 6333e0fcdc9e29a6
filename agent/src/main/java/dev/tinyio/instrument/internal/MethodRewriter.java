package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites one suspendable method into two:
 * <ul>
 * <li>the original, which runs as before and, after each call that may suspend, saves its frame and returns a
 * dummy when a suspension is under way (unwinding by returning, so nothing is saved unless really suspending);
 * <li>a synthetic static copy with the same name, which a frame is re-entered through: it restores the locals and
 * operand stack saved at a site, evaluates the suspended call to the value (or exception) it resumes with, inside
 * that call's exception handlers, and carries on in the original code.
 * </ul>
 * Frames are not emitted here: the class writer computes them.
 */
final class MethodRewriter {
    /** The class of the method, as a Java name, for error messages. */
    private final String className;
    /** The source file, or an empty string. */
    private final String file;
    /** The method, rewritten in place. */
    private final MethodNode method;
    /** Its index among the class's instrumented methods. */
    private final int methodId;
    /** Its suspension sites, in code order. */
    private final List<SiteLayout> sites;
    /**
     * The interface methods through which lambda proxies enter this method, as {@code interface.method}
     * separated by commas, or an empty string: the runtime accepts it as the frame below a call of one of them.
     */
    private final String entered;
    /** The reference slots a frame of the method needs. */
    private final int refSlots;
    /** The primitive slots a frame of the method needs. */
    private final int primSlots;
    /** Local variable index of the frame in the copy. */
    private final int frameLocal;
    /** First local variable index for operand stack values being saved. */
    private final int firstTemp;
    /** Where a dispatched site keeps its call's receiver, for the runtime to check the frame saved below. */
    private final int receiverLocal;
    /** First local variable index for a dispatched call's arguments, kept while its receiver is copied. */
    private final int firstArgumentTemp;
    /** How many local slots the arguments of the widest dispatched site take. */
    private final int argumentTempSize;

    /** Calls that may suspend but are made while holding a monitor: they throw if they do. */
    private final Set<AbstractInsnNode> locked;

    MethodRewriter(String owner, String file, MethodNode method, int methodId, List<SiteLayout> sites,
            Set<AbstractInsnNode> locked, String entered) {
        this.locked = locked;
        this.entered = entered == null ? "" : entered;
        this.className = owner.replace('/', '.');
        this.file = file == null ? "" : file;
        this.method = method;
        this.methodId = methodId;
        this.sites = sites;
        int refs = 0;
        int prims = 0;
        for (SiteLayout site : sites) {
            refs = Math.max(refs, site.refSlots);
            prims = Math.max(prims, site.primSlots);
        }
        this.refSlots = refs;
        this.primSlots = prims;
        // The copy is static: the argument size counts an implicit receiver it does not have.
        int parameters = (Type.getArgumentsAndReturnSizes(copyDescriptor()) >> 2) - 1;
        this.frameLocal = Math.max(method.maxLocals, parameters);
        this.firstTemp = frameLocal + 1;
        this.receiverLocal = firstTemp + stackTempSize();
        this.firstArgumentTemp = receiverLocal + 1;
        int arguments = 0;
        for (SiteLayout site : sites) {
            if (isDispatched(site.call)) {
                arguments = Math.max(arguments, (Type.getArgumentsAndReturnSizes(site.call.desc) >> 2) - 1);
            }
        }
        this.argumentTempSize = arguments;
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
        checkEntry(method.instructions);
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

    /**
     * Before the first instruction: a method that can suspend is never entered while a suspension unwinds, unless
     * a frame that was not instrumented received a dummy result and carried on into it. Checking here, while that
     * frame is still on the stack, lets the error name it (a JDK callback, a constructor, a helper that was not
     * instrumented) rather than the last call this method made. One field read when nothing is suspending.
     */
    private void checkEntry(InsnList code) {
        InsnList check = new InsnList();
        LabelNode start = new LabelNode();
        LabelNode slow = new LabelNode();
        check.add(new FieldInsnNode(GETSTATIC, RuntimeNames.SUSPENSION, "pending", "I"));
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

    // -----------------------------------------------------------------------------------------------------------
    // The body, cloned with site code around each suspending call
    // -----------------------------------------------------------------------------------------------------------

    private void emit(MethodNode target, boolean reentry) {
        Map<LabelNode, LabelNode> labels = new HashMap<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LabelNode label) {
                labels.put(label, new LabelNode());
            }
        }
        InsnList body = new InsnList();
        InsnList tail = new InsnList();
        List<TryCatchBlockNode> extraHandlers = new ArrayList<>();
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
            AbstractInsnNode clone = insn.clone(labels);
            boolean isSite = next < sites.size() && sites.get(next).call == insn;
            if (isSite && isDispatched(sites.get(next).call)) {
                keepReceiver(body, sites.get(next).call);
            }
            body.add(clone);
            boolean isCall = insn instanceof MethodInsnNode || insn instanceof InvokeDynamicInsnNode;
            if (!isCall) {
                continue;
            }
            // What the tail does for this call may throw: the call's own handlers must see it.
            LabelNode tailStart = new LabelNode();
            tail.add(tailStart);
            LabelNode resumed = new LabelNode();
            if (locked.contains(insn)) {
                emitMonitorGuard(body, tail, (MethodInsnNode) clone, line);
            } else if (!isSite) {
                emitLeakCheck(body, tail, insn, line);
            } else {
                SiteLayout site = sites.get(next);
                LabelNode save = new LabelNode();
                if (Calls.isYield(site.call)) {
                    ((MethodInsnNode) clone).owner = RuntimeNames.SUSPENSION;
                    body.add(new JumpInsnNode(GOTO, save));
                    body.add(resumed);
                } else {
                    checkSuspending(body, tail, resumed);
                }
                tail.add(save);
                emitSave(tail, site, reentry);
            }
            LabelNode tailEnd = new LabelNode();
            tail.add(tailEnd);
            if (tailStart.getNext() != tailEnd) {
                coverLikeCall(insn, tailStart, tailEnd, labels, extraHandlers);
            }
            if (isSite && reentry) {
                entries[next] = new LabelNode();
                tail.add(entries[next]);
                emitRestore(tail, sites.get(next), resumed, labels, extraHandlers);
            }
            if (isSite) {
                next++;
            }
        }
        InsnList code = new InsnList();
        if (reentry) {
            emitPrologue(code, entries);
        }
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
        target.maxLocals = firstArgumentTemp + argumentTempSize;
    }

    /**
     * Before a dispatched call that may suspend: a copy of its receiver, so that the runtime can check that the
     * frame saved below is the receiver's own (or that of a lambda of the receiver's class), and no frame that was
     * not instrumented (a decorator, a proxy, a JDK combinator) dropped out of the chain between them. The arguments
     * above the receiver are set aside meanwhile; after the JIT, this is a few register moves.
     */
    private void keepReceiver(InsnList body, MethodInsnNode call) {
        Type[] arguments = Type.getArgumentTypes(call.desc);
        int[] temps = new int[arguments.length];
        int local = firstArgumentTemp;
        for (int i = 0; i < arguments.length; i++) {
            temps[i] = local;
            local += arguments[i].getSize();
        }
        for (int i = arguments.length - 1; i >= 0; i--) {
            body.add(new VarInsnNode(arguments[i].getOpcode(ISTORE), temps[i]));
        }
        body.add(new InsnNode(DUP));
        body.add(new VarInsnNode(ASTORE, receiverLocal));
        for (int i = 0; i < arguments.length; i++) {
            body.add(new VarInsnNode(arguments[i].getOpcode(ILOAD), temps[i]));
        }
    }

    private static boolean isDispatched(MethodInsnNode call) {
        return call.getOpcode() == INVOKEVIRTUAL || call.getOpcode() == INVOKEINTERFACE;
    }

    /**
     * After a call that cannot suspend: if a suspension is unwinding on this thread, the callee was not
     * instrumented and has carried on with a dummy result, so this frame throws a {@code NotInstrumentedError}
     * naming it. Costs one field read and a branch when nothing is suspending.
     */
    private void emitLeakCheck(InsnList body, InsnList tail, AbstractInsnNode call, int line) {
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
    private void emitMonitorGuard(InsnList body, InsnList tail, MethodInsnNode call, int line) {
        boolean initialiser = method.name.startsWith("<");
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
    private static void checkSuspending(InsnList body, InsnList tail, LabelNode carryOn) {
        LabelNode slow = new LabelNode();
        body.add(new FieldInsnNode(GETSTATIC, RuntimeNames.SUSPENSION, "pending", "I"));
        body.add(new JumpInsnNode(IFNE, slow));
        body.add(carryOn);
        tail.add(slow);
        tail.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, "isSuspending", "()Z"));
        tail.add(new JumpInsnNode(IFEQ, carryOn));
    }

    /** Where a call of this method is, as a stack trace element prints it. */
    private String where(int line) {
        return className + "." + method.name + "(" + (file.isEmpty() ? "Unknown Source" : file)
                + (line >= 0 ? ":" + line : "") + ")";
    }

    private int stackTempSize() {
        int size = 0;
        for (SiteLayout site : sites) {
            int siteSize = 0;
            for (SiteLayout.Value value : site.stack) {
                siteSize += value.size();
            }
            size = Math.max(size, siteSize);
        }
        return size;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Saving: store the operand stack in temporaries, then everything into the frame, then return a dummy
    // -----------------------------------------------------------------------------------------------------------

    private void emitSave(InsnList out, SiteLayout site, boolean reentry) {
        line(out, site);
        int returnSize = Type.getReturnType(site.call.desc).getSize();
        if (returnSize == 2) {
            out.add(new InsnNode(POP2));
        } else if (returnSize == 1) {
            out.add(new InsnNode(POP));
        }
        int[] temps = stackTemps(site);
        for (int i = site.stack.size() - 1; i >= 0; i--) {
            SiteLayout.Value value = site.stack.get(i);
            if (value.kind() == SiteLayout.Kind.NULL) {
                out.add(new InsnNode(POP));
            } else {
                out.add(new VarInsnNode(Type.getType(FrameSlots.descriptorOf(value)).getOpcode(ISTORE), temps[i]));
            }
        }
        boolean dispatched = isDispatched(site.call);
        if (dispatched) {
            out.add(new VarInsnNode(ALOAD, receiverLocal));
        }
        if (reentry) {
            out.add(new VarInsnNode(ALOAD, frameLocal));
        }
        out.add(new LdcInsnNode(siteConstant(site)));
        out.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, reentry ? "resave" : "save",
                "(" + (dispatched ? "Ljava/lang/Object;" : "") + (reentry ? RuntimeNames.FRAME_DESC : "")
                        + RuntimeNames.SITE_DESC + ")" + RuntimeNames.FRAME_DESC));
        for (SiteLayout.Value value : site.locals) {
            FrameSlots.storeInFrame(out, value, value.local());
        }
        for (int i = 0; i < site.stack.size(); i++) {
            FrameSlots.storeInFrame(out, site.stack.get(i), temps[i]);
        }
        out.add(new InsnNode(POP));
        Type returnType = Type.getReturnType(reentry ? copyDescriptor() : method.desc);
        out.add(FrameSlots.dummy(returnType));
        out.add(new InsnNode(returnType.getOpcode(IRETURN)));
    }

    private int[] stackTemps(SiteLayout site) {
        int[] temps = new int[site.stack.size()];
        int local = firstTemp;
        for (int i = 0; i < temps.length; i++) {
            temps[i] = local;
            local += site.stack.get(i).size();
        }
        return temps;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Re-entering: jump to the site, restore, evaluate the call inside its handlers, carry on
    // -----------------------------------------------------------------------------------------------------------

    private void emitPrologue(InsnList out, LabelNode[] entries) {
        LabelNode unknown = new LabelNode();
        out.add(new VarInsnNode(ALOAD, 0));
        out.add(new VarInsnNode(ASTORE, frameLocal));
        out.add(new VarInsnNode(ALOAD, frameLocal));
        out.add(new FieldInsnNode(GETFIELD, RuntimeNames.FRAME, "site", RuntimeNames.SITE_DESC));
        out.add(new MethodInsnNode(INVOKEVIRTUAL, RuntimeNames.SITE, "index", "()I"));
        out.add(new TableSwitchInsnNode(0, entries.length - 1, unknown, entries));
        out.add(unknown);
        out.add(new VarInsnNode(ALOAD, frameLocal));
        out.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, "badSite",
                "(" + RuntimeNames.FRAME_DESC + ")Ljava/lang/IllegalStateException;"));
        out.add(new InsnNode(ATHROW));
    }

    private void emitRestore(InsnList out, SiteLayout site, LabelNode resumed, Map<LabelNode, LabelNode> labels,
            List<TryCatchBlockNode> extraHandlers) {
        line(out, site);
        for (SiteLayout.Value value : site.locals) {
            FrameSlots.loadFromFrame(out, value, frameLocal);
            out.add(new VarInsnNode(Type.getType(FrameSlots.descriptorOf(value)).getOpcode(ISTORE), value.local()));
        }
        for (SiteLayout.Value value : site.stack) {
            FrameSlots.loadFromFrame(out, value, frameLocal);
        }
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        out.add(start);
        out.add(new VarInsnNode(ALOAD, frameLocal));
        out.add(new MethodInsnNode(INVOKEVIRTUAL, RuntimeNames.FRAME, "resumeValue", "()Ljava/lang/Object;"));
        out.add(end);
        coverLikeCall(site.call, start, end, labels, extraHandlers);
        FrameSlots.unbox(out, Type.getReturnType(site.call.desc));
        out.add(new JumpInsnNode(GOTO, resumed));
    }

    /**
     * Adds exception table entries so that code moved out of line for a call is covered by the same handlers, in
     * the same order, as the call itself: an exception thrown there is caught exactly where the call's would be.
     */
    private void coverLikeCall(AbstractInsnNode call, LabelNode start, LabelNode end, Map<LabelNode, LabelNode> labels,
            List<TryCatchBlockNode> extraHandlers) {
        int at = method.instructions.indexOf(call);
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            if (method.instructions.indexOf(block.start) <= at && at < method.instructions.indexOf(block.end)) {
                extraHandlers.add(new TryCatchBlockNode(start, end, labels.get(block.handler), block.type));
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Constants
    // -----------------------------------------------------------------------------------------------------------

    /**
     * The site's description. Below every site but a yield, the runtime checks that the frame saved is the one the
     * call entered: a frame that was not instrumented would otherwise drop out of the chain unnoticed. Below a
     * static or special call, that is the called method; below a dispatched one, a method of the receiver kept for
     * the check, or a method a lambda proxy of the receiver's class enters for the called interface method.
     */
    private ConstantDynamic siteConstant(SiteLayout site) {
        boolean check = !Calls.isYield(site.call);
        int calleeKind = !check ? RuntimeNames.CALLEE_UNCHECKED
                : site.call.getOpcode() == INVOKEINTERFACE ? RuntimeNames.CALLEE_THROUGH_INTERFACE
                : site.call.getOpcode() == INVOKEVIRTUAL ? RuntimeNames.CALLEE_VIRTUAL
                : RuntimeNames.CALLEE_DIRECT;
        Handle bootstrap = new Handle(H_INVOKESTATIC, RuntimeNames.SITE, "bootstrap",
                RuntimeNames.SITE_BOOTSTRAP_DESC, false);
        return new ConstantDynamic("site" + site.index, RuntimeNames.SITE_DESC, bootstrap, method.name, method.desc,
                file, methodId, refSlots, primSlots, site.index, site.line, thisSlot(site),
                check ? site.call.owner : "", check ? site.call.name : "", check ? site.call.desc : "", calleeKind,
                entered);
    }

    /** Where a site saves {@code this}: the reference slot of local 0 in an instance method, or -1. */
    private int thisSlot(SiteLayout site) {
        if ((method.access & ACC_STATIC) != 0) {
            return -1;
        }
        for (SiteLayout.Value value : site.locals) {
            if (value.local() == 0 && value.kind() == SiteLayout.Kind.REF) {
                return value.slot();
            }
        }
        return -1;
    }

    private static void line(InsnList out, SiteLayout site) {
        if (site.line >= 0) {
            LabelNode here = new LabelNode();
            out.add(here);
            out.add(new LineNumberNode(site.line, here));
        }
    }
}
