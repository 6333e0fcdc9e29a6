package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;
import samples.boundaries.Boundaries;

/**
 * The boundaries of users' code, analysed as one program: a class that never names the library, enum constant
 * bodies, anonymous classes, default methods, generic bridges, covariant overrides, retrying helpers taking a
 * {@code Supplier}, and method references to static, virtual, constructor and other classes' methods, each loaded
 * for real through the verifying loader.
 */
class BoundaryShapesTest {
    private static final String PLAIN = "samples/boundaries/Plain";

    @Test
    void every_shape_suspends_where_it_should_and_gives_what_plain_java_gives() throws Exception {
        Object log = new InstrumentingLoader().sample(Boundaries.class).getMethod("run").invoke(null);
        assertEquals("plain=4/2 enum=8/2 anonymous=10/2 bridge=3/2 covariant=gift1/1 retry=8/1 supplier=4/1 "
                + "staticRef=11/1 constructorRef=7/1 virtualRef=7/1 foreignRef=n0/2 ", log);
    }

    @Test
    void a_class_that_never_names_the_library_is_analysed_with_the_program() {
        Instrumenter instrumenter = programOfSamples();
        assertTrue(instrumenter.suspendableMethods(original(PLAIN)).containsAll(List.of("twoPauses(I)I",
                "retry(ILjava/util/function/Supplier;)Ljava/lang/Object;", "plusOne(Ljava/util/function/IntSupplier;)I",
                "retryNothing()Ljava/lang/String;")));
        assertTrue(instrumenter.suspendableMethods(original(PLAIN + "$Kind$1")).contains("area()I"));
        assertTrue(instrumenter.suspendableMethods(original(PLAIN + "$Shape")).contains("twice()I"));
        assertTrue(instrumenter.suspendableMethods(original(PLAIN + "$Counter")).contains("next()Ljava/lang/Object;"),
                "the generic bridge suspends through the method it calls");
        assertFalse(instrumenter.suspendableMethods(original(PLAIN + "$Kind$2")).contains("area()I"));
    }

    @Test
    void every_method_reference_points_at_a_method_of_the_class_that_makes_it() {
        ClassNode instrumented = new ClassNode();
        new ClassReader(programOfSamples().instrument(original("samples/boundaries/Boundaries")))
                .accept(instrumented, 0);
        List<String> targets = new ArrayList<>();
        for (MethodNode method : instrumented.methods) {
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy && indy.bsmArgs.length > 1
                        && indy.bsmArgs[1] instanceof Handle target) {
                    targets.add(target.getOwner() + "." + target.getName());
                }
            }
        }
        // The one method reference left as it was: a constructor given as a Supplier, which cannot suspend.
        assertTrue(targets.remove("samples/boundaries/Plain$Made.<init>"), targets::toString);
        for (String target : targets) {
            assertTrue(target.startsWith("samples/boundaries/Boundaries."), targets::toString);
        }
        // A bridge for each target and type of bound receiver: an enum constant, and an anonymous class.
        assertTrue(targets.containsAll(List.of("samples/boundaries/Boundaries.tinyio$ref$twice$0",
                "samples/boundaries/Boundaries.tinyio$ref$twice$1", "samples/boundaries/Boundaries.tinyio$ref$open$2",
                "samples/boundaries/Boundaries.tinyio$ref$value$3",
                "samples/boundaries/Boundaries.tinyio$ref$retryNothing$4")), targets::toString);
    }

    /**
     * A program added in parts, callers first, as the agent meets the folders of a class path (Surefire and IDEs
     * put test classes before main classes): the classes of a later part, named by an earlier one before their own
     * part came, are analysed with it.
     */
    @Test
    void a_part_added_after_the_classes_that_call_it_is_analysed_all_the_same() {
        Instrumenter instrumenter = new Instrumenter(ClassSource.of(BoundaryShapesTest.class.getClassLoader()));
        assertEquals(Map.of(), instrumenter.analyse(Map.of("Boundaries", original("samples/boundaries/Boundaries"))));
        Map<String, byte[]> later = new TreeMap<>();
        for (String name : InstrumentingLoader.samplesIn(InstrumentingLoader.testClasses())) {
            if (name.startsWith("samples.boundaries.Plain")) {
                later.put(name, InstrumentingLoader.original(name));
            }
        }
        assertEquals(Map.of(), instrumenter.analyse(later));
        assertTrue(instrumenter.isAnalysed(PLAIN));
        assertTrue(instrumenter.suspendableMethods(original(PLAIN)).contains("twoPauses(I)I"));
        byte[] instrumented = instrumenter.instrument(original(PLAIN));
        assertTrue(instrumented != null, "nothing instrumented in " + PLAIN);
        assertFalse(java.util.Arrays.equals(MethodBytes.of(original(PLAIN)).get("twoPauses(I)I"),
                MethodBytes.of(instrumented).get("twoPauses(I)I")), "twoPauses(I)I was left as compiled");
    }

    private static Instrumenter programOfSamples() {
        Instrumenter instrumenter = new Instrumenter(ClassSource.of(BoundaryShapesTest.class.getClassLoader()));
        Map<String, byte[]> program = new TreeMap<>();
        for (String name : InstrumentingLoader.samplesIn(InstrumentingLoader.testClasses())) {
            program.put(name, InstrumentingLoader.original(name));
        }
        assertEquals(Map.of(), instrumenter.analyse(program));
        return instrumenter;
    }

    private static byte[] original(String internalName) {
        return InstrumentingLoader.original(internalName.replace('/', '.'));
    }
}
