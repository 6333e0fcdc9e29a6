package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The synthetic method through which the runtime re-enters any saved frame of a class: it switches on the frame's
 * method and calls that method's re-entry copy, boxing what it returns.
 */
final class Dispatcher {
    private Dispatcher() {
    }

    /**
     * Builds the dispatch method.
     *
     * @param owner the class's internal name
     * @param isInterface whether the class is an interface
     * @param copies the re-entry copies, indexed by method id
     * @return the method to add to the class
     */
    static MethodNode build(String owner, boolean isInterface, List<MethodNode> copies) {
        MethodNode dispatch = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, RuntimeNames.DISPATCH_NAME,
                RuntimeNames.DISPATCH_DESC, null, null);
        InsnList code = dispatch.instructions;
        LabelNode unknown = new LabelNode();
        LabelNode[] cases = new LabelNode[copies.size()];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = new LabelNode();
        }
        code.add(new VarInsnNode(ALOAD, 0));
        code.add(new FieldInsnNode(GETFIELD, RuntimeNames.FRAME, "site",
                RuntimeNames.SITE_DESC));
        code.add(new MethodInsnNode(INVOKEVIRTUAL, RuntimeNames.SITE, "method", "()L" + RuntimeNames.METHOD_INFO + ";"));
        code.add(new MethodInsnNode(INVOKEVIRTUAL, RuntimeNames.METHOD_INFO, "id", "()I"));
        code.add(new TableSwitchInsnNode(0, cases.length - 1, unknown, cases));
        for (int i = 0; i < cases.length; i++) {
            MethodNode copy = copies.get(i);
            code.add(cases[i]);
            code.add(new VarInsnNode(ALOAD, 0));
            Type[] parameters = Type.getArgumentTypes(copy.desc);
            for (int p = 1; p < parameters.length; p++) {
                code.add(zero(parameters[p]));
            }
            code.add(new MethodInsnNode(INVOKESTATIC, owner, copy.name, copy.desc, isInterface));
            box(code, Type.getReturnType(copy.desc));
            code.add(new InsnNode(ARETURN));
        }
        code.add(unknown);
        code.add(new VarInsnNode(ALOAD, 0));
        code.add(new MethodInsnNode(INVOKESTATIC, RuntimeNames.SUSPENSION, "badSite",
                "(" + RuntimeNames.FRAME_DESC + ")Ljava/lang/IllegalStateException;"));
        code.add(new InsnNode(ATHROW));
        return dispatch;
    }

    private static InsnNode zero(Type type) {
        return switch (type.getSort()) {
            case Type.LONG -> new InsnNode(LCONST_0);
            case Type.FLOAT -> new InsnNode(FCONST_0);
            case Type.DOUBLE -> new InsnNode(DCONST_0);
            case Type.OBJECT, Type.ARRAY -> new InsnNode(ACONST_NULL);
            default -> new InsnNode(ICONST_0);
        };
    }

    private static void box(InsnList code, Type type) {
        switch (type.getSort()) {
            case Type.VOID -> code.add(new InsnNode(ACONST_NULL));
            case Type.OBJECT, Type.ARRAY -> {
            }
            default -> {
                String boxed = switch (type.getSort()) {
                    case Type.BOOLEAN -> "java/lang/Boolean";
                    case Type.CHAR -> "java/lang/Character";
                    case Type.BYTE -> "java/lang/Byte";
                    case Type.SHORT -> "java/lang/Short";
                    case Type.INT -> "java/lang/Integer";
                    case Type.FLOAT -> "java/lang/Float";
                    case Type.LONG -> "java/lang/Long";
                    default -> "java/lang/Double";
                };
                code.add(new MethodInsnNode(INVOKESTATIC, boxed, "valueOf",
                        "(" + type.getDescriptor() + ")L" + boxed + ";"));
            }
        }
    }
}
