package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.Tinyio;
import dev.tinyio.tests.model.Program;
import dev.tinyio.tests.model.ReferenceModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import unaware.Routes;

/**
 * Random coroutine programs (trees and DAGs with shared children, cycles of waits, gathers, background sets, bare
 * yields and a random failure point) run for real and checked against {@link ReferenceModel}. Each action is reached
 * by one of the routes users' code takes ({@link Program.Route}: helpers in classes that never name the library,
 * interfaces, enum constant bodies, template methods, method references), which the model ignores. QuickTheories
 * prints the seed and the shrunk program of a failure.
 */
class RandomProgramsTest {
    private static final int EXAMPLES = 1_000;

    private static Gen<List<Integer>> genomes() {
        return lists().of(integers().between(0, 1_000)).ofSizeBetween(0, 80);
    }

    @Test
    void programs_behave_as_the_reference_model_says() {
        qt().withExamples(EXAMPLES)
                .forAll(genomes(), integers().between(0, GroupMode.values().length - 1))
                .as((genome, mode) -> new Case(Program.decode(genome), GroupMode.values()[mode]))
                .checkAssert(RandomProgramsTest::check);
    }

    /**
     * The same with isolates: an isolated failure cancels nothing outside (the outer log goes on as the model
     * says), an outer failure cancels everything inside each running isolate exactly once, and successful
     * isolates return what the model says.
     */
    @Test
    void programs_with_isolates_behave_as_the_reference_model_says() {
        qt().withExamples(EXAMPLES)
                .forAll(genomes(), integers().between(0, GroupMode.values().length - 1))
                .as((genome, mode) -> new Case(Program.decodeWithIsolates(genome), GroupMode.values()[mode]))
                .checkAssert(RandomProgramsTest::check);
    }

    /**
     * The properties above check what they claim only if the generator makes every kind of run: successes,
     * failures, cycles of waits in the program and inside its isolates, and cycles whose group is not empty.
     */
    @Test
    void the_generator_makes_successes_failures_and_cycles_here_and_inside_isolates() {
        Random random = new Random(15);
        int successes = 0;
        int booms = 0;
        int cycles = 0;
        int cyclesWithAGroup = 0;
        int cyclesInsideIsolates = 0;
        for (int i = 0; i < EXAMPLES; i++) {
            List<Integer> genome = random.ints(random.nextInt(81), 0, 1_001).boxed().toList();
            ReferenceModel model = ReferenceModel.run(Program.decodeWithIsolates(genome));
            if (!model.crashed()) {
                successes++;
            } else if (!model.cycle) {
                booms++;
            } else if (model.failed >= 0) {
                cyclesInsideIsolates++;
            } else {
                cycles++;
                cyclesWithAGroup += model.groupedCancellations > 0 ? 1 : 0;
            }
        }
        String counts = successes + " successes, " + booms + " failures, " + cycles + " cycles (" + cyclesWithAGroup
                + " with a group), " + cyclesInsideIsolates + " cycles inside isolates";
        // With this seed: 484 successes, 276 failures, 149 cycles (76 with a group), 91 cycles inside isolates.
        assertTrue(successes >= 200 && booms >= 100 && cycles >= 50 && cyclesWithAGroup >= 25
                && cyclesInsideIsolates >= 25, counts);
    }

    /** Every route of {@link Program.Route} is taken by actions that suspend, in the programs generated. */
    @Test
    void the_generator_reaches_suspending_actions_by_every_route() {
        Random random = new Random(15);
        Map<Program.Route, Integer> suspending = new EnumMap<>(Program.Route.class);
        for (int i = 0; i < EXAMPLES; i++) {
            List<Integer> genome = random.ints(random.nextInt(81), 0, 1_001).boxed().toList();
            for (List<Program.Action> actions : Program.decode(genome).coroutines()) {
                for (Program.Action action : actions) {
                    if (action.kind() != Program.Kind.FAIL) {
                        suspending.merge(action.route(), 1, Integer::sum);
                    }
                }
            }
        }
        assertEquals(Program.Route.values().length, suspending.size(), suspending::toString);
        assertTrue(suspending.values().stream().allMatch(count -> count >= 200), suspending::toString);
    }

    /** One generated program and the mode it runs in; printed whole when it fails. */
    record Case(Program program, GroupMode mode) {
        @Override
        public String toString() {
            return program + "\n  run with GroupMode." + mode;
        }
    }

    private static void check(Case generated) {
        Program program = generated.program();
        GroupMode mode = generated.mode();
        ReferenceModel model = ReferenceModel.run(program);
        Execution execution = new Execution(program, "", new ArrayList<>());
        Throwable[] thrown = {null};
        Integer[] result = {null};
        // A cycle logs the loop's state as a warning: kept out of the test's output.
        LogCapture.during(() -> {
            try {
                result[0] = new Loop().run(execution.coros.get(0), mode);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        assertEquals(model.log, execution.log, "the log");
        if (!model.crashed()) {
            assertNull(thrown[0], "no failure expected");
            assertEquals(Program.valueOf(0), result[0]);
            return;
        }
        assertNotNull(thrown[0], "a failure expected");
        if (mode == GroupMode.ALWAYS) {
            ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, thrown[0]);
            assertOriginal(model, group.exceptions().get(0));
            assertEquals(model.groupedCancellations, group.exceptions().size() - 1, "cancellations in the group");
            for (Throwable member : group.exceptions().subList(1, group.exceptions().size())) {
                assertInstanceOf(CancelledError.class, member);
            }
        } else {
            assertOriginal(model, thrown[0]);
        }
    }

    private static void assertOriginal(ReferenceModel model, Throwable thrown) {
        if (model.cycle) {
            CancelledError cycle = assertInstanceOf(CancelledError.class, thrown);
            assertEquals(CycleTest.CYCLE, cycle.getMessage());
            return;
        }
        Boom boom = assertInstanceOf(Boom.class, thrown);
        assertEquals(model.failed, boom.coroutine);
    }

    /** The failure a FAIL action throws. */
    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int coroutine;

        Boom(int coroutine) {
            super("boom in c" + coroutine);
            this.coroutine = coroutine;
        }
    }

    /** The program as real coroutines, writing the same log the model predicts. */
    static final class Execution {
        final List<String> log;
        final List<Coro<Integer>> coros = new ArrayList<>();
        private final Program program;
        private final String prefix;

        Execution(Program program, String prefix, List<String> log) {
            this.program = program;
            this.prefix = prefix;
            this.log = log;
            for (int i = 0; i < program.coroutines().size(); i++) {
                coros.add(coroutine(i, program.coroutines().get(i)));
            }
        }

        private Coro<Integer> coroutine(int self, List<Program.Action> actions) {
            String name = prefix + self;
            return Coro.of(() -> {
                try {
                    for (int k = 0; k < actions.size(); k++) {
                        log.add(name + ":" + k);
                        route(self, name, actions.get(k));
                    }
                    log.add(name + ":end");
                    return Program.valueOf(self);
                } catch (CancelledError e) {
                    log.add(name + ":cancelled");
                    throw e;
                } finally {
                    log.add(name + ":finally");
                }
            });
        }

        /** Reaches the action the way the program says, through frames that must all pass the suspension on. */
        private void route(int self, String name, Program.Action action) {
            switch (action.route()) {
                case DIRECT -> perform(self, name, action);
                case HELPER -> Routes.through(() -> perform(self, name, action));
                case INTERFACE -> new PerformStep(this, self, name, action).take();
                case ENUM_BODY -> Routes.When.NOW.run(() -> perform(self, name, action));
                case ABSTRACT_CLASS -> new Routes.Template() {
                    @Override
                    protected void body() {
                        perform(self, name, action);
                    }
                }.run();
                case METHOD_REFERENCE -> Routes.through(new PerformStep(this, self, name, action)::take);
            }
        }

        /** An action as a step of the helpers' interface. */
        private record PerformStep(Execution execution, int self, String name, Program.Action action)
                implements Routes.Step {
            @Override
            public void take() {
                execution.perform(self, name, action);
            }
        }

        private void perform(int self, String name, Program.Action action) {
            List<Coro<Integer>> targets = new ArrayList<>();
            List<Integer> expected = new ArrayList<>();
            if (action.kind() != Program.Kind.ISOLATE) {
                for (int target : action.targets()) {
                    targets.add(coros.get(target));
                    expected.add(Program.valueOf(target));
                }
            }
            switch (action.kind()) {
                case BARE -> Coro.yield();
                case AWAIT -> assertSame(expected.get(0), Coro.yield(targets.get(0)));
                case GATHER -> assertEquals(expected, Coro.yield(targets));
                case BACKGROUND -> Coro.yield(new LinkedHashSet<>(targets));
                case FAIL -> throw new Boom(self);
                case ISOLATE -> {
                    int k = action.targets().get(0);
                    Execution inner = new Execution(program.isolated().get(k), prefix + "i" + k + ".", log);
                    Result<Integer> result = Coro.yield(Tinyio.isolate(inner.coros.get(0)));
                    if (result.success()) {
                        assertEquals(Program.valueOf(0), result.value());
                    } else {
                        assertInstanceOf(Boom.class, result.error());
                    }
                    log.add(name + ":isolate " + (result.success() ? "ok" : "failed"));
                }
            }
        }
    }
}
