package dev.tinyio.internal;

import java.net.URL;
import java.security.CodeSource;
import java.util.Set;

/** Where a class was loaded from: the folder or jar a fix must be made in. */
final class Places {
    /** The names of a build's class folders for main and test code, side by side. */
    private static final Set<Set<String>> MAIN_AND_TEST = Set.of(Set.of("classes", "test-classes"),
            Set.of("main", "test"));

    private Places() {
    }

    /**
     * Whether two classes came from the same folder or jar, or from the two class folders of the same build: a
     * build's folders for main and test classes lie side by side, Maven's {@code target/classes} and {@code
     * target/test-classes}, Gradle's {@code build/classes/java/main} and {@code .../test}, and both belong to the
     * module.
     *
     * @param one a class, or {@code null}
     * @param other another class, or {@code null}
     * @return true if both came from the same place, or from the same build
     */
    static boolean together(Class<?> one, Class<?> other) {
        URL mine = location(one);
        URL theirs = location(other);
        if (mine == null || theirs == null) {
            return false;
        }
        return mine.equals(theirs) || isFolder(mine) && isFolder(theirs) && parent(mine).equals(parent(theirs))
                && MAIN_AND_TEST.contains(Set.of(name(one), name(other)));
    }

    /**
     * The folder or jar of a class, by its last name ({@code lib-1.0.jar}).
     *
     * @param type a class, or {@code null}
     * @return the name, or {@code null} if the class's origin is unknown
     */
    static String name(Class<?> type) {
        URL place = location(type);
        if (place == null) {
            return null;
        }
        String path = place.getPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isFolder(URL place) {
        return place.getProtocol().equals("file") && place.getPath().endsWith("/");
    }

    /** The folder a class folder lies in. */
    private static String parent(URL folder) {
        String path = folder.getPath().substring(0, folder.getPath().length() - 1);
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private static URL location(Class<?> type) {
        if (type == null) {
            return null;
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
