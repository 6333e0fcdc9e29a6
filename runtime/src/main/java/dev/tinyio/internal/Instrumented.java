package dev.tinyio.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the instrumenter has rewritten, so that a second pass leaves it alone, lists its instrumented
 * methods, so that a stack walk can tell which frames can suspend, and records the {@link Contract} version it was
 * instrumented for.
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

    /**
     * The version of the {@link Contract} the class was instrumented for.
     *
     * @return the version; 0 for a class instrumented before versions were recorded
     */
    int contract() default 0;
}
