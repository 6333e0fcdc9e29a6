package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The bytecode that moves values between a method's locals or operand stack and a saved frame's typed arrays:
 * references as they are, primitives widened to long (float and double by their raw bits), and back.
 */
final class FrameSlots {
    private FrameSlots() {
    }

    /**
     * Stores a value, with the frame on the operand stack (kept there), into its slot of the frame.
     *
     * @param out where the code goes
     * @param value what is stored, and where
     * @param local the local variable that holds it
     */
    static void storeInFrame(InsnList out, SiteLayout.Value value, int local) {
        if (value.kind() == SiteLayout.Kind.NULL) {
            return;
        }
        out.add(new InsnNode(DUP));
        boolean reference = value.kind() == SiteLayout.Kind.REF;
        out.add(new FieldInsnNode(GETFIELD, RuntimeNames.FRAME, reference ? "refs" : "prims",
                reference ? "[Ljava/lang/Object;" : "[J"));
        out.add(intConstant(value.slot()));
        switch (value.kind()) {
            case REF -> out.add(new VarInsnNode(ALOAD, local));
            case INT -> {
                out.add(new VarInsnNode(ILOAD, local));
                out.add(new InsnNode(I2L));
            }
            case FLOAT -> {
                out.add(new VarInsnNode(FLOAD, local));
                out.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I"));
                out.add(new InsnNode(I2L));
            }
            case LONG -> out.add(new VarInsnNode(LLOAD, local));
            case DOUBLE -> {
                out.add(new VarInsnNode(DLOAD, local));
                out.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J"));
            }
            default -> throw new IllegalStateException(value.toString());
        }
        out.add(new InsnNode(reference ? AASTORE : LASTORE));
    }

    /**
     * Pushes a value back from its slot of the frame, cast to its type.
     *
     * @param out where the code goes
     * @param value what is loaded, and from where
     * @param frameLocal the local variable that holds the frame
     */
    static void loadFromFrame(InsnList out, SiteLayout.Value value, int frameLocal) {
        if (value.kind() == SiteLayout.Kind.NULL) {
            out.add(new InsnNode(ACONST_NULL));
            return;
        }
        boolean reference = value.kind() == SiteLayout.Kind.REF;
        out.add(new VarInsnNode(ALOAD, frameLocal));
        out.add(new FieldInsnNode(GETFIELD, RuntimeNames.FRAME, reference ? "refs" : "prims",
                reference ? "[Ljava/lang/Object;" : "[J"));
        out.add(intConstant(value.slot()));
        out.add(new InsnNode(reference ? AALOAD : LALOAD));
        switch (value.kind()) {
            case REF -> {
                if (!value.type().equals("java/lang/Object")) {
                    out.add(new TypeInsnNode(CHECKCAST, value.type()));
                }
            }
            case INT -> out.add(new InsnNode(L2I));
            case FLOAT -> {
                out.add(new InsnNode(L2I));
                out.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F"));
            }
            case LONG -> {
            }
            case DOUBLE -> out.add(new MethodInsnNode(INVOKESTATIC, "java/lang/Double", "longBitsToDouble",
                    "(J)D"));
            default -> throw new IllegalStateException(value.toString());
        }
    }

    /** Converts the boxed resume value on the stack to what the suspended call returns. */
    static void unbox(InsnList out, Type type) {
        switch (type.getSort()) {
            case Type.VOID -> out.add(new InsnNode(POP));
            case Type.BOOLEAN -> {
                out.add(new TypeInsnNode(CHECKCAST, "java/lang/Boolean"));
                out.add(new MethodInsnNode(INVOKEVIRTUAL, "java/lang/Boolean", "booleanValue", "()Z"));
            }
            case Type.CHAR -> {
                out.add(new TypeInsnNode(CHECKCAST, "java/lang/Character"));
                out.add(new MethodInsnNode(INVOKEVIRTUAL, "java/lang/Character", "charValue", "()C"));
            }
            case Type.BYTE, Type.SHORT, Type.INT, Type.FLOAT, Type.LONG, Type.DOUBLE -> {
                out.add(new TypeInsnNode(CHECKCAST, "java/lang/Number"));
                out.add(new MethodInsnNode(INVOKEVIRTUAL, "java/lang/Number", type.getClassName() + "Value",
                        "()" + type.getDescriptor()));
            }
            case Type.ARRAY -> out.add(new TypeInsnNode(CHECKCAST, type.getDescriptor()));
            default -> {
                if (!type.getInternalName().equals("java/lang/Object")) {
                    out.add(new TypeInsnNode(CHECKCAST, type.getInternalName()));
                }
            }
        }
    }

    /** The descriptor a value is stored and loaded with in locals. */
    static String descriptorOf(SiteLayout.Value value) {
        return switch (value.kind()) {
            case INT -> "I";
            case FLOAT -> "F";
            case LONG -> "J";
            case DOUBLE -> "D";
            default -> "Ljava/lang/Object;";
        };
    }

    /** The zero value a method returns while it unwinds. */
    static AbstractInsnNode dummy(Type type) {
        return switch (type.getSort()) {
            case Type.VOID -> new InsnNode(NOP);
            case Type.LONG -> new InsnNode(LCONST_0);
            case Type.FLOAT -> new InsnNode(FCONST_0);
            case Type.DOUBLE -> new InsnNode(DCONST_0);
            case Type.OBJECT, Type.ARRAY -> new InsnNode(ACONST_NULL);
            default -> new InsnNode(ICONST_0);
        };
    }

    /** An int constant in the shortest form. */
    static AbstractInsnNode intConstant(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(ICONST_0 + value);
        }
        return new LdcInsnNode(value);
    }
}
