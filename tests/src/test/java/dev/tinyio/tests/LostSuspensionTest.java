package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.NotInstrumentedError;
import org.junit.jupiter.api.Test;

/**
 * A suspension whose frame could not be saved, because the stack overflowed while saving it, and whose coroutine
 * caught the error and returned: the run fails with an error that says the suspension was lost, never with the
 * value the coroutine made up.
 */
class LostSuspensionTest {
    private static int slackLeft;
    private static boolean yielded;

    /** Recurses until the stack overflows, then yields that many frames short of the end. */
    static int dive(int depth) {
        try {
            return dive(depth + 1);
        } catch (StackOverflowError e) {
            if (yielded || slackLeft-- > 0) {
                throw e;
            }
            yielded = true;
            Coro.yield();
            return depth;
        }
    }

    @Test
    void a_suspension_lost_to_a_stack_overflow_that_the_coroutine_caught_fails_the_run_by_name() {
        // How much stack saving a frame takes varies with the JIT and the agents: try ever more room, until the
        // yield fits and the saving does not.
        for (int slack = 0; slack < 5_000; slack++) {
            slackLeft = slack;
            yielded = false;
            Coro.Body<Integer> body = () -> {
                try {
                    return dive(0);
                } catch (StackOverflowError swallowed) {
                    return -1;
                }
            };
            NotInstrumentedError lost = null;
            try {
                new Loop().run(Coro.of(body));
            } catch (NotInstrumentedError e) {
                lost = e;
            }
            if (lost != null) {
                assertEquals("A suspension of " + body.getClass().getName() + " was lost: saving its frame failed, "
                        + "and the error was caught, so the code carried on and returned instead of suspending",
                        lost.getMessage(), "slack " + slack);
                return;
            }
        }
        assertNotNull(null, "no room left on the stack lost the suspension");
    }
}
