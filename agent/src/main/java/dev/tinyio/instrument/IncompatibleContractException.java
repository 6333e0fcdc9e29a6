package dev.tinyio.instrument;

/**
 * Classes were instrumented for another version of the contract between instrumented code and tinyio's runtime
 * than this instrumenter's ({@link ContractVersion}). Not a failure of one class, which a build may be told to leave
 * as compiled: the classes must be instrumented again, and the message names them, both versions and how.
 */
public final class IncompatibleContractException extends InstrumentationException {
    private static final long serialVersionUID = 1L;

    /**
     * A difference of versions.
     *
     * @param message which classes, both versions, and the fix
     */
    public IncompatibleContractException(String message) {
        super(message);
    }
}
