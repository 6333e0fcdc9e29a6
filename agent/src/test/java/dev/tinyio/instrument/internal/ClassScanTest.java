package dev.tinyio.instrument.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
}
