package samples;

import dev.tinyio.Coro;
import dev.tinyio.Loop;

/** try/catch/finally around suspensions, an exception from a re-entered helper caught by its caller, and a yield in a finally. */
public final class Handlers {
    private Handlers() {
    }

    /** Throws after it has been suspended and re-entered, into its caller's frame. */
    static int failing(String message) {
        Coro.yield();
        throw new IllegalStateException(message);
    }

    public static String run() {
        StringBuilder log = new StringBuilder();
        String result = new Loop().run(Coro.of(() -> {
            try {
                log.append("try;");
                Coro.yield();
                try {
                    failing("boom");
                    log.append("not here;");
                } catch (IllegalStateException e) {
                    log.append("caught ").append(e.getMessage()).append(';');
                    Coro.yield();
                    log.append("after yield in catch;");
                }
            } finally {
                log.append("finally;");
                Coro.yield();
                log.append("after yield in finally;");
            }
            return "done";
        }));
        return log + result;
    }
}
