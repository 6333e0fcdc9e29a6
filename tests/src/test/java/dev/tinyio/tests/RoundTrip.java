package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tinyio.ExceptionGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

/** Java serialization there and back, and what a throwable must still say once it is back. */
final class RoundTrip {
    private RoundTrip() {
    }

    /**
     * Serializes an object and reads it back.
     *
     * @param object the object
     * @param <T> its type
     * @return the copy read back
     * @throws IOException if it cannot be written or read
     * @throws ClassNotFoundException if a class of the stream cannot be found
     */
    @SuppressWarnings("unchecked")
    static <T> T of(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    /**
     * Asserts that a copy says all that its original said: the same class, message and stack trace, and the same
     * of its cause, its suppressed throwables and, for a group, its members, all the way down. Where a group's cause
     * or a suppressed throwable is one of its members, the copy's must be the copied member itself.
     *
     * @param original the throwable that was serialized
     * @param copy what was read back
     */
    static void assertSameContents(Throwable original, Throwable copy) {
        String where = original.toString();
        assertNotSame(original, copy, where);
        assertEquals(original.getClass(), copy.getClass(), where);
        assertEquals(original.getMessage(), copy.getMessage(), where);
        assertArrayEquals(original.getStackTrace(), copy.getStackTrace(), where);
        if (original.getCause() == null) {
            assertNull(copy.getCause(), where);
        } else {
            assertSameContents(original.getCause(), copy.getCause());
        }
        Throwable[] suppressed = original.getSuppressed();
        Throwable[] suppressedCopies = copy.getSuppressed();
        assertEquals(suppressed.length, suppressedCopies.length, where);
        for (int i = 0; i < suppressed.length; i++) {
            assertSameContents(suppressed[i], suppressedCopies[i]);
        }
        if (original instanceof ExceptionGroup group) {
            List<Throwable> members = group.exceptions();
            List<Throwable> memberCopies = ((ExceptionGroup) copy).exceptions();
            assertEquals(members.size(), memberCopies.size(), where);
            for (int i = 0; i < members.size(); i++) {
                assertSameContents(members.get(i), memberCopies.get(i));
            }
            // The group's cause and suppressed throwables are some of its members: so must the copy's be.
            for (int i = 0; i < members.size(); i++) {
                if (group.getCause() == members.get(i)) {
                    assertSame(memberCopies.get(i), copy.getCause(), where);
                }
                for (int j = 0; j < suppressed.length; j++) {
                    if (suppressed[j] == members.get(i)) {
                        assertSame(memberCopies.get(i), suppressedCopies[j], where);
                    }
                }
            }
        }
    }
}
