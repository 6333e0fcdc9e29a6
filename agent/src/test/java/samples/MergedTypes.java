package samples;

import dev.tinyio.Coro;

/** A local whose type is the merge of two classes, live across a call that suspends: its frames need their supertypes. */
public class MergedTypes {
    public static class Base {
        public int val() {
            return 1;
        }
    }

    public static class Sub extends Base {
        @Override
        public int val() {
            return 2;
        }
    }

    static void pause() {
        Coro.yield();
    }

    static int merged(boolean first, Sub sub, Base base) {
        Base either = first ? sub : base;
        pause();
        return either.val();
    }
}
