package dev.tinyio.instrument.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFileFilterTest {
    @Test
    void no_includes_mean_every_class_file() {
        assertTrue(new ClassFileFilter(null, null).accepts("com/acme/Feed.class"));
        assertTrue(new ClassFileFilter(List.of(), List.of()).accepts("Feed.class"));
    }

    @Test
    void double_star_stands_for_any_number_of_folders_including_none() {
        ClassFileFilter filter = new ClassFileFilter(List.of("**/Feed.class"), null);
        assertTrue(filter.accepts("Feed.class"));
        assertTrue(filter.accepts("com/acme/Feed.class"));
        assertFalse(filter.accepts("com/acme/OtherFeed.class"));
        assertTrue(new ClassFileFilter(List.of("com/**/Feed.class"), null).accepts("com/Feed.class"));
    }

    @Test
    void single_star_and_question_mark_stay_within_one_name() {
        ClassFileFilter filter = new ClassFileFilter(List.of("com/acme/*Feed?.class"), null);
        assertTrue(filter.accepts("com/acme/Feed1.class"));
        assertTrue(filter.accepts("com/acme/NewsFeedX.class"));
        assertFalse(filter.accepts("com/acme/deep/Feed1.class"));
        assertFalse(filter.accepts("com/acme/Feed.class"));
    }

    @Test
    void a_trailing_slash_means_everything_under_the_folder() {
        ClassFileFilter filter = new ClassFileFilter(List.of("com/acme/"), null);
        assertTrue(filter.accepts("com/acme/deep/Feed.class"));
        assertFalse(filter.accepts("com/other/Feed.class"));
    }

    @Test
    void excludes_win_over_includes() {
        ClassFileFilter filter = new ClassFileFilter(List.of("com/**"), List.of("**/Legacy*.class"));
        assertTrue(filter.accepts("com/acme/Feed.class"));
        assertFalse(filter.accepts("com/acme/Legacy.class"));
        assertFalse(filter.accepts("com/acme/Legacy$Inner.class"));
    }

    @Test
    void other_characters_are_literal() {
        ClassFileFilter filter = new ClassFileFilter(List.of("com/acme/Feed$Inner.class"), null);
        assertTrue(filter.accepts("com/acme/Feed$Inner.class"));
        assertFalse(filter.accepts("com/acme/Feed$InnerXclass"));
    }

    @Test
    void backslashes_and_a_leading_slash_are_accepted() {
        assertTrue(new ClassFileFilter(List.of("\\com\\acme\\*.class"), null).accepts("com/acme/Feed.class"));
    }
}
