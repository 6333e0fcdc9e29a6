package dev.tinyio;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that suspends although the instrumenter cannot see it statically: an interface or abstract
 * method whose implementations call {@link Coro#yield()}, or a method that suspends through virtual dispatch.
 * Calls to it are instrumented to pass a suspension through.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Suspendable {
}
