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
import dev.tinyio.Event;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.TestClock;
import dev.tinyio.TimeoutError;
import dev.tinyio.Tinyio;
import dev.tinyio.tests.model.Program;
import dev.tinyio.tests.model.ReferenceModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import unaware.Routes;

/**
 * Random coroutine programs (trees and DAGs with shared children, cycles of waits, gathers, background sets, bare
 * yields and a random failure point) run for real and checked against {@link ReferenceModel}. Each action is reached
 * by one of the routes users' code takes ({@link Program.Route}: helpers in classes that never name the library,
 * interfaces, enum constant bodies, template methods, method references), which the model ignores. Timed programs
 * add sleeps, events and timeouts, run on a {@link TestClock}, and log the virtual time of every entry, which with
 * the clock's time at the end must be what the model predicts: the ideal schedule, in which steps take no time.
 * QuickTheories prints the seed and the shrunk program of a failure.
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
     * Programs of sleeps, event waits with time limits, sets and clears, timeouts, gathers and background sets, on
     * a {@link TestClock} that auto-advances: every log entry written at the virtual time the model predicts, and
     * the clock at the end where the model's is.
     */
    @Test
    void timed_programs_behave_as_the_reference_model_says_in_virtual_time() {
        qt().withExamples(EXAMPLES)
                .forAll(genomes(), integers().between(0, GroupMode.values().length - 1))
                .as((genome, mode) -> new Case(Program.decodeTimed(genome), GroupMode.values()[mode]))
                .checkAssert(RandomProgramsTest::checkTimed);
    }

    /**
     * The timed property checks what it claims only if the generator makes what virtual time must get right:
     * jumps, deadlines that fall at the same instant, events that wake waits and waits that time out, timeouts
     * either way, and what a timeout ends beside its coroutine.
     */
    @Test
    void the_timed_generator_makes_ties_event_wake_ups_timeouts_either_way_and_their_aftermath() {
        Random random = new Random(20);
        Map<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < EXAMPLES; i++) {
            List<Integer> genome = random.ints(random.nextInt(81), 0, 1_001).boxed().toList();
            ReferenceModel model = ReferenceModel.runTimed(Program.decodeTimed(genome));
            model.seen.forEach((what, count) -> seen.merge(what, 1, Integer::sum));
            seen.merge(!model.crashed() ? "a success" : model.cancelledBecause == null ? "a failure" : "a cancellation",
                    1, Integer::sum);
        }
        // Programs with each, with this seed: 663 successes, 281 failures, 56 cancellations; 594 with jumps, 130
        // with ties, 29 with an event set that wakes a wait, 46 with a wait on a set event, 252 with an event wait
        // that times out; 144 with a timeout in time, 120 with one that times out, 116 with orphans cancelled, 31
        // with a yield of a timed-out coroutine, 25 with a waiter of one.
        Map<String, Integer> atLeast = Map.ofEntries(Map.entry("a success", 300), Map.entry("a failure", 100),
                Map.entry("a cancellation", 25), Map.entry("jump", 300),
                Map.entry("timers due at the same instant", 50),
                Map.entry("an event set wakes a wait", 20), Map.entry("a wait on a set event ends at once", 20),
                Map.entry("an event wait that times out", 100), Map.entry("a timeout in time", 50),
                Map.entry("a timeout that times out", 50), Map.entry("an orphan cancelled", 50),
                Map.entry("a yield of a timed-out coroutine", 20), Map.entry("a waiter of a timed-out coroutine", 15));
        atLeast.forEach((what, least) -> assertTrue(seen.getOrDefault(what, 0) >= least, what + ": " + seen));
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
        Execution execution = new Execution(program, "", new ArrayList<>(), false);
        check(ReferenceModel.run(program), execution, generated.mode(), new Loop());
    }

    private static void checkTimed(Case generated) {
        Program program = generated.program();
        TestClock clock = new TestClock();
        Execution execution = new Execution(program, "", new ArrayList<>(), true);
        ReferenceModel model = ReferenceModel.runTimed(program);
        check(model, execution, generated.mode(), new Loop().clock(clock));
        assertEquals(TestClock.START.plus(Duration.ofMinutes(model.minutes())), clock.now(), "the time at the end");
    }

    private static void check(ReferenceModel model, Execution execution, GroupMode mode, Loop loop) {
        Throwable[] thrown = {null};
        Integer[] result = {null};
        // A cycle logs the loop's state as a warning: kept out of the test's output.
        LogCapture.during(() -> {
            try {
                result[0] = loop.run(execution.coros.get(0), mode);
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
        if (model.cancelledBecause != null) {
            CancelledError cancelled = assertInstanceOf(CancelledError.class, thrown);
            assertTrue(cancelled.getMessage().contains(model.cancelledBecause), cancelled::getMessage);
            return;
        }
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
        /** Whether each entry ends with the virtual time it was written at, in minutes. */
        private final boolean timed;
        private final List<Event> events = new ArrayList<>();

        Execution(Program program, String prefix, List<String> log, boolean timed) {
            this.program = program;
            this.prefix = prefix;
            this.log = log;
            this.timed = timed;
            for (int i = 0; i < program.coroutines().size(); i++) {
                coros.add(coroutine(i, program.coroutines().get(i)));
            }
            for (int e = 0; e < Program.EVENTS; e++) {
                events.add(new Event());
            }
        }

        private void log(String entry) {
            log.add(timed ? entry + "@" + Duration.between(TestClock.START, Tinyio.now()).toMinutes() : entry);
        }

        private Coro<Integer> coroutine(int self, List<Program.Action> actions) {
            String name = prefix + self;
            return Coro.of(() -> {
                try {
                    for (int k = 0; k < actions.size(); k++) {
                        log(name + ":" + k);
                        route(self, name, actions.get(k));
                    }
                    log(name + ":end");
                    return Program.valueOf(self);
                } catch (CancelledError e) {
                    log(name + ":cancelled");
                    throw e;
                } catch (TimeoutError e) {
                    log(name + ":timed out");
                    throw e;
                } finally {
                    log(name + ":finally");
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
            List<Integer> numbers = action.targets();
            if (EnumSet.of(Program.Kind.AWAIT, Program.Kind.GATHER, Program.Kind.BACKGROUND).contains(action.kind())) {
                for (int target : numbers) {
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
                case SLEEP -> Coro.yield(Tinyio.sleep(Duration.ofMinutes(numbers.get(0))));
                case AWAIT_EVENT -> Coro.yield(events.get(numbers.get(0)).await(Duration.ofMinutes(numbers.get(1))));
                case SET_EVENT -> {
                    Coro.yield(Tinyio.sleep(Duration.ofMinutes(numbers.get(1))));
                    events.get(numbers.get(0)).set();
                }
                case CLEAR_EVENT -> {
                    events.get(numbers.get(0)).clear();
                    Coro.yield();
                }
                case TIMEOUT -> {
                    int target = numbers.get(0);
                    Result<Integer> result = Coro.yield(Tinyio.timeout(coros.get(target),
                            Duration.ofMinutes(numbers.get(1))));
                    if (result.success()) {
                        assertEquals(Program.valueOf(target), result.value());
                    } else {
                        assertInstanceOf(TimeoutError.class, result.error());
                    }
                    log(name + ":timeout " + (result.success() ? "ok" : "failed"));
                }
                case ISOLATE -> {
                    int k = action.targets().get(0);
                    Execution inner = new Execution(program.isolated().get(k), prefix + "i" + k + ".", log, false);
                    Result<Integer> result = Coro.yield(Tinyio.isolate(inner.coros.get(0)));
                    if (result.success()) {
                        assertEquals(Program.valueOf(0), result.value());
                    } else {
                        assertInstanceOf(Boom.class, result.error());
                    }
                    log(name + ":isolate " + (result.success() ? "ok" : "failed"));
                }
            }
        }
    }
}
