package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent jar as built: self-contained, its ASM relocated, and a manifest the JVM and module system accept. */
class AgentJarTest {
    private static final String AGENT = "dev.tinyio.agent.TinyioAgent";

    private JarFile jar;
    private List<String> entries;

    @BeforeEach
    void open() throws IOException {
        jar = new JarFile(System.getProperty("tinyio.agentJar"));
        entries = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
    }

    @AfterEach
    void close() throws IOException {
        jar.close();
    }

    @Test
    void the_manifest_names_the_agent_for_every_way_of_starting_it() throws IOException {
        Attributes main = jar.getManifest().getMainAttributes();
        assertEquals(AGENT, main.getValue("Premain-Class"));
        assertEquals(AGENT, main.getValue("Agent-Class"));
        // java -jar runs the command-line instrumenter, which needs no agent.
        assertNull(main.getValue("Launcher-Agent-Class"));
        assertEquals("dev.tinyio.cli.InstrumentCommand", main.getValue("Main-Class"));
        assertEquals("dev.tinyio.agent", main.getValue("Automatic-Module-Name"));
        assertEquals(System.getProperty("tinyio.version"), main.getValue("Implementation-Version"));
    }

    @Test
    void asm_is_inside_relocated_under_our_package_and_only_our_classes_are() {
        assertTrue(entries.contains("dev/tinyio/shaded/asm/ClassReader.class"));
        assertTrue(entries.contains("dev/tinyio/shaded/asm/tree/analysis/Analyzer.class"));
        for (String entry : entries) {
            if (entry.endsWith(".class")) {
                assertTrue(entry.startsWith("dev/tinyio/agent/") || entry.startsWith("dev/tinyio/instrument/")
                        || entry.startsWith("dev/tinyio/cli/") || entry.startsWith("dev/tinyio/shaded/"), entry);
            }
        }
    }

    @Test
    void the_runtime_is_not_inside_so_that_programs_and_the_agent_share_one_copy() {
        assertNull(jar.getEntry("dev/tinyio/Coro.class"));
        assertNull(jar.getEntry("dev/tinyio/internal/Suspension.class"));
    }

    @Test
    void no_signature_files_and_no_module_descriptor() {
        for (String entry : entries) {
            assertFalse(entry.endsWith("module-info.class"), entry);
            assertFalse(entry.startsWith("META-INF/") && entry.matches("[^/]*/[^/]*\\.(SF|DSA|RSA|EC)"), entry);
        }
    }

    @Test
    void every_class_it_refers_to_is_inside_or_in_the_jdk() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String entry : entries) {
            if (!entry.endsWith(".class")) {
                continue;
            }
            try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
                for (String referenced : referencedClasses(in)) {
                    String file = referenced + ".class";
                    if (jar.getEntry(file) == null && ClassLoader.getPlatformClassLoader().getResource(file) == null) {
                        missing.add(referenced + " (from " + entry + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void the_jar_is_where_the_build_put_it() {
        assertNotNull(jar.getEntry("dev/tinyio/agent/TinyioAgent.class"));
        assertTrue(jar.getName().endsWith("tinyio-agent-" + System.getProperty("tinyio.version") + "-all.jar"),
                jar.getName());
    }

    /** The classes a class file's constant pool names, array types reduced to their element class. */
    private static List<String> referencedClasses(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        in.skipNBytes(8); // magic and version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNames = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // eight-byte constants take two slots
                }
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        List<String> names = new ArrayList<>();
        for (int index : classNames) {
            String name = utf8[index].replaceFirst("^\\[+", "");
            if (name.startsWith("L") && name.endsWith(";")) {
                names.add(name.substring(1, name.length() - 1));
            } else if (name.length() > 1 || !utf8[index].startsWith("[")) {
                names.add(name);
            }
        }
        return names;
    }
}
