package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.CancelledError;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The warning a cycle of waits logs, word for word: the loop's dump, with where each coroutine waits. */
class CycleWarningTest {
    /** Where {@link #awaitItself} waits, as the dump names it. */
    private static String waitsAt;

    static Object awaitItself(Coro<?> coro) {
        waitsAt = Where.nextLine();
        return Coro.yield(coro);
    }

    @Test
    void a_coroutine_waiting_for_itself_logs_the_dump_of_the_loop() {
        Coro<?>[] self = new Coro<?>[1];
        String[] bodyAt = new String[1];
        self[0] = Coro.of(() -> {
            bodyAt[0] = Where.nextLine();
            return awaitItself(self[0]);
        });
        // The coroutine's name says where it is suspended: the message expected is made as the warning is logged.
        List<LoggedAtTheTime.Logged> logged = LoggedAtTheTime.during(() -> "Cycle detected in tinyio loop:\n"
                + "tinyio loop run of " + self[0] + "\n"
                + "  " + self[0] + "\n"
                + "    waits for [" + self[0] + "]\n"
                + "      at " + waitsAt + "\n"
                + "      at " + bodyAt[0] + "\n",
                () -> assertThrows(CancelledError.class, () -> new Loop().run(self[0])));
        assertEquals(1, logged.size(), logged::toString);
        LogRecord record = logged.get(0).record();
        assertEquals(Level.WARNING, record.getLevel());
        assertNull(record.getThrown());
        assertEquals(logged.get(0).expected(), record.getMessage());
    }
}
