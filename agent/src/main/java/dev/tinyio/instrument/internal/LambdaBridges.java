package dev.tinyio.instrument.internal;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Points method references at methods of the class that makes them. A lambda's proxy calls a method of its own
 * class, which the instrumenter rewrites, but a method reference's proxy calls the referenced method directly,
 * which may be in another class, may be chosen by virtual dispatch, or may be a constructor. Each such reference
 * gets a bridge: a private static method of this class that makes the call, and that the proxy calls instead. So
 * every frame a proxy enters is one this class knows, and the runtime can check that the outermost frame of a
 * suspended coroutine is its body, not a method the body called after a frame that was not instrumented dropped
 * out of the chain.
 */
final class LambdaBridges {
    /** The alternate metafactory's flag for a serializable lambda, which must keep its implementation method. */
    private static final int FLAG_SERIALIZABLE = 1;

    private LambdaBridges() {
    }

    /**
     * Bridges the method references of a class: every one made into a coroutine body, and others whose
     * referenced method may suspend. Serializable ones are left as they are: deserialising checks the referenced
     * method's name.
     *
     * @param node the class; its methods' {@code invokedynamic} instructions are changed in place
     * @param suspends which calls may suspend
     * @param headers the hierarchy, which tells the interfaces that extend a coroutine body's
     * @return the bridges, to add to the class, and the methods whose instructions changed
     */
    static Result bridge(ClassNode node, Predicate<MethodInsnNode> suspends, ClassHeaders headers) {
        Map<String, MethodNode> bridges = new LinkedHashMap<>();
        List<MethodNode> changed = new ArrayList<>();
        for (MethodNode method : node.methods) {
            boolean changedHere = false;
            int line = -1;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof LineNumberNode number) {
                    line = number.line;
                }
                if (insn instanceof InvokeDynamicInsnNode indy && needsBridge(node, indy, suspends, headers)) {
                    Handle target = (Handle) indy.bsmArgs[1];
                    Type[] captured = Type.getArgumentTypes(indy.desc);
                    String key = target.getTag() + " " + target.getOwner() + "." + target.getName() + target.getDesc()
                            + " " + Type.getMethodDescriptor(Type.VOID_TYPE, captured);
                    MethodNode bridge = bridges.computeIfAbsent(key,
                            k -> bridgeTo(node, target, captured, bridges.size()));
                    if (line >= 0 && bridge.instructions.getFirst() instanceof LabelNode start
                            && !(start.getNext() instanceof LineNumberNode)) {
                        bridge.instructions.insert(start, new LineNumberNode(line, start));
                    }
                    indy.bsmArgs = indy.bsmArgs.clone();
                    indy.bsmArgs[1] = new Handle(H_INVOKESTATIC, node.name, bridge.name, bridge.desc,
                            (node.access & ACC_INTERFACE) != 0);
                    changedHere = true;
                }
            }
            if (changedHere) {
                changed.add(method);
            }
        }
        return new Result(List.copyOf(bridges.values()), changed);
    }

    /**
     * What bridging did.
     *
     * @param bridges the bridge methods to add
     * @param changed the methods whose method references now point at bridges
     */
    record Result(List<MethodNode> bridges, List<MethodNode> changed) {
    }

    private static boolean needsBridge(ClassNode node, InvokeDynamicInsnNode indy, Predicate<MethodInsnNode> suspends,
            ClassHeaders headers) {
        ClassFacts.Lambda lambda = ClassFacts.lambdaOf(indy.name, indy.desc, indy.bsm, indy.bsmArgs);
        if (lambda == null || isSerializable(indy) || isOwn(node, (Handle) indy.bsmArgs[1])) {
            return false;
        }
        Handle target = (Handle) indy.bsmArgs[1];
        if (target.getTag() == H_INVOKESPECIAL) {
            // javac makes a lambda method of its own for super::m; any other special handle is left as it is.
            return false;
        }
        if (headers.bodyType(lambda.interfaces().get(0)) != null) {
            return true;
        }
        ClassFacts.Call call = lambda.target();
        return !call.name().startsWith("<") && suspends.test(new MethodInsnNode(call.opcode(), call.owner(),
                call.name(), call.desc(), target.isInterface()));
    }

    /** A method of the class itself that no override can replace: its proxy's frame is the method's own. */
    private static boolean isOwn(ClassNode node, Handle target) {
        if (!target.getOwner().equals(node.name)) {
            return false;
        }
        for (MethodNode method : node.methods) {
            if (method.name.equals(target.getName()) && method.desc.equals(target.getDesc())) {
                return (method.access & (ACC_STATIC | ACC_PRIVATE)) != 0;
            }
        }
        return false;
    }

    private static boolean isSerializable(InvokeDynamicInsnNode indy) {
        return indy.bsm.getName().equals("altMetafactory") && indy.bsmArgs.length > 3
                && indy.bsmArgs[3] instanceof Integer flags && (flags & FLAG_SERIALIZABLE) != 0;
    }

    /**
     * The bridge: the parameters of the handle's call (the receiver first), and the call. The lambda metafactory
     * wants the captured arguments' types exactly: a bound receiver may be of a subtype of the method's class.
     */
    private static MethodNode bridgeTo(ClassNode node, Handle target, Type[] captured, int index) {
        boolean constructor = target.getTag() == H_NEWINVOKESPECIAL;
        Type called = Type.getMethodType(target.getDesc());
        List<Type> parameters = new ArrayList<>();
        if (target.getTag() == H_INVOKEVIRTUAL || target.getTag() == H_INVOKEINTERFACE) {
            parameters.add(Type.getObjectType(target.getOwner()));
        }
        parameters.addAll(List.of(called.getArgumentTypes()));
        for (int i = 0; i < captured.length && i < parameters.size(); i++) {
            parameters.set(i, captured[i]);
        }
        Type returned = constructor ? Type.getObjectType(target.getOwner()) : called.getReturnType();
        String desc = Type.getMethodDescriptor(returned, parameters.toArray(new Type[0]));
        String name = "tinyio$ref$" + (constructor ? "new" : target.getName()) + "$" + index;
        MethodNode bridge = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, desc, null, null);
        bridge.instructions.add(new LabelNode());
        if (constructor) {
            bridge.instructions.add(new TypeInsnNode(NEW, target.getOwner()));
            bridge.instructions.add(new InsnNode(DUP));
        }
        int local = 0;
        for (Type parameter : parameters) {
            bridge.instructions.add(new VarInsnNode(parameter.getOpcode(ILOAD), local));
            local += parameter.getSize();
        }
        int opcode = switch (target.getTag()) {
            case H_INVOKESTATIC -> INVOKESTATIC;
            case H_INVOKEVIRTUAL -> INVOKEVIRTUAL;
            case H_INVOKEINTERFACE -> INVOKEINTERFACE;
            default -> INVOKESPECIAL;
        };
        bridge.instructions.add(new MethodInsnNode(opcode, target.getOwner(), target.getName(), target.getDesc(),
                target.isInterface()));
        bridge.instructions.add(new InsnNode(returned.getOpcode(IRETURN)));
        bridge.maxLocals = local;
        bridge.maxStack = local + 2 + returned.getSize();
        bridge.tryCatchBlocks = new ArrayList<>();
        return bridge;
    }
}
