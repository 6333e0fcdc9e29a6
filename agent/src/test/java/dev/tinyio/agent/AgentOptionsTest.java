package dev.tinyio.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    @Test
    void no_options_instrument_every_class_quietly() {
        AgentOptions options = AgentOptions.parse(null);
        assertFalse(options.failFast());
        assertFalse(options.verbose());
        assertNull(options.dump());
        assertTrue(options.classes().accepts("com/acme/Feed"));
    }

    @Test
    void flags_and_dump_folder_are_read() {
        AgentOptions options = AgentOptions.parse("failfast, verbose,dump=target/dump");
        assertTrue(options.failFast());
        assertTrue(options.verbose());
        assertEquals(Path.of("target/dump"), options.dump());
    }

    @Test
    void includes_limit_instrumentation_to_matching_packages_and_their_subpackages() {
        ClassFilter classes = AgentOptions.parse("include=com.acme.*;org.foo.Bar?").classes();
        assertTrue(classes.accepts("com/acme/Feed"));
        assertTrue(classes.accepts("com/acme/deep/Feed$Inner"));
        assertTrue(classes.accepts("org/foo/Bar1"));
        assertFalse(classes.accepts("org/foo/Bar12"));
        assertFalse(classes.accepts("com/acmeother/Feed"));
    }

    @Test
    void excludes_win_over_includes() {
        ClassFilter classes = AgentOptions.parse("include=com.acme.*,exclude=com.acme.legacy.*").classes();
        assertTrue(classes.accepts("com/acme/Feed"));
        assertFalse(classes.accepts("com/acme/legacy/Feed"));
        assertFalse(AgentOptions.parse("exclude=*Test").classes().accepts("com/acme/FeedTest"));
    }

    @Test
    void dots_in_patterns_are_literal() {
        assertFalse(AgentOptions.parse("include=com.acme.*").classes().accepts("comXacme/Feed"));
    }

    @Test
    void an_unknown_option_is_named_with_the_known_ones() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("verbose,includes=com.acme.*"));
        assertTrue(error.getMessage().contains("'includes=com.acme.*'"), error.getMessage());
        assertTrue(error.getMessage().contains("include=<classes>"), error.getMessage());
    }

    @Test
    void an_option_missing_its_value_says_what_it_needs() {
        for (String option : new String[] {"dump=", "include=", "exclude= "}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> AgentOptions.parse("verbose," + option));
            assertTrue(error.getMessage().contains("needs"), error.getMessage());
            assertTrue(error.getMessage().contains("'" + option.trim().substring(0, option.indexOf('=') + 1)),
                    error.getMessage());
        }
    }

    @Test
    void empty_options_between_commas_are_ignored() {
        AgentOptions options = AgentOptions.parse("verbose,,failfast,");
        assertTrue(options.verbose());
        assertTrue(options.failFast());
    }

    @Test
    void an_unknown_option_is_named_word_for_word_with_every_known_one() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("verbose,includes=com.acme.*"));
        assertEquals("Unknown tinyio agent option 'includes=com.acme.*'. Known options: failfast, verbose, "
                + "dump=<folder>, include=<classes>, exclude=<classes> (class name patterns such as com.acme.* "
                + "separated by ;).", error.getMessage());
    }

    @Test
    void a_dump_option_without_a_folder_says_what_it_needs_word_for_word() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("failfast,dump="));
        assertEquals("The tinyio agent option 'dump=' needs a folder to write the instrumented classes to after "
                + "'dump=', for example dump=target/tinyio-dump.", error.getMessage());
    }

    @Test
    void an_include_option_without_patterns_says_what_it_needs_word_for_word() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("include= "));
        assertEquals("The tinyio agent option 'include=' needs class name patterns after 'include=', for example "
                + "include=com.acme.*;org.example.Main.", error.getMessage());
    }

    @Test
    void an_exclude_option_without_patterns_says_what_it_needs_word_for_word() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("include=com.acme.*,exclude="));
        assertEquals("The tinyio agent option 'exclude=' needs class name patterns after 'exclude=', for example "
                + "exclude=com.acme.*;org.example.Main.", error.getMessage());
    }
}
