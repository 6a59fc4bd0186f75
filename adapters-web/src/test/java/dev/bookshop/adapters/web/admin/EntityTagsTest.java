package dev.bookshop.adapters.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.catalog.port.in.ExpectedVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {

    @Test
    void noHeaderOrAStarSetsNoCondition() {
        assertThat(EntityTags.ifMatch(null)).isEqualTo(ExpectedVersion.ANY);
        assertThat(EntityTags.ifMatch(" ")).isEqualTo(ExpectedVersion.ANY);
        assertThat(EntityTags.ifMatch(" * ")).isEqualTo(ExpectedVersion.ANY);
    }

    @Test
    void strongTagsNameTheirVersions() {
        ExpectedVersion listed = EntityTags.ifMatch("\"3\", \"5\"");

        assertThat(listed.admits(3)).isTrue();
        assertThat(listed.admits(5)).isTrue();
        assertThat(listed.admits(4)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "3", "\"abc\"", "\"0\"", "\"99999999999999999999\"", "\"3"})
    void weakTagsAndWhatIsNoTagAtAllAdmitNothing(String header) {
        ExpectedVersion expected = EntityTags.ifMatch(header);

        assertThat(expected).isNotEqualTo(ExpectedVersion.ANY);
        assertThat(expected.admits(3)).isFalse();
    }
}
