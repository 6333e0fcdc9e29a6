package dev.tinyio.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
        Logger logger = Logger.getLogger("dev.tinyio");
        List<Logged> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new Logged(record, expected.get()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
        }
        return logged;
    }
}
