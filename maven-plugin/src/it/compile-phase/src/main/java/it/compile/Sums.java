package it.compile;

/** Never names the library: it suspends only through Pause. */
final class Sums {
    private Sums() {
    }

    static int slowSum(int a, int b) {
        return Pause.pause(a) + Pause.pause(b);
    }
}
