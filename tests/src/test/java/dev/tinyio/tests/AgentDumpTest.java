package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The agent's dump option writes each instrumented class and its text form, for diagnosis. */
class AgentDumpTest {
    static int suspendsOnce() {
        Coro.yield();
        return 1;
    }

    @Test
    void instrumented_classes_are_dumped_with_their_text_form() throws Exception {
        new Loop().run(Coro.of(AgentDumpTest::suspendsOnce));
        Path folder = Path.of(System.getProperty("tinyio.dump"));
        String name = AgentDumpTest.class.getName().replace('.', '/');
        assertTrue(Files.isRegularFile(folder.resolve(name + ".class")), folder.toString());
        String text = Files.readString(folder.resolve(name + ".txt"));
        assertTrue(text.contains("tinyio$resume"), text);
        assertTrue(text.contains("INVOKESTATIC dev/tinyio/internal/Suspension.yield ()V"), text);
    }
}
