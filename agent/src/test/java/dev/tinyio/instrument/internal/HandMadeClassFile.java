package dev.tinyio.instrument.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The start of a class file made byte by byte: its header and constant pool, and any bytes after the pool. */
final class HandMadeClassFile {
    private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(pool);
    /** The pool's count: one more than the slots taken, as slot 0 is never used. */
    private int count = 1;

    HandMadeClassFile utf8(String text) {
        return entry(1, () -> out.writeUTF(text));
    }

    HandMadeClassFile longConstant(long value) {
        count++;
        return entry(5, () -> out.writeLong(value));
    }

    HandMadeClassFile doubleConstant(double value) {
        count++;
        return entry(6, () -> out.writeDouble(value));
    }

    /** An entry of any other tag, with its bytes after the tag. */
    HandMadeClassFile entry(int tag, int... bytes) {
        return entry(tag, () -> {
            for (int b : bytes) {
                out.writeByte(b);
            }
        });
    }

    /** The class file: this pool, followed by some bytes (where the access flags and the rest would be). */
    byte[] followedBy(byte[] rest) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (DataOutputStream header = new DataOutputStream(file)) {
            header.writeInt(0xCAFEBABE);
            header.writeShort(0);
            header.writeShort(61);
            header.writeShort(count);
            header.write(pool.toByteArray());
            header.write(rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toByteArray();
    }

    /** The class file, with the bytes of an empty class after the pool. */
    byte[] bytes() {
        return followedBy(new byte[10]);
    }

    private HandMadeClassFile entry(int tag, Write body) {
        try {
            out.writeByte(tag);
            body.write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        count++;
        return this;
    }

    private interface Write {
        void write() throws IOException;
    }
}
