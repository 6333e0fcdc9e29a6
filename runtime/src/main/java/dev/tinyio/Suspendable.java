package dev.tinyio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that may suspend where the analysis of its own program cannot see it: chiefly a library method
 * that calls back into code its users write (a task runner, a {@code retry(Supplier)} helper), or the interface
 * method it calls back through. Within one program (the module the build plugin instruments, the class folders the
 * agent analyses) no mark is needed: calls through interfaces, superclasses, lambdas and method references suspend
 * wherever an implementation may.
 *
 * <p>A marked method is instrumented, and so are its calls through interfaces and through classes outside the
 * platform, and its calls of the platform's functional interfaces ({@code Supplier.get}, {@code Function.apply},
 * ...): the mark works whatever the method calls back through. Calls to a marked method suspend through it. It has
 * no effect on constructors, static initialisers and {@code synchronized} methods, which never suspend.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Suspendable {
}
