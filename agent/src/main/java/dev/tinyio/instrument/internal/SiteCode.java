package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The code at the suspension sites of one method: saving the frame and returning a dummy when a suspension is under
 * way and, in the re-entry copy, jumping to a site, restoring what it saved and evaluating the call to the value it
 * resumes with. What is moved on the way is kept in locals above the method's own: the frame, the operand stack's
 * values, and a dispatched call's receiver and arguments.
 */
final class SiteCode {
    /** The method, as it was before rewriting. */
    private final MethodNode method;
    /** The descriptor of the method's re-entry copy. */
    private final String copyDescriptor;
    /** The descriptions of the sites, which each save hands the runtime. */
    private final SiteConstants constants;
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

    /** The code of a method's sites, with its locals laid out above the method's own and its copy's parameters. */
    SiteCode(MethodNode method, String copyDescriptor, List<SiteLayout> sites, SiteConstants constants) {
        this.method = method;
        this.copyDescriptor = copyDescriptor;
        this.constants = constants;
        // The copy is static: the argument size counts an implicit receiver it does not have.
        int parameters = (Type.getArgumentsAndReturnSizes(copyDescriptor) >> 2) - 1;
        this.frameLocal = Math.max(method.maxLocals, parameters);
        this.firstTemp = frameLocal + 1;
        this.receiverLocal = firstTemp + stackTempSize(sites);
        this.firstArgumentTemp = receiverLocal + 1;
        int arguments = 0;
        for (SiteLayout site : sites) {
            if (Calls.isDispatched(site.call.getOpcode())) {
                arguments = Math.max(arguments, (Type.getArgumentsAndReturnSizes(site.call.desc) >> 2) - 1);
            }
        }
        this.argumentTempSize = arguments;
    }

    /** How many local slots the rewritten method and its copy use, with those of the sites. */
    int maxLocals() {
        return firstArgumentTemp + argumentTempSize;
    }

    /** The local slots the operand stack of the deepest site takes. */
    private static int stackTempSize(List<SiteLayout> sites) {
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

    /**
     * Before a dispatched call that may suspend: a copy of its receiver, so that the runtime can check that the
     * frame saved below is the receiver's own (or that of a lambda of the receiver's class), and no frame that was
     * not instrumented (a decorator, a proxy, a JDK combinator) dropped out of the chain between them. The arguments
     * above the receiver are set aside meanwhile; after the JIT, this is a few register moves.
     */
    void keepReceiver(InsnList body, MethodInsnNode call) {
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

    /** In the copy, makes a yield's runtime form take the frame as its last argument. */
    void passFrame(InsnList body, MethodInsnNode yield) {
        body.insertBefore(yield, new VarInsnNode(ALOAD, frameLocal));
        int end = yield.desc.indexOf(')');
        yield.desc = yield.desc.substring(0, end) + RuntimeNames.FRAME_DESC + yield.desc.substring(end);
    }

    /** Saves the frame at a site where a suspension is under way, and returns a dummy from the method or copy. */
    void emitSave(InsnList out, SiteLayout site, boolean reentry) {
        line(out, site);
        dropResult(out, site.call);
        int[] temps = stackTemps(site);
        stashStack(out, site, temps);
        callSave(out, site, reentry);
        for (SiteLayout.Value value : site.locals) {
            FrameSlots.storeInFrame(out, value, value.local());
        }
        for (int i = 0; i < site.stack.size(); i++) {
            FrameSlots.storeInFrame(out, site.stack.get(i), temps[i]);
        }
        out.add(new InsnNode(POP));
        Type returnType = Type.getReturnType(reentry ? copyDescriptor : method.desc);
        out.add(FrameSlots.dummy(returnType));
        out.add(new InsnNode(returnType.getOpcode(IRETURN)));
    }

    /** Drops the dummy that a call returned as it suspended. */
    private static void dropResult(InsnList out, MethodInsnNode call) {
        int returnSize = Type.getReturnType(call.desc).getSize();
        if (returnSize == 2) {
            out.add(new InsnNode(POP2));
        } else if (returnSize == 1) {
            out.add(new InsnNode(POP));
        }
    }

    /** Moves the operand stack below the call into temporaries, top first, so that it can be stored in the frame. */
    private static void stashStack(InsnList out, SiteLayout site, int[] temps) {
        for (int i = site.stack.size() - 1; i >= 0; i--) {
            SiteLayout.Value value = site.stack.get(i);
            if (value.kind() == SiteLayout.Kind.NULL) {
                out.add(new InsnNode(POP));
            } else {
                out.add(new VarInsnNode(Type.getType(FrameSlots.descriptorOf(value)).getOpcode(ISTORE), temps[i]));
            }
        }
    }

    /**
     * Asks the runtime for the frame to save into, which it leaves on the operand stack: a new one in the original,
     * the one re-entered in the copy; with the receiver kept at a dispatched site, for the runtime's check.
     */
    private void callSave(InsnList out, SiteLayout site, boolean reentry) {
        boolean dispatched = Calls.isDispatched(site.call.getOpcode());
        if (dispatched) {
            out.add(new VarInsnNode(ALOAD, receiverLocal));
        }
        if (reentry) {
            out.add(new VarInsnNode(ALOAD, frameLocal));
        }
        out.add(new LdcInsnNode(constants.of(site)));
        out.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, reentry ? "resave" : "save",
                "(" + (dispatched ? "Ljava/lang/Object;" : "") + (reentry ? RuntimeNames.FRAME_DESC : "")
                        + RuntimeNames.SITE_DESC + ")" + RuntimeNames.FRAME_DESC));
    }

    /** The temporaries a site's operand stack values are stored in, bottom first. */
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

    /** The copy's first code: the frame, from its first parameter, and a jump to the entry of the site it saved. */
    void emitPrologue(InsnList out, LabelNode[] entries) {
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

    /**
     * A site's entry in the copy: the locals and operand stack restored from the frame, and the value the call
     * resumes with (or its exception, thrown inside the call's handlers), then on at {@code resumed}.
     */
    void emitRestore(CodeCopy copy, SiteLayout site, LabelNode resumed) {
        InsnList out = copy.tail;
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
        copy.coverLikeCall(site.call, start, end);
        FrameSlots.unbox(out, Type.getReturnType(site.call.desc));
        if (Calls.isDispatched(site.call.getOpcode())) {
            // Saved again, this frame relinks the callee's frame it re-entered, whose receiver the frame holds.
            out.add(new InsnNode(ACONST_NULL));
            out.add(new VarInsnNode(ASTORE, receiverLocal));
        }
        out.add(new JumpInsnNode(GOTO, resumed));
    }

    /** Marks the code that follows with the site's source line, if it has one. */
    private static void line(InsnList out, SiteLayout site) {
        if (site.line >= 0) {
            LabelNode here = new LabelNode();
            out.add(here);
            out.add(new LineNumberNode(site.line, here));
        }
    }
}
