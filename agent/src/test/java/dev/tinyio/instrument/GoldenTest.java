package dev.tinyio.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;
import org.objectweb.asm.util.TraceMethodVisitor;
import samples.Helpers;
import samples.Monitors;
import samples.serial.Ledger;

/**
 * Golden text of a rewritten method and its re-entry copy, reviewed in diffs when the instrumenter changes.
 * Regenerate with {@code -Dtinyio.golden.update=true} and read the diff before committing it.
 */
class GoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void a_helper_that_yields_is_rewritten_as_reviewed() throws IOException {
        byte[] bytes = new Instrumenter(ClassSource.of(getClass().getClassLoader()))
                .instrument(InstrumentingLoader.original(Helpers.class.getName()));
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        StringBuilder text = new StringBuilder();
        for (MethodNode method : node.methods) {
            if (method.name.equals("twice")) {
                text.append(method.name).append(method.desc).append('\n').append(textOf(method)).append('\n');
            }
        }
        compare("Helpers.twice.txt", text.toString());
    }

    @Test
    void the_contract_check_and_the_marker_are_as_reviewed() throws IOException {
        // An initialiser made for the class; one made for a serializable class, with its value pinned; and the
        // class's own initialiser, with the check in front.
        for (Class<?> sample : List.of(Helpers.class, Ledger.class, Monitors.class)) {
            byte[] original = InstrumentingLoader.original(sample.getName());
            byte[] bytes = new Instrumenter(ClassSource.of(getClass().getClassLoader())).instrument(original);
            compare(sample.getSimpleName() + ".initialiser.txt",
                    withoutLambdaNumbers(contractPartsOf(read(original), read(bytes))));
        }
    }

    /** The class header, the marker, the fields instrumenting added and the static initialiser, as text. */
    private static String contractPartsOf(ClassNode before, ClassNode after) {
        ClassNode parts = new ClassNode();
        parts.visit(after.version, after.access, after.name, after.signature, after.superName,
                after.interfaces.toArray(new String[0]));
        parts.visibleAnnotations = after.visibleAnnotations;
        List<String> compiledFields = before.fields.stream().map(field -> field.name).toList();
        parts.fields = after.fields.stream().filter(field -> !compiledFields.contains(field.name)).toList();
        parts.methods = after.methods.stream().filter(method -> method.name.equals("<clinit>")).toList();
        StringWriter out = new StringWriter();
        parts.accept(new TraceClassVisitor(new PrintWriter(out)));
        return out.toString();
    }

    /** The text with each lambda's number left out: javac numbers them differently from one release to the next. */
    private static String withoutLambdaNumbers(String text) {
        return text.replaceAll("(lambda\\$[\\w$]*?\\$)\\d+", "$1n");
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static String textOf(MethodNode method) {
        Textifier textifier = new Textifier();
        method.accept(new TraceMethodVisitor(textifier));
        StringWriter out = new StringWriter();
        textifier.print(new PrintWriter(out));
        return out.toString();
    }

    private static void compare(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("tinyio.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "golden text of " + name
                + " (regenerate with -Dtinyio.golden.update=true and review the diff)");
    }
}
