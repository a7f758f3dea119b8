package io.newsstream.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    private final KnowledgeBase kb = KnowledgeBase.fromClasspath("kb-test/");

    @Test
    void shouldLoadCountriesFromGivenPrefix() {
        assertThat(kb.country("AZ")).contains(new Country("AZ", "AZE", "Azerbaijan", "sovereign"));
        assertThat(kb.countries()).extracting(Country::code).contains("IL", "XK", "SUHH");
    }

    @Test
    void shouldReadMissingTrailingCellsAsEmpty() {
        Country soviet = kb.country("SUHH").orElseThrow();

        assertThat(soviet.alpha3()).isEmpty();
        assertThat(soviet.historical()).isTrue();
    }

    @Test
    void shouldSplitFlagsAndKinds() {
        CountryName us = kb.countryNames().stream().filter(n -> n.surface().equals("US")).findFirst().orElseThrow();

        assertThat(us.kind()).isEqualTo(MentionKind.ALIAS);
        assertThat(us.flags()).containsExactly("cs");
    }

    @Test
    void shouldSplitMultiValuedCells() {
        Place njamena = kb.places().stream().filter(p -> p.name().equals("N'Djamena")).findFirst().orElseThrow();

        assertThat(njamena.aliases()).containsExactly("Ndjamena");
        assertThat(njamena.flags()).containsExactly("capital");
        Organization un = kb.organizations().stream().filter(o -> o.name().equals("United Nations"))
                .findFirst().orElseThrow();
        assertThat(un.aliases()).containsExactly("UN", "U.N.");
        assertThat(un.country()).isNull();
    }

    @Test
    void shouldReturnEmptyForUnknownCode() {
        assertThat(kb.country("ZZ")).isEmpty();
    }

    @Test
    void shouldFailClearlyWhenRequiredFileIsMissing() {
        assertThatThrownBy(() -> KnowledgeBase.fromClasspath("no-such-kb/"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-kb/countries.tsv");
    }
}
