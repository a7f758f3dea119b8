package io.newsstream.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceTest {

    private final Tagger tagger = new Tagger(KnowledgeBase.fromClasspath("kb-test/"));

    private Tagged tag(String text) {
        return Tagged.text(tagger, text);
    }

    @Test
    void shouldTagUnflaggedCityWithItsCountry() {
        Mention m = tag("Talks were held in Baku.").find("Baku").orElseThrow();

        assertThat(m.type()).isEqualTo(EntityKind.PLACE);
        assertThat(m.id()).isEqualTo("Baku");
        assertThat(m.country()).isEqualTo("AZ");
        assertThat(m.kind()).isEqualTo(MentionKind.CITY);
    }

    @Test
    void shouldNotCountPlaceAsCountryMention() {
        assertThat(tag("Talks were held in Baku.").countries()).isEmpty();
    }

    @Test
    void shouldTagRegionWithRegionKind() {
        assertThat(tag("Fighting resumed in Abkhazia.").find("Abkhazia").orElseThrow().kind())
                .isEqualTo(MentionKind.REGION);
    }

    @Test
    void shouldMapAliasToPlaceKey() {
        Mention m = tag("He flew to Tel Aviv-Yafo.").find("Tel Aviv-Yafo").orElseThrow();

        assertThat(m.id()).isEqualTo("Tel Aviv");
    }

    @Test
    void shouldNotTagAmbiguousPlaceWithoutSupport() {
        assertThat(tag("Paris Hilton arrived late.").of(EntityKind.PLACE)).isEmpty();
        assertThat(tag("The Alexandria woman was charged.").of(EntityKind.PLACE)).isEmpty();
    }

    @Test
    void shouldTagAmbiguousPlaceWhenItsCountryIsNamed() {
        Mention m = tag("Officials in Paris said France would act.").find("Paris").orElseThrow();

        assertThat(m.country()).isEqualTo("FR");
    }

    @Test
    void shouldTagAmbiguousPlaceFollowedByItsCountry() {
        assertThat(tag("The summit opened in Athens, Greece.").find("Athens").orElseThrow().country())
                .isEqualTo("GR");
    }

    @Test
    void shouldTagAmbiguousPlaceInDateline() {
        Tagged t = tag("PARIS (Reuters) - Ministers met on Monday.");

        assertThat(t.find("PARIS").orElseThrow().country()).isEqualTo("FR");
    }

    @Test
    void shouldTagUnflaggedPlaceInCommaDateline() {
        assertThat(tag("BAKU, May 28 - Ministers met.").find("BAKU").orElseThrow().country()).isEqualTo("AZ");
    }

    @Test
    void shouldTagAmbiguousPlaceWhenAnotherPlaceOfItsCountryIsNamed() {
        assertThat(tag("From Thessaloniki the train runs to Athens.").find("Athens").orElseThrow().country())
                .isEqualTo("GR");
    }

    @Test
    void shouldNotTagPlaceInsideOrganisationName() {
        Tagged t = tag("The Munich Security Conference and the Stockholm International Peace Research Institute met.");

        assertThat(t.of(EntityKind.PLACE)).isEmpty();
        assertThat(t.of(EntityKind.ORGANIZATION)).hasSize(2);
    }

    @Test
    void shouldNotTagPlaceInsideRoadOrShopName() {
        assertThat(tag("The parade turned onto Baku Road past the Swedish and Danish Bakery.").all()).isEmpty();
    }

    @Test
    void shouldTellUsStateFromGeorgiaCountryAsRegionOfUs() {
        Mention m = tag("He was born in Atlanta, Georgia.").find("Georgia").orElseThrow();

        assertThat(m.type()).isEqualTo(EntityKind.PLACE);
        assertThat(m.country()).isEqualTo("US");
    }
}
