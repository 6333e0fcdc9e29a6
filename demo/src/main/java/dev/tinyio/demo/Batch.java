package dev.tinyio.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo's work: a folder of small text files, and a blocking word count with a simulated slow disk. */
final class Batch {
    private static final String[] WORDS = {"loop", "coroutine", "yield", "cancel", "event", "thread", "sleep"};

    private Batch() {
    }

    /** Writes eight files of a few hundred words each; the one named slow is on a slow disk. */
    static List<Path> write(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String name = i == 5 ? "slow-disk.txt" : "notes-" + i + ".txt";
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 100 * i; w++) {
                text.append(WORDS[(w * 31 + i) % WORDS.length]).append(w % 12 == 11 ? '\n' : ' ');
            }
            Path file = folder.resolve(name);
            Files.writeString(file, text);
            files.add(file);
        }
        return files;
    }

    /** Blocking: reads and counts, taking longer for bigger files, and far too long on the slow disk. */
    static int countWords(Path file) throws IOException, InterruptedException {
        String text = Files.readString(file);
        Thread.sleep(file.getFileName().toString().startsWith("slow") ? 5_000 : 40L + text.length() / 100);
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
