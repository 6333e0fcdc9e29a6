package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;
import samples.shapes.Construction;
import samples.shapes.ControlFlow;
import samples.shapes.Exceptions;
import samples.shapes.MethodKinds;
import samples.shapes.Monitors;
import samples.shapes.PrimitiveValues;
import samples.shapes.Switches;

/**
 * Source shapes that suspend, each run in instrumented form alongside a ticker coroutine. Every sample returns its
 * log, a space, and its result. In the log, the sample marks its progress with letters or digits, and the ticker
 * adds one {@code '.'} each time it runs while the sample is suspended: one per bare {@code Coro.yield()}, two per
 * yield of a coroutine that returns at once. The expected values are what plain Java would give if
 * {@code Coro.yield} returned the awaited value.
 */
class ShapesTest {
    private final InstrumentingLoader loader = newLoader();

    /** Where the samples come from: as the build compiled them, unless a subclass compiles them itself. */
    InstrumentingLoader newLoader() {
        return new InstrumentingLoader();
    }

    /** Runs a sample's {@code run()} in instrumented form; what it throws is rethrown as it is. */
    private Object run(Class<?> sample) throws Throwable {
        try {
            return loader.sample(sample).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String dots(int count) {
        return ".".repeat(count);
    }

    // Uninitialised objects

    @Test
    void uninitialised_objects_below_suspending_arguments() throws Throwable {
        assertEquals("a....b (x, 1)", run(Construction.SuspendingArguments.class));
    }

    @Test
    void nested_new_expressions_around_a_suspending_argument() throws Throwable {
        assertEquals("a..b..c ([[c]], [2])", run(Construction.NestedConstruction.class));
    }

    // Expressions and statements

    @Test
    void string_concatenation_keeps_its_earlier_operands_across_suspensions() throws Throwable {
        assertEquals("a..b....c x1y7m10995116277762.5", run(ControlFlow.Concatenation.class));
    }

    @Test
    void old_style_switch_on_int_with_yields_in_selector_and_cases() throws Throwable {
        assertEquals("0....1..2...3.... AB;B;C;other 3;", run(Switches.OldStyleOnInt.class));
    }

    @Test
    void arrow_switch_on_int_with_yields_in_selector_and_cases() throws Throwable {
        assertEquals("0....1..2...3.... A;B;C;other 3;", run(Switches.ArrowOnInt.class));
    }

    @Test
    void old_style_switch_on_string_with_yields_in_selector_and_cases() throws Throwable {
        assertEquals("0....1..2...3.... AB;B;C;other zz;", run(Switches.OldStyleOnString.class));
    }

    @Test
    void arrow_switch_on_string_with_yields_in_selector_and_cases() throws Throwable {
        assertEquals("0....1..2...3.... A;B;C;other zz;", run(Switches.ArrowOnString.class));
    }

    @Test
    void old_style_switch_on_enum_with_yields_in_selector_and_cases() throws Throwable {
        assertEquals("0....1..2...3.... AB;B;C;other BLACK;", run(Switches.OldStyleOnEnum.class));
    }

    @Test
    void arrow_switch_on_enum_with_yields_in_selector_and_cases() throws Throwable {
        assertEquals("0....1..2...3.... A;B;C;other BLACK;", run(Switches.ArrowOnEnum.class));
    }

    @Test
    void ternaries_with_yields_on_both_branches_and_in_the_condition() throws Throwable {
        assertEquals("0......1...... even 1099511627777 T;odd 1099511627778 F;", run(ControlFlow.Ternaries.class));
    }

    @Test
    void short_circuit_operators_suspend_only_in_the_operands_they_evaluate() throws Throwable {
        assertEquals("0.a..a..b.1.a..b..a.2.a..a..b.3.a..b..a. --;-|;-|;&|;", run(ControlFlow.ShortCircuit.class));
    }

    @Test
    void ten_thousand_iterations_each_yielding_once_stay_in_step_without_stack_growth() throws Throwable {
        assertEquals(dots(10_000) + " sum 49995000, in step 10000, stack growth 0",
                run(ControlFlow.TenThousandIterations.class));
    }

    @Test
    void labelled_continue_and_break_right_after_suspensions() throws Throwable {
        assertEquals("0.....1......2.... 0;10;11;12;20;end", run(ControlFlow.LabelledJumps.class));
    }

    // Exceptions

    @Test
    void yields_in_try_catch_and_finally_on_both_normal_and_exceptional_paths() throws Throwable {
        assertEquals("a.b..c.de..f.g first second", run(Exceptions.CatchAndFinally.class));
    }

    @Test
    void exception_thrown_by_a_resumed_helper_is_caught_by_its_callers() throws Throwable {
        assertEquals("a.b...c caught one, caught two", run(Exceptions.ThrowAfterResuming.class));
    }

    @Test
    void resources_in_three_suspended_frames_close_once_innermost_first_on_cancellation() throws Throwable {
        assertEquals("open body;open helper;sibling;open inner helper;sibling;inner helper resumed;"
                + "close inner helper;close helper;close body;cancelled; sibling failed",
                run(Exceptions.ResourcesOnCancellation.class));
    }

    // Kinds of methods

    @Test
    void static_instance_and_private_helpers_suspend_with_their_caller() throws Throwable {
        assertEquals("a......b xsq!p!", run(MethodKinds.OwnMethods.class));
    }

    @Test
    void generic_methods_that_yield_return_their_argument_cast_back() throws Throwable {
        assertEquals("a.....b s42[l]-9223372036854775808b", run(MethodKinds.GenericMethods.class));
    }

    @Test
    void interface_default_and_private_methods_that_yield() throws Throwable {
        assertEquals("a...b...c hello, you (en); hello, me (en)", run(MethodKinds.InterfaceMethods.class));
    }

    @Test
    void record_method_that_yields() throws Throwable {
        assertEquals("a...b p(3, 9223372036854775807)", run(MethodKinds.RecordMethod.class));
    }

    @Test
    void enum_method_that_yields_and_a_constant_body_overriding_it() throws Throwable {
        assertEquals("0..1..2... PENNY=2;NICKEL=10;dimes DIME=20;", run(MethodKinds.EnumMethod.class));
    }

    @Test
    void inner_class_methods_yield_and_use_the_outer_instance() throws Throwable {
        assertEquals("a....b. 5 10 total=10", run(MethodKinds.InnerClass.class));
    }

    @Test
    void anonymous_class_implementing_the_body_interface() throws Throwable {
        assertEquals("a...b. x2", run(MethodKinds.AnonymousBody.class));
    }

    @Test
    void bound_and_static_method_references_as_bodies() throws Throwable {
        assertEquals("a.b.. bound1 | ... static2", run(MethodKinds.MethodReferences.class));
    }

    @Test
    void lambdas_inside_lambdas() throws Throwable {
        assertEquals("a.i.j... outer inner5", run(MethodKinds.LambdasInLambdas.class));
    }

    @Test
    void a_covariant_redeclaration_in_a_sub_interface_still_suspends() throws Throwable {
        assertEquals("a..b.. m1 m1", run(MethodKinds.CovariantRedeclaration.class));
    }

    @Test
    void covariant_override_suspends_through_its_bridge_method() throws Throwable {
        assertEquals("a.b.c plain n1 n2", run(MethodKinds.BridgeMethod.class));
    }

    @Test
    void recursion_a_thousand_deep_yielding_at_every_level() throws Throwable {
        assertEquals("a" + dots(1001) + "b 500500", run(MethodKinds.DeepRecursion.class));
    }

    // Monitors and constructors

    @Test
    void yields_in_a_catch_around_a_synchronized_block_hold_no_monitor() throws Throwable {
        assertEquals("0..1.... 0c1", run(Monitors.YieldInCatchAroundSynchronized.class));
    }

    @Test
    void new_of_a_class_whose_constructor_yields_is_no_suspension_site() throws Throwable {
        assertEquals("a. refused: true", run(Monitors.ConstructorThatYields.class));
    }

    @Test
    void synchronized_method_does_not_carry_on_after_its_helper_suspends() throws Throwable {
        assertEquals("a true", run(Monitors.SynchronizedMethodCallsSuspendingHelper.class));
    }

    // Primitives

    @Test
    void locals_of_every_primitive_type_survive_at_their_edge_values() throws Throwable {
        assertEquals("a.b..c true -128 65535 -32768 2147483647 -9223372036854775808 9223372036854775807 -Infinity "
                + "3.4028235E38 7fc00123 1.7976931348623157E308 4.9E-324 -0.0 7ff8000000000123 -1",
                run(PrimitiveValues.Locals.class));
    }

    @Test
    void every_primitive_type_on_the_operand_stack_survives() throws Throwable {
        assertEquals("a" + dots(12) + "b true,127,x,-32768,-1,-9223372036854775808,-Infinity,-0.0,last "
                + "9223372036854775807 Infinity -Infinity -2147483648 b", run(PrimitiveValues.OperandStack.class));
    }

    @Test
    void primitive_parameters_and_results_of_suspending_helpers_survive() throws Throwable {
        assertEquals("a" + dots(9) + "b false -128 65535 32767 -2147483648 -9223372036854775808 3.4028235E38 NaN "
                + "-0.0", run(PrimitiveValues.HelperParametersAndResults.class));
    }
}
