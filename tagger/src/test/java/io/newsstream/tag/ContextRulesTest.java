package io.newsstream.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Context rules that apply across name kinds: lists, headlines, roads, buildings, state bodies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextRulesTest {

    private final Tagger tagger = new Tagger(KnowledgeBase.fromClasspath("kb-test/"));

    private Tagged tag(String text) {
        return Tagged.text(tagger, text);
    }

    @Test
    void shouldReadAmbiguousNameListedWithCountriesAsCountry() {
        assertThat(tag("Loans went to Egypt, Mexico and Jordan.").countries()).containsExactly("EG", "MX", "JO");
        assertThat(tag("Jordan and Egypt signed a barter deal.").countries()).contains("JO");
    }

    @Test
    void shouldNotReadSurnameListedWithPersonAsCountry() {
        assertThat(tag("The coach praised Okafor and Jordan after the match.").countries()).isEmpty();
    }

    @Test
    void shouldNotTreatTitleCaseHeadlineWordsAsPersonContext() {
        assertThat(tag("Trade Envoy Arrives In Georgia For Pipeline Talks. He met officials in Tbilisi.").countries())
                .containsExactly("GE");
    }

    @Test
    void shouldNotReadRoadNumberAsCountry() {
        assertThat(tag("The bridge on US-50 reopened after repairs.").countries()).isEmpty();
    }

    @Test
    void shouldNotReadBuildingAsCountryWithoutAVerb() {
        assertThat(tag("The choir sang at a White House reception.").countries()).isEmpty();
        assertThat(tag("The White House said it would respond.").countries()).containsExactly("US");
        assertThat(tag("A Kremlin-backed group marched.").countries()).isEmpty();
    }

    @Test
    void shouldKeepCountryAtStartOfKnownStateBodyAsMention() {
        Tagged t = tag("The U.S. Navy cleaned the site.");

        assertThat(t.find("U.S.").orElseThrow().type()).isEqualTo(EntityKind.COUNTRY);
        Mention navy = t.find("Navy").orElseThrow();
        assertThat(navy.type()).isEqualTo(EntityKind.ORGANIZATION);
        assertThat(navy.id()).isEqualTo("U.S. Navy");
    }

    @Test
    void shouldKeepCountryAtEndOfKnownStateBodyAsMention() {
        Tagged t = tag("The Bank of Israel raised rates.");

        assertThat(t.countries()).containsExactly("IL");
        assertThat(t.find("Bank").orElseThrow().id()).isEqualTo("Bank of Israel");
    }

    @Test
    void shouldReadIndianAsCountryUnlessNativeAmericanContext() {
        assertThat(tag("The Indian government protested.").countries()).containsExactly("IN");
        assertThat(tag("The Indian reservation and its tribe welcomed visitors.").countries()).isEmpty();
        assertThat(tag("American Indian leaders met.").countries()).isEmpty();
    }

    @Test
    void shouldReadLanguageListWithoutKnownFirstLanguageAsLanguages() {
        assertThat(tag("The leaflets are printed in English and Spanish, the clerk explained.").countries()).isEmpty();
    }

    @Test
    void shouldReadCoordinatedNationalitiesAsCountries() {
        assertThat(tag("Spanish and French explorers arrived.").countries()).containsExactly("ES", "FR");
    }

    @Test
    void shouldReadDemonymInRoadOrAddressAsNothing() {
        assertThat(tag("The shop is at 12 Spanish Road.").countries()).isEmpty();
    }

    @Test
    void shouldNotReadStockTickerAsCountry() {
        assertThat(tag("Shares of Widget Corp <USA> rose.").countries()).isEmpty();
    }

    @Test
    void shouldReadEpithetMetonymWithoutVerbWhenCountryIsNamed() {
        assertThat(tag("Iran's leaders met. The Islamic Republic under Khomeini changed.").countries())
                .containsExactly("IR", "IR");
    }
}
