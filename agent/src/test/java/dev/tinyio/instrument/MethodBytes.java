package dev.tinyio.instrument;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Reads the raw bytes of each method's attributes straight from a class file, to compare them exactly. */
final class MethodBytes {
    private MethodBytes() {
    }

    /** Each method's attributes as raw bytes (Code included, frames and line numbers inside it), by name + descriptor. */
    static Map<String, byte[]> of(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            String[] utf8 = readConstantPool(in);
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.skipBytes(2 * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipBytes(6);
                skipAttributes(in);
            }
            Map<String, byte[]> methods = new HashMap<>();
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                in.readUnsignedShort();
                String name = utf8[in.readUnsignedShort()];
                String descriptor = utf8[in.readUnsignedShort()];
                int attributes = in.readUnsignedShort();
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
                for (int a = 0; a < attributes; a++) {
                    raw.writeBytes(utf8[in.readUnsignedShort()].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] body = new byte[in.readInt()];
                    in.readFully(body);
                    raw.writeBytes(body);
                }
                methods.put(name + descriptor, raw.toByteArray());
            }
            return methods;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                default -> throw new IllegalArgumentException("Unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }
}
