package dev.tinyio.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what the library logs to {@code dev.tinyio} while an action runs, instead of printing it. */
final class LogCapture {
    private LogCapture() {
    }

    static List<LogRecord> during(Runnable action) {
        List<LogRecord> records = new ArrayList<>();
        during(records::add, action);
        return records;
    }

    /**
     * Hands each record to a sink as it is logged, on the thread that logs it.
     *
     * @param sink told of each record
     * @param action what runs meanwhile
     */
    static void during(Consumer<LogRecord> sink, Runnable action) {
        Logger logger = Logger.getLogger("dev.tinyio");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                sink.accept(record);
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
    }
}
