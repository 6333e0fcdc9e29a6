package dev.tinyio.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.TraceClassVisitor;

/** Writes an instrumented class, and its text form for reading, under a folder: the agent's dump option. */
final class ClassDump {
    private static final System.Logger LOG = System.getLogger("dev.tinyio.agent");

    private ClassDump() {
    }

    /**
     * Writes {@code <folder>/<internal name>.class} and {@code .txt}. A failure to write is logged, never thrown:
     * dumping is for diagnosis and must not change what the program does.
     *
     * @param folder where to write
     * @param internalName the class's internal name
     * @param bytes its instrumented class file
     */
    static void write(Path folder, String internalName, byte[] bytes) {
        try {
            Path classFile = folder.resolve(internalName + ".class");
            Files.createDirectories(classFile.getParent());
            Files.write(classFile, bytes);
            StringWriter text = new StringWriter();
            new ClassReader(bytes).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
            Files.writeString(folder.resolve(internalName + ".txt"), text.toString());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "tinyio could not dump " + internalName + " to " + folder, e);
        }
    }
}
