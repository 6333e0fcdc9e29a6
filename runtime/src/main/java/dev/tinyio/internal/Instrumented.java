package dev.tinyio.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the instrumenter has rewritten, so that a second pass leaves it alone, and lists its
 * instrumented methods, so that a stack walk can tell which frames can suspend.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Instrumented {
    /**
     * The instrumented methods.
     *
     * @return each as its name followed directly by its descriptor
     */
    String[] value();
}
