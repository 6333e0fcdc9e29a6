package dev.tinyio.instrument.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

class ClassScanTest {
    /** Bytes after the constant pool that would read as a Utf8 entry naming the package, to a scan that overran. */
    private static final byte[] NAME_AFTER_THE_POOL = concat(new byte[] {1, 0, 11}, ascii("dev/tinyio/"));

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static boolean scan(String text) {
        return ClassScan.mentionsTinyio(ascii(text));
    }

    private static boolean scanPool(String... utf8Entries) {
        HandMadeClassFile file = new HandMadeClassFile();
        for (String entry : utf8Entries) {
            file.utf8(entry);
        }
        return ClassScan.mentionsTinyio(file.bytes());
    }

    @Test
    void finds_the_package_at_either_end_of_an_entry() {
        assertTrue(scanPool("dev/tinyio/Coro"));
        assertTrue(scanPool("(I)Ldev/tinyio/"));
        assertTrue(scanPool("dev/tinyio/"));
        assertTrue(scanPool("java/lang/Object", "run", "(Ldev/tinyio/Coro;)V"));
        assertTrue(scanPool("ddev/dev/tinyio/"));
    }

    @Test
    void finds_nothing_in_near_misses() {
        assertFalse(scanPool());
        assertFalse(scanPool("dev/tinyio", "dev/tinyi/o", "Ldev/tinyiox/Coro;", "dev.tinyio.Coro", "", "d"));
    }

    @Test
    void a_name_that_starts_in_the_length_of_an_entry_is_no_mention() {
        // Tags are never letters or slashes, so the whole-file search can find the name across entries only here:
        // an entry 0x6465 bytes long has "de" for its length, and its text may go on with the rest of the name.
        String text = "v/tinyio/" + "x".repeat(0x6465 - "v/tinyio/".length());
        byte[] file = new HandMadeClassFile().utf8(text).bytes();

        assertFalse(ClassScan.mentionsTinyio(file));
        assertTrue(WholeFileSearch.mentionsTinyio(file), "the whole-file search finds one here");
    }

    @Test
    void reads_nothing_after_the_pool() {
        byte[] file = new HandMadeClassFile().utf8("plain").followedBy(NAME_AFTER_THE_POOL);

        assertFalse(ClassScan.mentionsTinyio(file));
    }

    @Test
    void eight_byte_constants_take_two_slots() {
        assertFalse(ClassScan.mentionsTinyio(new HandMadeClassFile().longConstant(-1).utf8("plain")
                .followedBy(NAME_AFTER_THE_POOL)));
        assertFalse(ClassScan.mentionsTinyio(new HandMadeClassFile().doubleConstant(Math.PI)
                .followedBy(NAME_AFTER_THE_POOL)));
        assertTrue(ClassScan.mentionsTinyio(new HandMadeClassFile().longConstant(1).doubleConstant(2)
                .utf8("Ldev/tinyio/Coro;").bytes()));
    }

    @Test
    void steps_over_every_other_kind_of_entry() {
        HandMadeClassFile file = new HandMadeClassFile()
                .entry(7, 0, 1).entry(8, 0, 1).entry(16, 0, 1).entry(19, 0, 1).entry(20, 0, 1)
                .entry(3, 1, 2, 3, 4).entry(4, 1, 2, 3, 4).entry(9, 0, 1, 0, 2).entry(10, 0, 1, 0, 2)
                .entry(11, 0, 1, 0, 2).entry(12, 0, 1, 0, 2).entry(17, 0, 0, 0, 2).entry(18, 0, 0, 0, 2)
                .entry(15, 6, 0, 1);

        assertFalse(ClassScan.mentionsTinyio(file.utf8("plain").followedBy(NAME_AFTER_THE_POOL)));
        assertTrue(ClassScan.mentionsTinyio(file.utf8("dev/tinyio/Suspendable").bytes()));
    }

    @Test
    void a_malformed_pool_is_searched_whole_as_before() {
        HandMadeClassFile unknownTag = new HandMadeClassFile().utf8("plain").entry(2, 0, 0);
        HandMadeClassFile entryPastTheEnd = new HandMadeClassFile().entry(1, 0xFF, 0xFF);

        assertTrue(ClassScan.mentionsTinyio(unknownTag.followedBy(NAME_AFTER_THE_POOL)));
        assertFalse(ClassScan.mentionsTinyio(unknownTag.bytes()));
        assertTrue(ClassScan.mentionsTinyio(entryPastTheEnd.followedBy(ascii("dev/tinyio/"))));
        assertFalse(ClassScan.mentionsTinyio(entryPastTheEnd.followedBy(ascii("dev/tinyio"))));
    }

    @Test
    void a_class_file_cut_short_anywhere_is_answered_without_throwing() throws IOException {
        byte[] whole;
        try (InputStream in = ClassScan.class.getResourceAsStream("ClassScan.class")) {
            whole = in.readAllBytes();
        }
        int poolEnd = new ClassReader(whole).header;

        for (int length = 0; length <= whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            boolean expected = length < poolEnd ? WholeFileSearch.mentionsTinyio(cut) : true;
            assertEquals(expected, ClassScan.mentionsTinyio(cut), "cut to " + length + " bytes");
        }
    }

    @Test
    void bytes_that_are_no_class_file_are_searched_whole() {
        assertFalse(ClassScan.mentionsTinyio(new byte[0]));
        assertFalse(ClassScan.mentionsTinyio(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}));
        assertFalse(scan(""));
        assertTrue(scan("dev/tinyio/"));
        assertTrue(scan("xxLdev/tinyio/Coro;"));
        assertTrue(scan("\u00ca\u00fe\u00ba\u00be......dev/tinyio/internal/Suspension"));
        assertFalse(scan("Ldev/tinyiox/Coro; dev.tinyio.Coro dev/tinyio"));
    }
}
