package dev.tinyio.instrument.internal;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the analysis of which methods suspend needs of one class file: its header, and for each method its
 * {@code @Suspendable} mark, its calls and the lambdas and method references it creates. Read with one pass of a
 * visitor, without building the class's tree.
 */
final class ClassFacts {
    /** The lambda metafactory's class: only its call sites make lambdas the analysis follows. */
    static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    /**
     * One call instruction.
     *
     * @param opcode {@code INVOKESTATIC}, {@code INVOKESPECIAL}, {@code INVOKEVIRTUAL} or {@code INVOKEINTERFACE}
     * @param owner the class the call names
     * @param name the method's name
     * @param desc the method's descriptor
     */
    record Call(int opcode, String owner, String name, String desc) {
    }

    /**
     * A lambda or method reference: an object of a functional interface whose method calls {@link #target}.
     *
     * @param interfaces the functional interface and any marker interfaces the object also has
     * @param samName the name of the functional interface's method
     * @param samDescs the erased descriptors the object implements that method with (more than one with bridges)
     * @param target the call the object's method makes: the lambda's body, or the referenced method
     */
    record Lambda(List<String> interfaces, String samName, List<String> samDescs, Call target) {
    }

    /**
     * One method.
     *
     * @param name its name
     * @param desc its descriptor
     * @param access its access flags
     * @param annotated whether it carries {@code @Suspendable}
     * @param calls the calls it makes, in order
     * @param lambdas the lambdas and method references it creates
     */
    record Method(String name, String desc, int access, boolean annotated, List<Call> calls, List<Lambda> lambdas) {
    }

    /** The class's internal name. */
    final String name;
    /** Its superclass, or {@code null} for {@code Object} and modules. */
    final String superName;
    /** Its direct interfaces. */
    final List<String> interfaces;
    /** Its access flags. */
    final int access;
    /** Its methods. */
    final List<Method> methods = new ArrayList<>();
    /** The methods an earlier instrumentation rewrote, as its marker lists them; {@code null} if not marked. */
    List<String> instrumented;

    private ClassFacts(String name, String superName, List<String> interfaces, int access) {
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces;
        this.access = access;
    }

    /** Whether the class is an interface. */
    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    /**
     * Reads the facts of a class file.
     *
     * @param classFile the class file
     * @return its facts
     */
    static ClassFacts read(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassFacts facts = new ClassFacts(reader.getClassName(), reader.getSuperName(),
                List.of(reader.getInterfaces()), reader.getAccess());
        reader.accept(facts.new Reader(), ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        return facts;
    }

    /** The header these facts hold, for the class hierarchy. */
    ClassHeaders.Header header() {
        return new ClassHeaders.Header(name, superName, interfaces, isInterface());
    }

    private final class Reader extends ClassVisitor {
        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (!descriptor.equals(RuntimeNames.INSTRUMENTED_DESC)) {
                return null;
            }
            instrumented = new ArrayList<>();
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitArray(String name) {
                    // The methods the marker lists; its other elements, such as the contract version, are not.
                    return !name.equals("value") ? null : new AnnotationVisitor(Opcodes.ASM9) {
                        @Override
                        public void visit(String element, Object value) {
                            instrumented.add((String) value);
                        }
                    };
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            List<Call> calls = new ArrayList<>();
            List<Lambda> lambdas = new ArrayList<>();
            boolean[] annotated = {false};
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    annotated[0] |= annotation.equals(RuntimeNames.SUSPENDABLE_DESC);
                    return null;
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String callee, String desc, boolean itf) {
                    calls.add(new Call(opcode, owner, callee, desc));
                }

                @Override
                public void visitInvokeDynamicInsn(String samName, String desc, Handle bootstrap,
                        Object... arguments) {
                    Lambda lambda = lambdaOf(samName, desc, bootstrap, arguments);
                    if (lambda != null) {
                        lambdas.add(lambda);
                    }
                }

                @Override
                public void visitEnd() {
                    methods.add(new Method(name, descriptor, access, annotated[0], List.copyOf(calls),
                            List.copyOf(lambdas)));
                }
            };
        }
    }

    /**
     * The lambda an {@code invokedynamic} makes, if it is the lambda metafactory's; its arguments are the
     * erased method type, the implementation, the instantiated type, and for the alternate metafactory flags
     * followed by marker interfaces and bridge method types.
     *
     * @return the lambda, or {@code null} for any other dynamic call site
     */
    static Lambda lambdaOf(String samName, String desc, Handle bootstrap, Object[] arguments) {
        if (!bootstrap.getOwner().equals(METAFACTORY) || arguments.length < 3
                || !(arguments[0] instanceof Type erased) || !(arguments[1] instanceof Handle implementation)) {
            return null;
        }
        List<String> interfaces = new ArrayList<>(List.of(Type.getReturnType(desc).getInternalName()));
        List<String> samDescs = new ArrayList<>(List.of(erased.getDescriptor()));
        if (bootstrap.getName().equals("altMetafactory") && arguments.length > 3
                && arguments[3] instanceof Integer flags) {
            int next = 4;
            if ((flags & 2) != 0) {
                // FLAG_MARKERS: a count, then the marker interfaces.
                int markers = (Integer) arguments[next++];
                for (int i = 0; i < markers; i++) {
                    interfaces.add(((Type) arguments[next++]).getInternalName());
                }
            }
            if ((flags & 4) != 0) {
                // FLAG_BRIDGES: a count, then the bridged method types.
                int bridges = (Integer) arguments[next++];
                for (int i = 0; i < bridges; i++) {
                    samDescs.add(((Type) arguments[next++]).getDescriptor());
                }
            }
        }
        return new Lambda(List.copyOf(interfaces), samName, List.copyOf(samDescs), callOf(implementation));
    }

    /** The call a method handle stands for: a constructor reference calls the constructor. */
    static Call callOf(Handle handle) {
        int opcode = switch (handle.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            default -> Opcodes.INVOKESPECIAL;
        };
        return new Call(opcode, handle.getOwner(), handle.getName(), handle.getDesc());
    }
}
