package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;
import dev.tinyio.tests.library.LibraryBody;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suspensions that the analysis could not see coming, word for word: code it left alone called something that
 * suspended, carried on with the dummy result and returned. The error names the frame that carried on, says why
 * it was left alone, and gives the fix for that case.
 */
class UnseenSuspensionTest {
    @TempDir
    Path jars;

    /** Where {@link #pause} last suspended, as the errors name it. */
    private static String pausedAt;

    static int pause(int x) {
        pausedAt = Where.nextLine();
        Coro.yield();
        return x;
    }

    /** Only a JDK method stands between it and the suspension: the analysis does not count it as suspending. */
    static String describe(Object o) {
        return "<" + String.valueOf(o) + ">";
    }

    private final Object named = new Object() {
        @Override
        public String toString() {
            return "n" + pause(1);
        }
    };

    @Test
    void a_method_of_an_instrumented_class_that_carried_on_is_named_with_the_mark_that_makes_it_suspend() {
        String[] calledAt = new String[1];
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> {
                    calledAt[0] = Where.nextLine();
                    return describe(named);
                })));
        String describe = UnseenSuspensionTest.class.getName() + ".describe";
        assertEquals("A coroutine suspended in " + pausedAt + " and the suspension passed through " + describe
                + ", called at " + calledAt[0] + ", which cannot suspend: its class was instrumented, but not this "
                + "method: it called code that suspended where the analysis could not see it. If that was through a "
                + "JDK method calling back into your code (toString, equals, an iterator), keep the suspension out "
                + "of such code: a JDK callback cannot suspend. If it was into code of another module or jar, mark "
                + describe + " @dev.tinyio.Suspendable and rebuild its module.", error.getMessage());
    }

    @Test
    void a_lambda_that_carried_on_past_reflection_is_named_as_a_body_the_analysis_could_not_see_into()
            throws Exception {
        Method pause = UnseenSuspensionTest.class.getDeclaredMethod("pause", int.class);
        IntSupplier reflective = () -> {
            try {
                return (int) pause.invoke(null, 5);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        String[] calledAt = new String[1];
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(() -> {
                    calledAt[0] = Where.nextLine();
                    return reflective.getAsInt();
                })));
        assertEquals("A coroutine suspended in " + pausedAt + " and the suspension passed through a lambda made by "
                + UnseenSuspensionTest.class.getName() + ", called at " + calledAt[0] + ", which cannot suspend: its "
                + "class was instrumented, but the body was not: it called code that suspended where the analysis "
                + "of its class could not see it (through reflection, or into code of another module or jar), and "
                + "carried on. Mark the method it called @dev.tinyio.Suspendable, or make that call a coroutine of "
                + "its own and yield it.", error.getMessage());
    }

    @Test
    void a_library_class_as_the_body_that_carried_on_is_named_as_the_coroutines_body() throws Exception {
        IntSupplier work = () -> pause(2);
        Coro.Body<?> body = (Coro.Body<?>) LibraryJar.load(LibraryBody.class, jars)
                .getConstructor(IntSupplier.class).newInstance(work);
        NotInstrumentedError error = assertThrows(NotInstrumentedError.class,
                () -> new Loop().run(Coro.of(body)));
        String run = LibraryBody.class.getName() + ".run";
        // The agent's options, as the runtime reads them.
        String options = System.getProperty("dev.tinyio.agent");
        assertEquals("A coroutine suspended in " + pausedAt + " and the suspension passed through " + run
                + ", the coroutine's body, which cannot suspend: the tinyio agent is running (options '" + options
                + "') and left its class alone: it instruments the classes in class folders, and classes in jars "
                + "where include= names them or where they call the library themselves; never the JDK's, nor those "
                + "exclude= names, nor one it failed on (it logs why to dev.tinyio.agent). If it is your code, name "
                + "it in the agent's include= option (include=dev.tinyio.tests.library.*); if it is a library's, "
                + "mark " + run + " @dev.tinyio.Suspendable in that library and build it with tinyio-maven-plugin.",
                error.getMessage());
    }
}
