package dev.tinyio.instrument.internal;

import dev.tinyio.instrument.ClassSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Calls whose callee no analysis can see, because the code it reaches is written later by someone else: a method
 * marked {@code @Suspendable} treats them as suspension sites, which is what the mark promises its callers. They
 * are the calls through interfaces and classes outside the platform, and through the platform's functional
 * interfaces ({@code Supplier.get}, {@code Function.apply}, {@code Callable.call}, ...).
 */
final class OpenCalls {
    /** The public methods of {@code Object}, which an interface may redeclare without them counting as its own. */
    private static final Set<String> OBJECT_METHODS = Set.of("equals(Ljava/lang/Object;)Z", "hashCode()I",
            "toString()Ljava/lang/String;");

    private final ClassSource classes;
    /** Whether each platform interface asked about has exactly one abstract method. */
    private final Map<String, Boolean> functional = new ConcurrentHashMap<>();

    OpenCalls(ClassSource classes) {
        this.classes = classes;
    }

    /**
     * Whether a call may reach code that the analysis of this class cannot see.
     *
     * @param call the call
     * @return true for calls through non-platform types and platform functional interfaces
     */
    boolean isOpen(MethodInsnNode call) {
        return switch (call.getOpcode()) {
            case Opcodes.INVOKEINTERFACE -> !Packages.isPlatform(call.owner) || isFunctional(call.owner);
            case Opcodes.INVOKEVIRTUAL -> !Packages.isPlatform(call.owner) && !call.owner.startsWith("[");
            default -> false;
        };
    }

    /**
     * Whether a call goes through reflection or a method handle, which a suspension cannot pass.
     *
     * @param call the call
     * @return true for {@code Method.invoke}, {@code Constructor.newInstance} and method handle invocations
     */
    static boolean isReflective(MethodInsnNode call) {
        return switch (call.owner) {
            case "java/lang/reflect/Method" -> call.name.equals("invoke");
            case "java/lang/reflect/Constructor" -> call.name.equals("newInstance");
            case "java/lang/invoke/MethodHandle" -> call.name.startsWith("invoke");
            default -> false;
        };
    }

    private boolean isFunctional(String itf) {
        return functional.computeIfAbsent(itf, name -> abstractMethods(name).size() == 1);
    }

    /** The abstract methods an interface has, inherited ones included, less those a default method provides. */
    private Set<String> abstractMethods(String itf) {
        byte[] bytes = classes.bytesOf(itf);
        if (bytes == null) {
            return Set.of();
        }
        ClassReader reader = new ClassReader(bytes);
        Set<String> inherited = new HashSet<>();
        for (String superInterface : reader.getInterfaces()) {
            inherited.addAll(abstractMethods(superInterface));
        }
        Set<String> own = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                String key = method + descriptor;
                if ((access & Opcodes.ACC_ABSTRACT) != 0 && !OBJECT_METHODS.contains(key)) {
                    own.add(key);
                } else if ((access & Opcodes.ACC_STATIC) == 0) {
                    inherited.remove(key);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        inherited.addAll(own);
        return inherited;
    }
}
