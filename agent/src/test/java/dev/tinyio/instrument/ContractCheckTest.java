package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.internal.Contract;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import samples.Helpers;
import samples.Monitors;

/**
 * Every class the instrumenter rewrites records the contract version in its marker and checks it first thing in its
 * static initialiser, so that a runtime of another version refuses it at its first use, with both versions and the
 * fix, and never with a {@link NoSuchMethodError} on a member it no longer has.
 */
class ContractCheckTest {
    private final Instrumenter instrumenter = new Instrumenter(ClassSource.of(getClass().getClassLoader()));

    @Test
    void the_check_comes_first_in_a_static_initialiser_made_for_the_class_and_in_its_own() {
        // Helpers has no static initialiser of its own; Monitors has one, which the check is put in front of.
        for (Class<?> sample : List.of(Helpers.class, Monitors.class)) {
            ClassNode node = instrumented(sample);
            List<AbstractInsnNode> code = instructions(initialiser(node));
            assertEquals(Opcodes.ICONST_0 + Contract.VERSION, code.get(0).getOpcode(), sample.getName());
            assertEquals(Type.getType(sample), ((LdcInsnNode) code.get(1)).cst, sample.getName());
            MethodInsnNode check = (MethodInsnNode) code.get(2);
            assertEquals(Type.getInternalName(Contract.class) + "." + Contract.CHECK + Contract.CHECK_DESCRIPTOR,
                    check.owner + "." + check.name + check.desc, sample.getName());
            assertEquals(Contract.VERSION, contractOf(marker(node)), sample.getName());
        }
        assertEquals(Opcodes.RETURN, instructions(initialiser(instrumented(Helpers.class))).get(3).getOpcode());
    }

    @Test
    void the_version_a_class_file_records_is_read_back() {
        byte[] bytes = instrumenter.instrument(InstrumentingLoader.original(Helpers.class.getName()));
        assertEquals(Contract.VERSION, ContractVersion.of(bytes).getAsInt());
        assertFalse(ContractVersion.of(InstrumentingLoader.original(Helpers.class.getName())).isPresent());
    }

    @Test
    void a_class_instrumented_for_another_version_is_refused_at_its_first_use_with_both_versions_and_the_fix()
            throws Exception {
        // As another version would have made it: a version of its own, and a runtime member renamed.
        int other = Contract.VERSION + 1;
        ClassNode node = instrumented(Helpers.class);
        initialiser(node).instructions.set(instructions(initialiser(node)).get(0), new InsnNode(Opcodes.ICONST_0
                + other));
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && call.owner.equals(Contract.SUSPENSION)
                        && call.name.equals("yield")) {
                    call.name = "yieldOfAnotherVersion";
                }
            }
        }
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        byte[] bytes = writer.toByteArray();
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(Helpers.class.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
                }
            }
        };
        Method run = loader.loadClass(Helpers.class.getName()).getMethod("run");
        IncompatibleClassChangeError refused = assertThrows(IncompatibleClassChangeError.class, () -> run.invoke(null));
        // Exactly this class: a NoSuchMethodError is an IncompatibleClassChangeError too.
        assertEquals(IncompatibleClassChangeError.class, refused.getClass());
        String runtime = Contract.class.getPackage().getImplementationVersion();
        assertEquals("samples.Helpers was instrumented for version " + other + " of the contract between "
                + "instrumented code and tinyio's runtime, but this runtime" + (runtime == null ? ""
                : " (tinyio-runtime " + runtime + ")") + " implements version " + Contract.VERSION + ". Instrument "
                + "the class again with the runtime's version: build its module again with " + (runtime == null
                ? "tinyio-maven-plugin of the runtime's version" : "tinyio-maven-plugin " + runtime) + " (mvn clean "
                + "verify), or, if the agent instruments it, run the agent of that version.", refused.getMessage());
    }

    private ClassNode instrumented(Class<?> sample) {
        byte[] bytes = instrumenter.instrument(InstrumentingLoader.original(sample.getName()));
        assertNotNull(bytes, sample.getName());
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static MethodNode initialiser(ClassNode node) {
        return node.methods.stream().filter(method -> method.name.equals("<clinit>")).findFirst().orElseThrow();
    }

    /** A method's instructions, without labels, line numbers and frames. */
    private static List<AbstractInsnNode> instructions(MethodNode method) {
        List<AbstractInsnNode> code = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() >= 0) {
                code.add(insn);
            }
        }
        return code;
    }

    private static AnnotationNode marker(ClassNode node) {
        return node.visibleAnnotations.stream().filter(a -> a.desc.equals(Contract.INSTRUMENTED_DESCRIPTOR))
                .findFirst().orElseThrow();
    }

    private static Object contractOf(AnnotationNode marker) {
        return marker.values.get(marker.values.indexOf("contract") + 1);
    }
}
