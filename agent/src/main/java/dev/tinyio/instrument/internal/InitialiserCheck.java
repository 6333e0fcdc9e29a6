package dev.tinyio.instrument.internal;

import java.util.Collection;
import java.util.OptionalLong;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Puts the check of the contract version first in the static initialiser of a class being written: prepended to the
 * initialiser it has, or in one made for it. A runtime that implements another version than the class was
 * instrumented for then refuses the class at its first use, with both versions and the fix, before any of its calls
 * into the runtime could meet a member that no longer exists. The check's name and descriptor never change.
 *
 * <p>Only a class whose written methods refer to the frame store gets the check ({@link #needed}): one whose
 * coroutines were only named calls nothing but the public API, which any runtime of this major version has.
 *
 * <p>A class given an initialiser it did not have may also need its {@code serialVersionUID} pinned
 * ({@link SerialVersion}); that field is added with it.
 */
final class InitialiserCheck extends ClassVisitor {
    /** The name of a static initialiser. */
    private static final String INITIALISER = "<clinit>";
    /** The operand stack the check needs: the version and the class. */
    private static final int CHECK_STACK = 2;
    /** The name of the field serialization reads a class's version from. */
    private static final String SERIAL_VERSION = "serialVersionUID";

    /** The class, as an internal name. */
    private final String owner;
    /** The {@code serialVersionUID} to declare if the class gets an initialiser it did not have. */
    private final OptionalLong serialVersion;
    /** Whether the class has a static initialiser of its own. */
    private boolean initialised;

    /**
     * Checks the contract version of a class written to the next visitor.
     *
     * @param next where the class goes
     * @param owner the class's internal name
     * @param serialVersion the {@code serialVersionUID} to declare if the class has no static initialiser
     */
    InitialiserCheck(ClassVisitor next, String owner, OptionalLong serialVersion) {
        super(Opcodes.ASM9, next);
        this.owner = owner;
        this.serialVersion = serialVersion;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (!name.equals(INITIALISER) || method == null) {
            return method;
        }
        initialised = true;
        return new MethodVisitor(Opcodes.ASM9, method) {
            @Override
            public void visitCode() {
                super.visitCode();
                // The check leaves the stack empty and branches nowhere: the frames of the code after it stand.
                check(mv);
            }

            @Override
            public void visitMaxs(int maxStack, int maxLocals) {
                super.visitMaxs(Math.max(maxStack, CHECK_STACK), maxLocals);
            }
        };
    }

    @Override
    public void visitEnd() {
        if (!initialised) {
            MethodVisitor method = super.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, INITIALISER, "()V",
                    null, null);
            method.visitCode();
            check(method);
            method.visitInsn(Opcodes.RETURN);
            method.visitMaxs(CHECK_STACK, 0);
            method.visitEnd();
            serialVersion.ifPresent(value -> super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC
                    | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, SERIAL_VERSION, "J", null, value).visitEnd());
        }
        super.visitEnd();
    }

    /**
     * Whether a class needs the check: whether any of the methods written anew for it refers to the frame store.
     *
     * @param written the methods rewritten or added
     * @return true if one of them names a class of the frame store
     */
    static boolean needed(Collection<MethodNode> written) {
        for (MethodNode method : written) {
            if (method.desc.contains(RuntimeNames.FRAME_STORE)) {
                return true;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (refersToFrameStore(insn)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean refersToFrameStore(AbstractInsnNode insn) {
        String name;
        if (insn instanceof MethodInsnNode call) {
            name = call.owner + call.desc;
        } else if (insn instanceof FieldInsnNode field) {
            name = field.owner + field.desc;
        } else if (insn instanceof TypeInsnNode type) {
            name = type.desc;
        } else if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof ConstantDynamic constant) {
            name = constant.getBootstrapMethod().getOwner() + constant.getDescriptor();
        } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
            Handle bootstrap = dynamic.bsm;
            name = bootstrap.getOwner() + dynamic.desc;
        } else {
            return false;
        }
        return name.contains(RuntimeNames.FRAME_STORE);
    }

    /** Emits the call of the check with the version this instrumenter emits and the class. */
    private void check(MethodVisitor method) {
        pushInt(method, RuntimeNames.CONTRACT_VERSION);
        method.visitLdcInsn(Type.getObjectType(owner));
        method.visitMethodInsn(Opcodes.INVOKESTATIC, RuntimeNames.CONTRACT, RuntimeNames.CHECK,
                RuntimeNames.CHECK_DESC, false);
    }

    /** Pushes an int constant in the shortest form. */
    private static void pushInt(MethodVisitor method, int value) {
        if (value >= -1 && value <= 5) {
            method.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            method.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            method.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            method.visitLdcInsn(value);
        }
    }
}
