package dev.tinyio.instrument.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassScanTest {
    private static boolean scan(String text) {
        return ClassScan.mentionsTinyio(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void finds_the_package_anywhere() {
        assertTrue(scan("dev/tinyio/"));
        assertTrue(scan("xxLdev/tinyio/Coro;"));
        assertTrue(scan("\u00ca\u00fe\u00ba\u00be......dev/tinyio/internal/Suspension"));
        assertTrue(scan("ddev/dev/tinyio/"));
    }

    @Test
    void finds_nothing_in_near_misses() {
        assertFalse(scan(""));
        assertFalse(scan("dev/tinyio"));
        assertFalse(scan("dev/tinyi/o"));
        assertFalse(scan("Ldev/tinyiox/Coro; dev.tinyio.Coro dev/tinyio"));
    }

    @Test
    void finds_the_package_at_every_offset_from_start_to_end() {
        // The search looks at one pair of bytes in ten: the name must be found wherever it falls between them.
        for (int before = 0; before <= 30; before++) {
            for (int after = 0; after <= 12; after++) {
                String text = "x".repeat(before) + "dev/tinyio/" + "x".repeat(after);
                assertTrue(scan(text), text);
                assertFalse(scan(text.replace("/tinyio/", "/tinyio.")), text);
            }
        }
    }

    @Test
    void finds_nothing_in_a_name_cut_by_the_end() {
        for (int before = 0; before <= 12; before++) {
            assertFalse(scan("x".repeat(before) + "dev/tinyio"));
        }
    }

    @Test
    void finds_the_package_where_its_own_letters_crowd_around_it() {
        assertTrue(scan("dedededevdev/dev/tidev/tinyiodev/tinyio/"));
        assertFalse(scan("io/io/io/yiyiyinynytititi/t/tv/v/evevdedeo/o/"));
    }

    @Test
    void agrees_with_a_search_at_every_position_on_text_made_of_the_name_s_letters() {
        Random random = new Random(20_26);
        byte[] letters = "dev/tinyio/x".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 100_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = letters[random.nextInt(letters.length)];
            }
            assertEquals(WholeFileSearch.mentionsTinyio(bytes), ClassScan.mentionsTinyio(bytes),
                    new String(bytes, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void a_class_file_cut_short_anywhere_is_answered_without_throwing() throws IOException {
        byte[] whole;
        try (InputStream in = ClassScan.class.getResourceAsStream("ClassScan.class")) {
            whole = in.readAllBytes();
        }

        for (int length = 0; length <= whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertEquals(WholeFileSearch.mentionsTinyio(cut), ClassScan.mentionsTinyio(cut), "cut to " + length);
        }
        assertTrue(ClassScan.mentionsTinyio(whole));
        assertFalse(ClassScan.mentionsTinyio(new byte[0]));
        assertFalse(ClassScan.mentionsTinyio(new byte[] {'d'}));
    }
}
