package dev.tinyio;

import java.util.ArrayList;
import java.util.List;

/**
 * Several errors at once: the original failure of a loop first, then what happened while cancelling the rest.
 * Each member is also attached as suppressed, so a plain stack trace print shows all of them.
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The members, in order; an {@link ArrayList} so that the group stays serializable. */
    private final ArrayList<Throwable> exceptions;

    /**
     * A group of errors.
     *
     * @param message what the group stands for
     * @param exceptions the members, the original error first; not empty
     */
    // addSuppressed is final in Throwable, so no subclass can observe the half-built group.
    @SuppressWarnings("this-escape")
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message, exceptions.isEmpty() ? null : exceptions.get(0));
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("An ExceptionGroup needs at least one exception");
        }
        this.exceptions = new ArrayList<>(exceptions);
        for (Throwable member : this.exceptions.subList(1, this.exceptions.size())) {
            addSuppressed(member);
        }
    }

    /**
     * The members of the group.
     *
     * @return an unmodifiable list, the original error first
     */
    public List<Throwable> exceptions() {
        return List.copyOf(exceptions);
    }
}
