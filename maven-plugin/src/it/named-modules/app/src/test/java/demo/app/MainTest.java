package demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import demo.lib.Steps;
import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void the_coroutines_take_turns_across_the_modules() {
        Steps.log().clear();
        assertEquals(List.of(3, 30), Main.run());
        assertEquals(List.of("a1", "t1", "a2", "t2"), Steps.log());
    }

    @Test
    void a_test_suspends_too() {
        Steps.log().clear();
        int sum = new Loop().run(Coro.of(() -> Helper.twoSteps("x") + Steps.step("y", 10)));
        assertEquals(13, sum);
        assertEquals("demo.app", getClass().getModule().getName());
    }
}
