package it.excluded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;
import org.junit.jupiter.api.Test;

class ExcludedTest {
    @Test
    void suspending_in_an_excluded_class_is_the_named_error() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(Legacy::step)));
        assertTrue(error.getMessage().contains("it.excluded.Legacy.step"), error.getMessage());
    }

    @Test
    void included_classes_suspend() {
        assertEquals(2, new Loop().run(Coro.of(Current::step)));
    }
}
