package dev.tinyio.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A class of the tests loaded as if it came from a dependency's jar: copied into a jar of its own and defined by a
 * loader that looks there first. The agent leaves classes in jars alone unless they name tinyio or include=
 * names them, so the copy runs as the compiler wrote it.
 */
final class LibraryJar {
    private LibraryJar() {
    }

    /**
     * Loads a fresh copy of a class from a new jar in a folder.
     *
     * @param type the class to copy
     * @param folder where to write the jar
     * @return the copy
     */
    static Class<?> load(Class<?> type, Path folder) {
        String entry = type.getName().replace('.', '/') + ".class";
        Path jar = folder.resolve("library.jar");
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new ChildFirst(jar.toUri().toURL(), type).loadClass(type.getName());
        } catch (MalformedURLException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Defines the one class from the jar itself; everything else from the tests' loader. */
    private static final class ChildFirst extends URLClassLoader {
        private final String name;

        ChildFirst(URL jar, Class<?> type) {
            super(new URL[] {jar}, type.getClassLoader());
            this.name = type.getName();
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> loaded = findLoadedClass(className);
                return loaded != null ? loaded : findClass(className);
            }
        }
    }
}
