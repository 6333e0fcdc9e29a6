package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import samples.warnings.Warned;

/**
 * The instrumenter's warnings word for word: one line for each method or call site that may suspend where a
 * coroutine never can, or through reflection, naming it as a stack trace does and saying what happens there.
 */
class InstrumenterWarningsTest {
    private static String where(String method, String marker) {
        return Warned.class.getName() + "." + method + "(Warned.java:" + SampleSource.lineOf(Warned.class, marker)
                + ")";
    }

    @Test
    void each_place_that_can_never_suspend_is_warned_about_in_the_order_of_the_class_file() {
        List<String> warnings = new ArrayList<>();
        new Instrumenter(ClassSource.of(getClass().getClassLoader()), warnings::add)
                .instrument(InstrumentingLoader.original(Warned.class.getName()));
        assertEquals(List.of(
                "tinyio: " + where("<init>", "// constructor") + " suspends, but tinyio never instruments "
                        + "constructors, static initialisers or synchronized methods; suspending there throws "
                        + "NotInstrumentedError.",
                "tinyio: " + where("lockedMethod", "// synchronized method") + " suspends, but tinyio never "
                        + "instruments constructors, static initialisers or synchronized methods; suspending there "
                        + "throws NotInstrumentedError.",
                "tinyio: " + where("lockedBlock", "// synchronized block") + " may suspend inside a synchronized "
                        + "block; if it does, it throws NotInstrumentedError. Use dev.tinyio.Lock instead.",
                "tinyio: " + where("reflective", "// reflection") + " calls java.lang.reflect.Method.invoke on a path "
                        + "that may suspend; a suspension cannot pass through reflection or a method handle, so if "
                        + "the method it calls suspends, that throws NotInstrumentedError. Call the method directly."),
                warnings);
    }
}
