package dev.tinyio.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyio.internal.Contract;
import org.junit.jupiter.api.Test;

/**
 * A class instrumented for another version of the contract between instrumented code and the runtime is refused
 * at its first use, with both versions and the fix, rather than failing later on a member that no longer exists.
 */
class ContractVersionTest {
    @Test
    void a_class_instrumented_for_this_version_passes() {
        Contract.check(Contract.VERSION, ContractVersionTest.class);
    }

    @Test
    void a_class_instrumented_for_another_version_is_refused_with_the_fix() {
        IncompatibleClassChangeError refused = assertThrows(IncompatibleClassChangeError.class,
                () -> Contract.check(Contract.VERSION + 1, ContractVersionTest.class));
        String runtime = Contract.class.getPackage().getImplementationVersion();
        assertEquals("dev.tinyio.tests.ContractVersionTest was instrumented for version " + (Contract.VERSION + 1)
                + " of the contract between instrumented code and tinyio's runtime, but this runtime (tinyio-runtime "
                + runtime + ") implements version " + Contract.VERSION + ". Instrument the class again with the "
                + "runtime's version: build its module again with tinyio-maven-plugin " + runtime + " (mvn clean "
                + "verify), or, if the agent instruments it, run the agent of that version.", refused.getMessage());
    }
}
