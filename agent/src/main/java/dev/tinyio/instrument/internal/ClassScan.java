package dev.tinyio.instrument.internal;

/**
 * The cheap first look at a class file: whether it mentions the library at all. Every name a class file holds
 * (classes, descriptors, signatures, annotation types) is a {@code CONSTANT_Utf8} entry of its constant pool, so
 * only those entries are searched, and code and attributes, most of the file, are never read.
 */
public final class ClassScan {
    private static final int MAGIC = 0xCAFEBABE;
    /** Where the constant pool starts: after the magic number, the version and the pool's count. */
    private static final int POOL_START = 10;
    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    /** Each tag's entry size in bytes, tag included, by JVMS 4.4; 0 for a tag that does not exist. */
    private static final int[] ENTRY_SIZE = entrySizes();

    private ClassScan() {
    }

    /**
     * Whether the class file's constant pool names the library's package. A class whose pool does not can
     * neither call {@code Coro.yield} nor carry {@code @Suspendable}. Bytes that are not a class file, or whose
     * constant pool is malformed or cut short, are searched whole instead, as they always were: callers see the
     * same answer for them as before, and the JVM rejects them in any case.
     *
     * @param classFile the class file
     * @return false if the class certainly has nothing to instrument
     */
    public static boolean mentionsTinyio(byte[] classFile) {
        int length = classFile.length;
        if (length < POOL_START || readInt(classFile, 0) != MAGIC) {
            return PackageNameSearch.occursIn(classFile, 0, length);
        }
        int count = readUnsignedShort(classFile, POOL_START - 2);
        int offset = POOL_START;
        for (int index = 1; index < count; index++) {
            if (offset >= length) {
                return PackageNameSearch.occursIn(classFile, 0, length);
            }
            int tag = classFile[offset] & 0xFF;
            if (tag == UTF8) {
                if (offset + 3 > length) {
                    return PackageNameSearch.occursIn(classFile, 0, length);
                }
                int start = offset + 3;
                int end = start + readUnsignedShort(classFile, offset + 1);
                if (end > length) {
                    return PackageNameSearch.occursIn(classFile, 0, length);
                }
                // Most entries are short member names, shorter than the package name alone.
                if (end - start >= PackageNameSearch.PACKAGE.length
                        && PackageNameSearch.occursIn(classFile, start, end)) {
                    return true;
                }
                offset = end;
            } else {
                int size = ENTRY_SIZE[tag];
                if (size == 0) {
                    return PackageNameSearch.occursIn(classFile, 0, length);
                }
                offset += size;
                if (tag == LONG || tag == DOUBLE) {
                    // An eight-byte constant takes two slots of the pool's count.
                    index++;
                }
            }
        }
        // The last entry may run past the end of a file cut short.
        return offset > length && PackageNameSearch.occursIn(classFile, 0, length);
    }

    private static int readUnsignedShort(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }

    private static int readInt(byte[] bytes, int offset) {
        return readUnsignedShort(bytes, offset) << 16 | readUnsignedShort(bytes, offset + 2);
    }

    private static int[] entrySizes() {
        int[] sizes = new int[256];
        // Class, String, MethodType, Module, Package: one index.
        for (int tag : new int[] {7, 8, 16, 19, 20}) {
            sizes[tag] = 3;
        }
        // Integer, Float, Fieldref, Methodref, InterfaceMethodref, NameAndType, Dynamic, InvokeDynamic.
        for (int tag : new int[] {3, 4, 9, 10, 11, 12, 17, 18}) {
            sizes[tag] = 5;
        }
        // MethodHandle: a kind and an index.
        sizes[15] = 4;
        sizes[LONG] = 9;
        sizes[DOUBLE] = 9;
        return sizes;
    }
}
