package dev.tinyio.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.LogRecord;

/**
 * Captures what the library logs to {@code dev.tinyio} while an action runs, each record beside the message a test
 * expects at the moment it is logged: a coroutine's name says where it is suspended, which changes as it runs.
 */
final class LoggedAtTheTime {
    /**
     * A record, and what was expected when it was logged.
     *
     * @param record the record
     * @param expected the expected message, made as the record was published
     */
    record Logged(LogRecord record, String expected) {
    }

    private LoggedAtTheTime() {
    }

    static List<Logged> during(Supplier<String> expected, Runnable action) {
        List<Logged> logged = new ArrayList<>();
        LogCapture.during(record -> logged.add(new Logged(record, expected.get())), action);
        return logged;
    }
}
