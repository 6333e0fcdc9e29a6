package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed accessors of the two fields of a coroutine's record that say who waits for whom: what it is suspended
 * on, and the registrations of those waiting for it (see {@link CoroFields} for the rest of the record).
 *
 * <p>A coroutine waiting for one other coroutine alone, the commonest wait ({@code Coro.yield(coro)}, and every
 * sleep and event's await, whose waits are coroutines), has no {@link Waiter}: it is suspended on that coroutine,
 * and its registration on it is itself. Every other wait is a {@link Waiter}, both what the coroutine is suspended
 * on and its registration. So a registration is a waiter or a waiting coroutine, and what a coroutine is suspended
 * on a waiter or an awaited coroutine; this class is the only code that tells them apart.
 */
final class WaitFields {
    private static final VarHandle WAITERS;
    private static final VarHandle WAITING_ON;

    static {
        try {
            MethodHandles.Lookup coro = MethodHandles.privateLookupIn(Coro.class, MethodHandles.lookup());
            WAITERS = coro.findVarHandle(Coro.class, "waiters", Object.class);
            WAITING_ON = coro.findVarHandle(Coro.class, "waitingOn", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private WaitFields() {
    }

    /** What is told of each registration on a coroutine that finished, in registration order. */
    interface Registrations {
        /**
         * A waiter registered on it.
         *
         * @param waiter the waiter
         */
        void countDown(Waiter waiter);

        /**
         * A coroutine that registered as waiting for it alone.
         *
         * @param waiting the waiting coroutine, which may have stopped waiting for it since
         * @param finished the coroutine that finished
         */
        void awaitedAloneFinished(Coro<?> waiting, Coro<?> finished);
    }

    /** It is suspended on a waiter, which alone may wake it. */
    static void waitingOn(Coro<?> coro, Waiter waiter) {
        WAITING_ON.set(coro, (Object) waiter);
    }

    /** Whether it is suspended on that waiter, which may then wake it. */
    static boolean waitsOn(Coro<?> coro, Waiter waiter) {
        return (Object) WAITING_ON.get(coro) == waiter;
    }

    /** It is suspended waiting for one coroutine alone, which alone may wake it by finishing. */
    static void waitingAloneFor(Coro<?> coro, Coro<?> awaited) {
        WAITING_ON.set(coro, (Object) awaited);
    }

    /** Whether it waits for that coroutine alone, so that its finishing wakes it. */
    static boolean waitsAloneFor(Coro<?> coro, Coro<?> awaited) {
        return (Object) WAITING_ON.get(coro) == awaited;
    }

    /** It no longer waits: woken, or no longer active. */
    static void notWaiting(Coro<?> coro) {
        WAITING_ON.set(coro, (Object) null);
    }

    /**
     * The coroutines it waits for, each once: none for a wait of its own (a sleep's, say); {@code null} when not
     * waiting.
     */
    static List<Coro<?>> awaitedBy(Coro<?> coro) {
        Object waitingOn = (Object) WAITING_ON.get(coro);
        if (waitingOn instanceof Coro<?> awaited) {
            List<Coro<?>> alone = new ArrayList<>(1);
            alone.add(awaited);
            return alone;
        }
        return waitingOn == null ? null : ((Waiter) waitingOn).awaitedCoroutines();
    }

    /**
     * The registration it made on each coroutine it waits for: its waiter, or itself when it waits for one
     * alone; {@code null} when not waiting.
     */
    static Object registration(Coro<?> coro) {
        Object waitingOn = (Object) WAITING_ON.get(coro);
        return waitingOn instanceof Coro<?> ? coro : waitingOn;
    }

    /** Registers a waiter on it. */
    static void addWaiter(Coro<?> coro, Waiter waiter) {
        addRegistration(coro, waiter);
    }

    /** Registers a coroutine that waits for it alone. */
    static void addWaitingAlone(Coro<?> coro, Coro<?> waiting) {
        addRegistration(coro, waiting);
    }

    /**
     * Its registrations are {@code null}, the one registration most coroutines have, or an {@link ArrayList} of
     * them in registration order.
     */
    private static void addRegistration(Coro<?> coro, Object registration) {
        Object registrations = (Object) WAITERS.get(coro);
        if (registrations == null) {
            WAITERS.set(coro, registration);
        } else if (registrations instanceof List<?> list) {
            registrationList(list).add(registration);
        } else {
            List<Object> both = new ArrayList<>(4);
            both.add(registrations);
            both.add(registration);
            WAITERS.set(coro, (Object) both);
        }
    }

    /** Its registrations, in registration order, as a list of their own. */
    private static List<Object> registrations(Coro<?> coro) {
        Object registrations = (Object) WAITERS.get(coro);
        if (registrations == null) {
            return new ArrayList<>(0);
        }
        if (registrations instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        List<Object> single = new ArrayList<>(1);
        single.add(registrations);
        return single;
    }

    /** Whether nothing is registered on it. */
    static boolean hasNoRegistrations(Coro<?> coro) {
        return (Object) WAITERS.get(coro) == null;
    }

    /** The coroutines registered as waiting for it, in registration order, once per registration. */
    static List<Coro<?>> waitingFor(Coro<?> coro) {
        List<Coro<?>> waiting = new ArrayList<>();
        for (Object registration : registrations(coro)) {
            waiting.add(registration instanceof Waiter waiter ? waiter.coro : (Coro<?>) registration);
        }
        return waiting;
    }

    /** The coroutines that wait for it still, through a registration on it: its finishing would wake them. */
    static List<Coro<?>> stillWaitingFor(Coro<?> coro) {
        List<Coro<?>> waiting = new ArrayList<>();
        for (Object registration : registrations(coro)) {
            Coro<?> registered = registration instanceof Waiter waiter ? waiter.coro : (Coro<?>) registration;
            if ((Object) WAITING_ON.get(registered) == (registration instanceof Waiter ? registration : coro)) {
                waiting.add(registered);
            }
        }
        return waiting;
    }

    /** Drops every occurrence of a registration, as {@link #registration} gives it. */
    static void removeRegistration(Coro<?> coro, Object registration) {
        List<Object> kept = registrations(coro);
        kept.removeIf(registered -> registered == registration);
        WAITERS.set(coro, (Object) null);
        for (Object each : kept) {
            addRegistration(coro, each);
        }
    }

    /** Takes its registrations away, and tells each, in registration order: it finished. */
    static void drainRegistrations(Coro<?> coro, Registrations each) {
        Object registrations = (Object) WAITERS.get(coro);
        if (registrations == null) {
            return;
        }
        WAITERS.set(coro, (Object) null);
        if (registrations instanceof List<?> list) {
            for (Object registration : list) {
                tell(each, registration, coro);
            }
        } else {
            tell(each, registrations, coro);
        }
    }

    private static void tell(Registrations each, Object registration, Coro<?> finished) {
        if (registration instanceof Coro<?> waiting) {
            each.awaitedAloneFinished(waiting, finished);
        } else {
            each.countDown((Waiter) registration);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> registrationList(List<?> registrations) {
        return (List<Object>) registrations;
    }
}
