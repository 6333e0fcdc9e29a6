package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.ExceptionGroup;
import dev.tinyio.GroupMode;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.Tinyio;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An isolate cancelled from outside throws what its nested run would throw under the isolate's own mode, and the
 * outer run treats that as any coroutine's response to cancellation. The expected outcomes are tinyio 0.4.0's for
 * the same program (its isolate lets the nested loop's {@code _cleanup} decide).
 */
class IsolateCancellationTest {
    private final IllegalStateException boom = new IllegalStateException("boom");
    private final IllegalArgumentException cleanup = new IllegalArgumentException("cleanup failed inside");
    private final List<String> log = new ArrayList<>();

    private Coro<Void> forever(String name) {
        return Coro.ofVoid(() -> {
            try {
                while (true) {
                    Coro.yield();
                }
            } finally {
                log.add(name);
            }
        });
    }

    private Coro<Void> failingCleanup() {
        return Coro.ofVoid(() -> {
            try {
                while (true) {
                    Coro.yield();
                }
            } catch (CancelledError e) {
                log.add("inner cleanup");
                throw cleanup;
            }
        });
    }

    /**
     * What a run threw, as text: a group as its members in brackets, {@code C} for a cancellation, and the two
     * errors of the program by name (the very objects thrown, not copies).
     */
    private String shape(Throwable thrown) {
        if (thrown instanceof ExceptionGroup group) {
            List<String> members = new ArrayList<>();
            group.exceptions().forEach(member -> members.add(shape(member)));
            return members.toString();
        }
        if (thrown == boom) {
            return "boom";
        }
        if (thrown == cleanup) {
            return "cleanup";
        }
        return thrown instanceof CancelledError ? "C" : thrown.toString();
    }

    @ParameterizedTest(name = "inner {0}, outer {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "NEVER;  NEVER;  boom;                         inner cleanup",
        "NEVER;  AUTO;   boom;                         inner cleanup",
        "NEVER;  ALWAYS; [boom, C, C];                 inner cleanup",
        "AUTO;   NEVER;  boom;                         inner cleanup, isolate",
        "AUTO;   AUTO;   [boom, [C, cleanup]];         inner cleanup, isolate",
        "AUTO;   ALWAYS; [boom, [C, cleanup], C];      inner cleanup, isolate",
        "ALWAYS; NEVER;  boom;                         inner cleanup, isolate",
        "ALWAYS; AUTO;   [boom, [C, cleanup, C, C]];   inner cleanup, isolate",
        "ALWAYS; ALWAYS; [boom, [C, cleanup, C, C], C]; inner cleanup, isolate",
    })
    void an_isolate_cancelled_from_outside_throws_what_its_nested_run_would(GroupMode inner, GroupMode outer,
            String thrown, String warned) {
        Coro<Result<List<Void>>> isolate = Tinyio.isolate(Coro.of(() -> Coro.yield(List.of(failingCleanup(),
                forever("inner forever")))), inner);
        Coro<Void> failing = Coro.ofVoid(() -> {
            Coro.yield();
            Coro.yield();
            Coro.yield();
            throw boom;
        });
        Throwable[] caught = {null};
        List<LogRecord> warnings = LogCapture.during(() -> caught[0] = assertThrows(Throwable.class,
                () -> new Loop().run(Coro.ofVoid(() -> Coro.yield(List.of(isolate, failing,
                        forever("outer forever")))), outer)));
        assertEquals(thrown, shape(caught[0]));
        assertEquals(List.of("inner cleanup", "inner forever", "outer forever"), log);
        List<String> whoWarned = new ArrayList<>();
        for (LogRecord warning : warnings) {
            assertTrue(warning.getMessage().contains("did not respond properly to cancellation"), warning.getMessage());
            whoWarned.add(warning.getMessage().startsWith("Coroutine " + isolate + " ") ? "isolate" : "inner cleanup");
        }
        assertEquals(warned, String.join(", ", whoWarned));
    }
}
