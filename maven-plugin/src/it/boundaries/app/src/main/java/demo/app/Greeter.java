package demo.app;

import java.util.Locale;

interface Greeter {
    String name();

    default String greet() {
        return "hello " + name();
    }

    static String shout(Greeter greeter) {
        return greeter.greet().toUpperCase(Locale.ROOT) + "!";
    }
}
