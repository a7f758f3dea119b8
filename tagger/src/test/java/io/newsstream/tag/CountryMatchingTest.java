package io.newsstream.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountryMatchingTest {

    private final Tagger tagger = new Tagger(KnowledgeBase.fromClasspath("kb-test/"));

    private Tagged tag(String text) {
        return Tagged.text(tagger, text);
    }

    @Test
    void shouldTagCountryNameWithIsoCodeAsIdAndCountry() {
        Mention m = tag("Talks resumed in Azerbaijan on Monday.").find("Azerbaijan").orElseThrow();

        assertThat(m.type()).isEqualTo(EntityKind.COUNTRY);
        assertThat(m.id()).isEqualTo("AZ");
        assertThat(m.country()).isEqualTo("AZ");
        assertThat(m.kind()).isEqualTo(MentionKind.NAME);
    }

    @Test
    void shouldCountDemonymAsCountryMention() {
        Mention m = tag("The Azeri delegation arrived.").find("Azeri").orElseThrow();

        assertThat(m.kind()).isEqualTo(MentionKind.DEMONYM);
        assertThat(m.country()).isEqualTo("AZ");
    }

    @Test
    void shouldCountPluralDemonymIncludingPluralPossessive() {
        Tagged t = tag("Israelis and Azeris met; the Israelis' view differed.");

        assertThat(t.countries()).containsExactly("IL", "AZ", "IL");
        assertThat(t.at("Israelis", 1).orElseThrow().end()).isEqualTo(t.at("Israelis", 1).orElseThrow().start() + 8);
    }

    @Test
    void shouldExcludePossessiveFromSpan() {
        Mention m = tag("Russia's army advanced.").find("Russia").orElseThrow();

        assertThat(m.start()).isZero();
        assertThat(m.end()).isEqualTo(6);
    }

    @Test
    void shouldAcceptTypographicApostropheInPossessive() {
        assertThat(tag("Russia\u2019s army advanced.").countries()).containsExactly("RU");
    }

    @Test
    void shouldCountEachPartOfHyphenatedPairs() {
        assertThat(tag("The Azerbaijani-Israeli deal and the Israel-Azerbaijan pact.").countries())
                .containsExactly("AZ", "IL", "IL", "AZ");
    }

    @Test
    void shouldTagAbbreviationBeforeHyphen() {
        Mention m = tag("The U.S.-led coalition struck.").find("U.S.").orElseThrow();

        assertThat(m.country()).isEqualTo("US");
        assertThat(m.kind()).isEqualTo(MentionKind.ALIAS);
    }

    @Test
    void shouldMatchCaseSensitiveAliasOnlyInItsOwnCase() {
        assertThat(tag("The US said it would help.").countries()).containsExactly("US");
        assertThat(tag("Let us go and help us.").countries()).isEmpty();
    }

    @Test
    void shouldPreferLongestMatch() {
        assertThat(tag("South Sudan and Sudan signed.").countries()).containsExactly("SS", "SD");
        assertThat(tag("The Dominican Republic won.").countries()).containsExactly("DO");
        assertThat(tag("Papua New Guinea, Equatorial Guinea and Guinea-Bissau met.").countries())
                .containsExactly("PG", "GQ", "GW");
        assertThat(tag("North Korea and South Korea talked.").countries()).containsExactly("KP", "KR");
    }

    @Test
    void shouldNotMatchInsideALongerWord() {
        assertThat(tag("Nigeria's oil output rose.").countries()).containsExactly("NG");
        assertThat(tag("The Nigerien team played.").countries()).isEmpty();
    }

    @Test
    void shouldNotTagCountryInsideBlockedPlaceNames() {
        assertThat(tag("Voters in New Mexico and New Jersey went to the polls.").countries()).isEmpty();
        assertThat(tag("Flooding hit New South Wales.").all()).isEmpty();
    }

    @Test
    void shouldMatchAcrossLineBreaks() {
        Mention m = tag("Seoul and\nSouth\n   Korea agreed.").find("South\n   Korea").orElseThrow();

        assertThat(m.country()).isEqualTo("KR");
    }

    @Test
    void shouldFoldAccentsButKeepOriginalText() {
        Mention m = tag("Türkiye and turkiye differ.").at("Türkiye", 0).orElseThrow();

        assertThat(m.country()).isEqualTo("TR");
        assertThat(m.text()).isEqualTo("Türkiye");
    }

    @Test
    void shouldKeepUtf16OffsetsAfterSupplementaryCharacters() {
        String text = "\uD83D\uDE00 Azerbaijan";
        Mention m = tag(text).find("Azerbaijan").orElseThrow();

        assertThat(text.substring(m.start(), m.end())).isEqualTo("Azerbaijan");
        assertThat(m.start()).isEqualTo(3);
    }

    @Test
    void shouldTagHistoricalStateWithoutModernCountry() {
        Mention m = tag("The Soviet Union collapsed in 1991.").find("Soviet Union").orElseThrow();

        assertThat(m.type()).isEqualTo(EntityKind.HISTORICAL_STATE);
        assertThat(m.id()).isEqualTo("SUHH");
        assertThat(m.country()).isNull();
    }

    @Test
    void shouldTagPartiallyRecognisedStateAsCountry() {
        assertThat(tag("Kosovo declared independence.").countries()).containsExactly("XK");
    }

    @Test
    void shouldTagSubnationalNameAsRegionOfItsCountry() {
        Mention m = tag("Rain fell across England.").find("England").orElseThrow();

        assertThat(m.type()).isEqualTo(EntityKind.PLACE);
        assertThat(m.kind()).isEqualTo(MentionKind.REGION);
        assertThat(m.country()).isEqualTo("GB");
    }

    @Test
    void shouldCountContextAliasOnlyWhenCountryIsNamedElsewhere() {
        assertThat(tag("The Islamic Republic rejected the offer.").countries()).isEmpty();
        assertThat(tag("Iran spoke. The Islamic Republic rejected the offer.").countries()).containsExactly("IR", "IR");
    }

    @Test
    void shouldCountMetonymThatIsACityOnlyBeforeAVerb() {
        Tagged verb = tag("Washington said the sanctions would stay.");
        Tagged place = tag("He flew to Washington on Monday to see Atlanta friends.");

        assertThat(verb.find("Washington").orElseThrow().kind()).isEqualTo(MentionKind.METONYM);
        assertThat(place.countries()).isEmpty();
    }

    @Test
    void shouldCountMetonymThatIsNotACity() {
        assertThat(tag("The Kremlin denied it.").find("Kremlin").orElseThrow().country()).isEqualTo("RU");
    }

    @Test
    void shouldAcceptAllCapsNamesInAllCapsHeadline() {
        Tagged t = Tagged.text(tagger, "CHAD AND GEORGIA SIGN TRADE PACT WITH RUSSIA");

        assertThat(t.countries()).contains("TD", "RU");
    }

    @Test
    void shouldRejectAllCapsAmbiguousNameInRunningText() {
        assertThat(tag("The CHAD protocol was adopted by the committee.").countries()).isEmpty();
    }

    @Test
    void shouldReturnSortedNonOverlappingMentions() {
        Tagged t = tag("Israeli President Isaac Herzog met Azeri officials in Baku and Jerusalem.");

        for (int i = 1; i < t.all().size(); i++) {
            assertThat(t.all().get(i).start()).isGreaterThanOrEqualTo(t.all().get(i - 1).end());
        }
    }

    @Test
    void shouldTagTitleAndTextSeparatelyWithOwnOffsets() {
        TagResult r = tagger.tag("Azerbaijan and Israel", "Officials from Israel met.");

        assertThat(r.title()).extracting(Mention::country).containsExactly("AZ", "IL");
        assertThat(r.text()).singleElement().satisfies(m -> assertThat(m.start()).isEqualTo(15));
    }

    @Test
    void shouldAcceptNullTitleAndEmptyText() {
        TagResult r = tagger.tag(null, "");

        assertThat(r.title()).isEmpty();
        assertThat(r.text()).isEmpty();
    }
}
