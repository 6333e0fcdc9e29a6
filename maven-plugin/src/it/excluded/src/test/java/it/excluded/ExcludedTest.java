package it.excluded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;
import org.junit.jupiter.api.Test;

class ExcludedTest {
    @Test
    void suspending_in_an_excluded_class_is_the_named_error() {
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(Legacy::step)));
        assertEquals("Coro.yield() was called from it.excluded.Legacy.step(Legacy.java:11), which cannot suspend: it "
                + "lies beside classes that tinyio-maven-plugin instrumented, but was left as compiled: check the "
                + "plugin's <includes> and <excludes>, or build from clean (mvn clean verify).", error.getMessage());
    }

    @Test
    void included_classes_suspend() {
        assertEquals(2, new Loop().run(Coro.of(Current::step)));
    }
}
