package io.newsstream.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationTest {

    private final Tagger tagger = new Tagger(KnowledgeBase.fromClasspath("kb-test/"));

    private Tagged tag(String text) {
        return Tagged.text(tagger, text);
    }

    @Test
    void shouldTagKnownOrganisationWithoutCountryMentionInside() {
        Tagged t = tag("Azerbaijan Airlines resumed flights and The Jerusalem Post reported it.");

        assertThat(t.countries()).isEmpty();
        assertThat(t.of(EntityKind.PLACE)).isEmpty();
        assertThat(t.of(EntityKind.ORGANIZATION)).extracting(Mention::id)
                .containsExactly("Azerbaijan Airlines", "The Jerusalem Post");
        assertThat(t.find("Azerbaijan Airlines").orElseThrow().country()).isEqualTo("AZ");
    }

    @Test
    void shouldTagKnownAliasUnderCanonicalName() {
        Mention m = tag("The North Atlantic Treaty Organization met.").of(EntityKind.ORGANIZATION).get(0);

        assertThat(m.id()).isEqualTo("NATO");
        assertThat(m.kind()).isEqualTo(MentionKind.KNOWN);
    }

    @Test
    void shouldMatchAcronymOnlyInItsOwnCase() {
        assertThat(tag("EU and NATO officials met.").of(EntityKind.ORGANIZATION)).hasSize(2);
        assertThat(tag("The Nato summit and the un vote.").of(EntityKind.ORGANIZATION)).isEmpty();
    }

    @Test
    void shouldTagOrganisationByHeadWord() {
        Mention m = tag("A study by the Caspian Energy Institute was cited.").of(EntityKind.ORGANIZATION).get(0);

        assertThat(m.text()).isEqualTo("Caspian Energy Institute");
        assertThat(m.kind()).isEqualTo(MentionKind.SUFFIX);
    }

    @Test
    void shouldTagOrganisationWithOfComplement() {
        Mention m = tag("The Ministry of Foreign Affairs issued a note.").of(EntityKind.ORGANIZATION).get(0);

        assertThat(m.text()).isEqualTo("Ministry of Foreign Affairs");
    }

    @Test
    void shouldKeepDemonymBeforeGovernmentBodyAsCountryMention() {
        Tagged t = tag("The Israeli Foreign Ministry said the visit went well.");

        assertThat(t.countries()).containsExactly("IL");
        Mention org = t.of(EntityKind.ORGANIZATION).get(0);
        assertThat(org.text()).isEqualTo("Foreign Ministry");
        assertThat(org.country()).isEqualTo("IL");
    }

    @Test
    void shouldKeepCountryAfterGovernmentBodyAsCountryMention() {
        Tagged t = tag("The Ministry of Foreign Affairs of Azerbaijan protested.");

        assertThat(t.countries()).containsExactly("AZ");
        assertThat(t.of(EntityKind.ORGANIZATION).get(0).country()).isEqualTo("AZ");
    }

    @Test
    void shouldTakeCountryOfPossessiveBeforeGovernmentBody() {
        Mention org = tag("Azerbaijan's Foreign Ministry protested.").of(EntityKind.ORGANIZATION).get(0);

        assertThat(org.country()).isEqualTo("AZ");
    }

    @Test
    void shouldHideCountryInsideCompanyName() {
        Tagged t = tag("Shares of Azerbaijan Caspian Shipping Co rose.");

        assertThat(t.countries()).isEmpty();
        assertThat(t.of(EntityKind.ORGANIZATION).get(0).text()).isEqualTo("Azerbaijan Caspian Shipping Co");
    }

    @Test
    void shouldEndNameAtLastHeadWord() {
        Mention m = tag("Analysts at General Motors Corp said so.").of(EntityKind.ORGANIZATION).get(0);

        assertThat(m.text()).isEqualTo("General Motors Corp");
    }

    @Test
    void shouldNotTagBareHeadWordAsOrganisation() {
        assertThat(tag("The Ministry declined to comment.").of(EntityKind.ORGANIZATION)).isEmpty();
    }

    @Test
    void shouldNotTagLowerCaseHeadWord() {
        assertThat(tag("Azerbaijan's energy institute said.").of(EntityKind.ORGANIZATION)).isEmpty();
    }

    @Test
    void shouldNotTagCountryInsideLawName() {
        assertThat(tag("The American Recovery and Reinvestment Act paid for it.").all()).isEmpty();
    }
}
