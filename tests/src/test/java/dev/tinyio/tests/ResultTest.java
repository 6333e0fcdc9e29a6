package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Result;
import dev.tinyio.Tinyio;
import dev.tinyio.TimeoutError;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Result}'s accessors: the value, or the failure rethrown as it is, or a fallback. */
class ResultTest {
    @Test
    void get_or_throw_returns_the_value_of_a_success() {
        assertEquals("value", new Result<>("value", null).getOrThrow());
        assertNull(new Result<>(null, null).getOrThrow());
    }

    @Test
    void get_or_throw_rethrows_the_failure_itself_checked_exceptions_included() {
        IOException checked = new IOException("disk");
        assertSame(checked, assertThrows(IOException.class, () -> new Result<>(null, checked).getOrThrow()));
        TimeoutError error = new TimeoutError("late");
        assertSame(error, assertThrows(TimeoutError.class, () -> new Result<>(null, error).getOrThrow()));
    }

    @Test
    void or_else_gives_the_value_or_the_fallback() {
        assertEquals("value", new Result<>("value", null).orElse("fallback"));
        assertNull(new Result<String>(null, null).orElse("fallback"));
        assertEquals("fallback", new Result<String>(null, new IOException("disk")).orElse("fallback"));
    }

    @Test
    void an_isolates_failure_rethrown_from_inside_a_coroutine_fails_the_loop_with_it() {
        IllegalStateException inner = new IllegalStateException("inner");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new Loop().run(Coro.of(() ->
                Coro.yield(Tinyio.isolate(Coro.of(() -> {
                    throw inner;
                }))).getOrThrow())));
        assertSame(inner, thrown);
    }

    @Test
    void a_timed_out_result_falls_back() {
        String out = new Loop().run(Coro.of(() -> Coro.yield(Tinyio.timeout(Coro.of(() -> {
            Coro.yield(Tinyio.sleep(Duration.ofSeconds(30)));
            return "slow";
        }), Duration.ZERO)).orElse("fallback")));
        assertEquals("fallback", out);
    }
}
