package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import samples.Allocations;
import samples.Handlers;
import samples.Monitors;
import samples.Helpers;
import samples.MentionsOnly;
import samples.NotSuspending;
import samples.OperandStack;
import samples.Plain;
import samples.Primitives;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

class InstrumenterTest {
    private final InstrumentingLoader loader = new InstrumentingLoader();
    private final Instrumenter instrumenter = new Instrumenter(ClassSource.of(getClass().getClassLoader()));

    private Object run(Class<?> sample) throws Exception {
        return loader.sample(sample).getMethod("run").invoke(null);
    }

    @Test
    void every_primitive_and_reference_survives_suspension() throws Exception {
        assertEquals("abcd [true -128 65535 32767 -2147483648 9223372036854775807 NaN -Infinity 1.4E-45 "
                + "-Infinity text 3 null, other]", run(Primitives.class));
    }

    @Test
    void values_below_the_call_on_the_operand_stack_survive() throws Exception {
        assertEquals("21 x1099511627779y0.54", run(OperandStack.class));
    }

    @Test
    void handlers_catch_across_suspensions_and_finally_may_yield() throws Exception {
        assertEquals("try;caught boom;after yield in catch;finally;after yield in finally;done",
                run(Handlers.class));
    }

    @Test
    void stackful_helpers_recursion_and_nested_lambdas() throws Exception {
        assertEquals("20 1275 inner=14 50", run(Helpers.class));
    }

    @Test
    void allocations_move_after_arguments_that_suspend() throws Exception {
        assertEquals("abc [Box[pair=Pair[left=3, right=Pair[left=1, right=r2]]], other]", run(Allocations.class));
    }

    @Test
    void suspending_inside_synchronized_is_a_named_error_and_releases_the_monitor() throws Exception {
        assertEquals("true false; true false; no error", run(Monitors.class));
    }

    @Test
    void call_sites_that_can_never_suspend_are_warned_about() {
        List<String> warnings = new ArrayList<>();
        new Instrumenter(ClassSource.of(getClass().getClassLoader()), warnings::add)
                .instrument(InstrumentingLoader.original(Monitors.class.getName()));
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("samples.Monitors.lambda$run$"), warnings::toString);
        assertTrue(warnings.get(0).contains("(Monitors.java:"), warnings::toString);
    }

    @Test
    void a_class_whose_supertypes_cannot_be_read_is_refused_rather_than_given_guessed_frames() {
        // A loader that defines classes from bytes and has no resources for them, as in-memory compilers do.
        ClassSource platformOnly = internalName -> internalName.startsWith("samples/") ? null
                : ClassSource.of(getClass().getClassLoader()).bytesOf(internalName);
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> new Instrumenter(platformOnly).instrument(InstrumentingLoader.original(
                        samples.MergedTypes.class.getName())));
        assertTrue(error.getMessage().contains("samples/MergedTypes$"), error.getMessage());
    }

    @Test
    void a_callee_whose_class_file_is_broken_is_named_rather_than_the_class_calling_it() {
        ClassSource classpath = ClassSource.of(getClass().getClassLoader());
        ClassSource brokenTicker = internalName -> {
            byte[] bytes = classpath.bytesOf(internalName);
            // Cut short at the end: the constant pool, which names the library, is whole; the methods are not.
            return internalName.equals("samples/shapes/Ticker") ? java.util.Arrays.copyOf(bytes, bytes.length - 10)
                    : bytes;
        };
        InstrumentationException error = assertThrows(InstrumentationException.class,
                () -> new Instrumenter(brokenTicker).instrument(InstrumentingLoader.original(
                        samples.shapes.MethodKinds.OwnMethods.class.getName())));
        assertTrue(error.getMessage().contains("Cannot read the class file of samples/shapes/Ticker"),
                error.getMessage());
    }

    @Test
    void classes_that_never_mention_the_library_are_left_alone() {
        assertNull(instrumenter.instrument(InstrumentingLoader.original(Plain.class.getName())));
    }

    @Test
    void classes_that_never_suspend_nor_make_coroutines_are_left_alone() {
        assertNull(instrumenter.instrument(InstrumentingLoader.original(MentionsOnly.class.getName())));
    }

    /** A class that makes coroutines has them named, and nothing else of it changes. */
    @Test
    void a_class_that_makes_coroutines_but_never_suspends_gets_only_their_names() {
        byte[] original = InstrumentingLoader.original(NotSuspending.class.getName());
        byte[] named = instrumenter.instrument(original);
        assertNotNull(named);
        Map<String, byte[]> before = MethodBytes.of(original);
        Map<String, byte[]> after = MethodBytes.of(named);
        assertEquals(before.keySet(), after.keySet());
        for (String method : before.keySet()) {
            assertEquals(!method.startsWith("make("), java.util.Arrays.equals(before.get(method), after.get(method)),
                    method);
        }
        List<String> calls = new ArrayList<>();
        for (var insn : find(read(named), "make", "()Ldev/tinyio/Coro;").instructions) {
            if (insn instanceof LdcInsnNode ldc) {
                calls.add("ldc " + ldc.cst);
            } else if (insn instanceof MethodInsnNode call) {
                calls.add(call.owner + "." + call.name + call.desc);
            }
        }
        assertEquals(List.of("ldc NotSuspending.make:11",
                "dev/tinyio/Coro.of(Ljava/lang/String;Ldev/tinyio/Coro$Body;)Ldev/tinyio/Coro;"), calls);
    }

    @Test
    void methods_that_never_suspend_keep_their_exact_bytes() {
        byte[] original = InstrumentingLoader.original(Helpers.class.getName());
        Map<String, byte[]> before = MethodBytes.of(original);
        Map<String, byte[]> after = MethodBytes.of(instrumenter.instrument(original));
        // run() makes coroutines, so its calls of Coro.of are given names.
        List<String> untouched = List.of("<init>(Ljava/lang/String;)V");
        for (String method : untouched) {
            assertTrue(java.util.Arrays.equals(before.get(method), after.get(method)), method + " changed");
        }
        assertFalse(java.util.Arrays.equals(before.get("twice(I)I"), after.get("twice(I)I")));
    }

    @Test
    void instrumenting_twice_changes_nothing() {
        byte[] once = instrumenter.instrument(InstrumentingLoader.original(Helpers.class.getName()));
        assertNotNull(once);
        assertNull(instrumenter.instrument(once));
    }

    @Test
    void signatures_stay_and_added_members_are_synthetic() {
        ClassNode before = read(InstrumentingLoader.original(Helpers.class.getName()));
        ClassNode after = read(instrumenter.instrument(InstrumentingLoader.original(Helpers.class.getName())));
        List<String> added = new ArrayList<>();
        for (MethodNode method : after.methods) {
            MethodNode original = find(before, method.name, method.desc);
            if (original == null) {
                assertTrue((method.access & Opcodes.ACC_SYNTHETIC) != 0, method.name + method.desc);
                added.add(method.name + method.desc);
            } else {
                assertEquals(original.access, method.access, method.name);
                assertEquals(original.signature, method.signature, method.name);
            }
        }
        assertEquals(before.methods.size(), after.methods.size() - added.size());
        assertTrue(added.contains("tinyio$resume(Ldev/tinyio/internal/Frame;)Ljava/lang/Object;"), added::toString);
        assertTrue(added.contains("twice(Ldev/tinyio/internal/Frame;I)I"), added::toString);
    }

    @Test
    void line_numbers_survive_in_the_original_and_in_the_reentry_copy() {
        byte[] bytes = InstrumentingLoader.original(Helpers.class.getName());
        ClassNode before = read(bytes);
        ClassNode after = read(instrumenter.instrument(bytes));
        Map<String, TreeSet<Integer>> expected = new TreeMap<>();
        for (MethodNode method : before.methods) {
            expected.put(method.name + method.desc, lines(method));
        }
        for (MethodNode method : after.methods) {
            String key = method.name + method.desc.replace("Ldev/tinyio/internal/Frame;", "");
            if (expected.containsKey(key)) {
                assertEquals(expected.get(key), lines(method), key);
            }
        }
    }

    private static TreeSet<Integer> lines(MethodNode method) {
        TreeSet<Integer> lines = new TreeSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                lines.add(number.line);
            }
        }
        return lines;
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static MethodNode find(ClassNode node, String name, String desc) {
        for (MethodNode method : node.methods) {
            if (method.name.equals(name) && method.desc.equals(desc)) {
                return method;
            }
        }
        return null;
    }
}
