package dev.tinyio.internal.loop;

import dev.tinyio.Coro;
import dev.tinyio.internal.vocabulary.CoroState;
import dev.tinyio.internal.vocabulary.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a coroutine's yield asks of its run, answered: cede once, wait for one coroutine or a list of them, start a
 * set in the background, or make a wait. As in tinyio, a yield the loop may not answer cancels the yielder.
 */
final class YieldRequests {
    /** The coroutines the run knows. */
    private final RunCoroutines coroutines;
    /** The ready queue and what fills it. */
    private final WakeUps wakeUps;

    YieldRequests(RunCoroutines coroutines, WakeUps wakeUps) {
        this.coroutines = coroutines;
        this.wakeUps = wakeUps;
    }

    /** Answers what a coroutine yielded, in the step that yielded it. */
    void handle(Coro<?> coro, Step out) {
        if (out.requestIs(Step.Request.BARE)) {
            // The commonest request, answered before the switch, which reads a table of the enum's ordinals.
            wakeUps.enqueue(coro, null);
            return;
        }
        Object request = out.request;
        Step.Request kind = out.requestKind();
        if (request == null) {
            throw coroutines.cancel(coro, InvalidYields.ofNull());
        }
        switch (kind) {
            case ONE -> {
                Coro<?> awaited = (Coro<?>) request;
                checkYieldable(coro, awaited);
                awaitAlone(coro, awaited);
            }
            case LIST -> await(coro, (List<?>) request);
            case SET -> startInBackground(coro, (Set<?>) request);
            case WAIT -> register(coro, (Wait) request);
            default -> throw new IllegalStateException("A " + kind + " request must be answered within its step");
        }
    }

    /**
     * Makes one waiter for the coroutine over the members, in order; a member listed twice counts twice. Member by
     * member, as in tinyio: a member that may not be yielded fails the yielder with the members before it already
     * started and waited for, so that they are cancelled with the rest. An empty list cedes once.
     */
    private void await(Coro<?> coro, List<?> members) {
        if (members.isEmpty()) {
            wakeUps.enqueue(coro, new ArrayList<>(0));
            return;
        }
        Waiter waiter = new MembersWaiter(coro, members);
        WaitFields.waitingOn(coro, waiter);
        wakeUps.ensureRoomFor(members.size());
        int index = 0;
        for (Object member : members) {
            if (!(member instanceof Coro<?> awaited)) {
                throw coroutines.cancel(coro, InvalidYields.inList(members, index, member));
            }
            checkYieldable(coro, awaited);
            awaitMember(waiter, awaited);
            index++;
        }
    }

    /** Member by member, as in tinyio: those before one that may not be yielded are started all the same. */
    private void startInBackground(Coro<?> coro, Set<?> set) {
        for (Object member : set) {
            if (!(member instanceof Coro<?> background)) {
                throw coroutines.cancel(coro, InvalidYields.inSet(set, member));
            }
            checkYieldable(coro, background);
            if (CoroFields.state(background) == CoroState.NEW) {
                coroutines.activate(background);
                wakeUps.enqueue(background, null);
            }
        }
        wakeUps.enqueue(coro, null);
    }

    /**
     * The coroutine waits for one coroutine alone: registered as itself, with no waiter of its own, as that is the
     * commonest wait of all (every sleep and every event's await is one).
     */
    private void awaitAlone(Coro<?> coro, Coro<?> awaited) {
        switch (CoroFields.state(awaited)) {
            case DONE -> wakeUps.enqueue(coro, CoroFields.result(awaited));
            case ACTIVE -> {
                WaitFields.waitingAloneFor(coro, awaited);
                WaitFields.addWaitingAlone(awaited, coro);
            }
            default -> {
                coroutines.activate(awaited);
                wakeUps.enqueue(awaited, null);
                WaitFields.waitingAloneFor(coro, awaited);
                WaitFields.addWaitingAlone(awaited, coro);
            }
        }
    }

    /** Counts a waiter down for a finished member, or registers it, starting the member if it is new. */
    private void awaitMember(Waiter waiter, Coro<?> member) {
        switch (CoroFields.state(member)) {
            case DONE -> wakeUps.countDown(waiter);
            case ACTIVE -> WaitFields.addWaiter(member, waiter);
            default -> {
                coroutines.activate(member);
                wakeUps.enqueue(member, null);
                WaitFields.addWaiter(member, waiter);
            }
        }
    }

    /** The one step of a waiting coroutine made its wait: on its source (firing at once if set), and on the timers. */
    private void register(Coro<?> coro, Wait wait) {
        wait.registeredBy(coro, wakeUps);
        WaitFields.waitingOn(coro, wait);
        if (wait.source != null && wait.source.register(wait)) {
            wait.fireFromSource();
            return;
        }
        if (wait.timeoutNanos() != Wait.NO_TIMEOUT) {
            wakeUps.timers().arm(wait);
        }
    }

    /** A coroutine this loop has not seen, or one it finished: any other has no result to give here. */
    private void checkYieldable(Coro<?> yielder, Coro<?> awaited) {
        CoroState state = CoroFields.state(awaited);
        if (state != CoroState.NEW && (CoroFields.owner(awaited) != coroutines.loop() || state == CoroState.FAILED)) {
            throw coroutines.cancel(yielder, AlreadyStarted.message(coroutines.loop(), awaited));
        }
    }
}
