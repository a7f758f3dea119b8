package io.newsstream.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonTest {

    private final Tagger tagger = new Tagger(KnowledgeBase.fromClasspath("kb-test/"));

    private Tagged tag(String text) {
        return Tagged.text(tagger, text);
    }

    @Test
    void shouldTagNameAfterTitleWithCountryFromDemonym() {
        Tagged t = tag("Azeri Deputy Foreign Minister Fariz Rzayev arrived.");
        Mention person = t.find("Fariz Rzayev").orElseThrow();

        assertThat(person.type()).isEqualTo(EntityKind.PERSON);
        assertThat(person.id()).isEqualTo("Fariz Rzayev");
        assertThat(person.country()).isEqualTo("AZ");
        assertThat(person.kind()).isEqualTo(MentionKind.CUE);
        assertThat(t.find("Azeri").orElseThrow().type()).isEqualTo(EntityKind.COUNTRY);
    }

    @Test
    void shouldTagNameAfterLowerCaseRole() {
        assertThat(tag("He met foreign minister Fariz Rzayev.").find("Fariz Rzayev")).isPresent();
    }

    @Test
    void shouldTakeCountryFromPossessiveBeforeTitle() {
        assertThat(tag("Israel's President Isaac Herzog spoke.").find("Isaac Herzog").orElseThrow().country())
                .isEqualTo("IL");
    }

    @Test
    void shouldTakeCountryFromOfPhraseAfterTitle() {
        Mention m = tag("President of Azerbaijan Ilham Aliyev spoke.").find("Ilham Aliyev").orElseThrow();

        assertThat(m.country()).isEqualTo("AZ");
    }

    @Test
    void shouldNotTakeDestinationCountryOfAmbassadorAsPersonCountry() {
        Mention m = tag("Russian Ambassador to Turkey Andrei Karlov was shot.").find("Andrei Karlov").orElseThrow();

        assertThat(m.country()).isEqualTo("RU");
    }

    @Test
    void shouldTagAbbreviatedTitles() {
        Tagged t = tag("Sen. John Smith, Rep. Anna Lee, Gov. Brian Kemp and Dr. Ruth Berg met Rabbi Yosef Cohen.");

        assertThat(t.of(EntityKind.PERSON)).extracting(Mention::id)
                .containsExactly("John Smith", "Anna Lee", "Brian Kemp", "Ruth Berg", "Yosef Cohen");
    }

    @Test
    void shouldNotTagLowerCaseWordAfterTitle() {
        assertThat(tag("The president said the plan works.").of(EntityKind.PERSON)).isEmpty();
    }

    @Test
    void shouldResolveSurnameToFullNameInSameArticle() {
        Tagged t = tag("Israeli President Isaac Herzog met the delegation. Herzog said ties were strong.");
        Mention later = t.at("Herzog", 1).orElseThrow();

        assertThat(later.id()).isEqualTo("Isaac Herzog");
        assertThat(later.kind()).isEqualTo(MentionKind.COREFERENCE);
        assertThat(later.country()).isEqualTo("IL");
    }

    @Test
    void shouldResolveSurnameInTitleFromFullNameInText() {
        TagResult r = tagger.tag("Herzog hosts Azeri envoy", "Israeli President Isaac Herzog met Fariz Rzayev.");

        assertThat(r.title().get(0).id()).isEqualTo("Isaac Herzog");
    }

    @Test
    void shouldResolveTitlePlusSurnameToFullName() {
        Tagged t = tag("Israeli President Isaac Herzog arrived. Mr. Herzog later left.");

        assertThat(t.at("Herzog", 1).orElseThrow().id()).isEqualTo("Isaac Herzog");
    }

    @Test
    void shouldNotResolveSurnameSharedByTwoPeople() {
        Tagged t = tag("Sen. John Smith and Rep. Anna Smith met. Smith said no.");

        assertThat(t.at("Smith", 2)).isEmpty();
    }

    @Test
    void shouldTagTwoWordNameBeforeSaid() {
        Mention m = tag("Anna Kowalski said the plan was sound.").find("Anna Kowalski").orElseThrow();

        assertThat(m.type()).isEqualTo(EntityKind.PERSON);
    }

    @Test
    void shouldTagTwoWordNameAfterSaid() {
        assertThat(tag("\"It works,\" said Bruno Kessler.").find("Bruno Kessler")).isPresent();
    }

    @Test
    void shouldNotTagPlaceNamesBeforeSaidAsPerson() {
        assertThat(tag("Tel Aviv said nothing.").of(EntityKind.PERSON)).isEmpty();
    }

    @Test
    void shouldTagGivenNamePlusSurname() {
        assertThat(tag("Later, Jennifer Okafor joined the team.").find("Jennifer Okafor")).isPresent();
    }

    @Test
    void shouldTagNameWithInitialsAndParticles() {
        Tagged t = tag("President John F. Kennedy and Minister Ursula von der Leyen met.");

        assertThat(t.of(EntityKind.PERSON)).extracting(Mention::id)
                .containsExactly("John F. Kennedy", "Ursula von der Leyen");
    }

    @Test
    void shouldKeepSurnameThatIsADemonymInsideName() {
        Tagged t = tag("Treasurer Olivia French signed the budget. French called it balanced.");

        assertThat(t.countries()).isEmpty();
        assertThat(t.at("French", 1).orElseThrow().id()).isEqualTo("Olivia French");
    }
}
