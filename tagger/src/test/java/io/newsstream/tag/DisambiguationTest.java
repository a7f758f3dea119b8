package io.newsstream.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisambiguationTest {

    private final Tagger tagger = new Tagger(KnowledgeBase.fromClasspath("kb-test/"));

    private Tagged tag(String text) {
        return Tagged.text(tagger, text);
    }

    // --- Georgia

    @Test
    void shouldReadGeorgiaAsCountryWithCaucasusCues() {
        assertThat(tag("Protesters filled the streets of Tbilisi as Georgia weighed EU membership.").countries())
                .containsExactly("GE");
        assertThat(tag("Russia and Georgia fought a war over South Ossetia.").countries()).containsExactly("RU", "GE");
        assertThat(tag("Georgian officials said Georgia would not yield.").countries()).containsExactly("GE", "GE");
    }

    @Test
    void shouldReadGeorgiaAsUsStateWithStateCues() {
        Tagged t = tag("Georgia Gov. Brian Kemp signed the bill in Atlanta.");

        assertThat(t.countries()).isEmpty();
        assertThat(t.find("Georgia").orElseThrow().type()).isEqualTo(EntityKind.PLACE);
        assertThat(t.find("Georgia").orElseThrow().country()).isEqualTo("US");
    }

    @Test
    void shouldReadGeorgiaAsUsStateNearCountyOrStateWords() {
        assertThat(tag("Peanut growers in south Georgia said the county extension office helped.").countries()).isEmpty();
        assertThat(tag("He moved to Augusta, Georgia, last year.").countries()).isEmpty();
    }

    @Test
    void shouldNotReadGeorgiaAsCountryWithoutAnyCue() {
        assertThat(tag("She grew up in Georgia and studied nursing.").countries()).isEmpty();
    }

    @Test
    void shouldNotTagGeorgiaTechAsCountryOrState() {
        assertThat(tag("Georgia Tech beat Clemson.").all()).noneMatch(m -> m.type() == EntityKind.COUNTRY);
    }

    // --- Jordan

    @Test
    void shouldReadJordanAsCountryInMiddleEastContext() {
        assertThat(tag("King Abdullah said Jordan would host talks in Amman.").countries()).containsExactly("JO");
    }

    @Test
    void shouldNotReadBareJordanAsCountryWithoutMiddleEastContext() {
        // Jordan is also a surname and a US town name; the country needs one cue.
        assertThat(tag("A Jordan resident won the county spelling bee.").countries()).isEmpty();
        assertThat(tag("Refugees crossed into Jordan from Syria last week.").countries()).containsExactly("JO");
    }

    @Test
    void shouldReadJordanAfterGivenNameAsPerson() {
        Tagged t = tag("Michael Jordan scored 40 points.");

        assertThat(t.countries()).isEmpty();
        assertThat(t.find("Michael Jordan").orElseThrow().type()).isEqualTo(EntityKind.PERSON);
    }

    @Test
    void shouldReadJordanBeforeSurnameAsPerson() {
        Tagged t = tag("Coach Jordan Spieth praised the course.");

        assertThat(t.countries()).isEmpty();
    }

    @Test
    void shouldReadLaterJordanAsCoreferenceOfFullName() {
        Tagged t = tag("Michael Jordan scored 40 points. Jordan said he was tired.");

        assertThat(t.countries()).isEmpty();
        Mention later = t.at("Jordan", 1).orElseThrow();
        assertThat(later.type()).isEqualTo(EntityKind.PERSON);
        assertThat(later.id()).isEqualTo("Michael Jordan");
        assertThat(later.kind()).isEqualTo(MentionKind.COREFERENCE);
    }

    @Test
    void shouldReadMrJordanAsPerson() {
        assertThat(tag("Mr. Jordan declined to comment.").countries()).isEmpty();
    }

    // --- Turkey

    @Test
    void shouldReadCapitalisedTurkeyAsCountry() {
        assertThat(tag("Turkey closed its border with Syria.").countries()).containsExactly("TR");
    }

    @Test
    void shouldNeverReadLowercaseTurkeyAsCountry() {
        assertThat(tag("We roasted a turkey for the family.").countries()).isEmpty();
    }

    @Test
    void shouldNotReadTurkeyAsCountryInThanksgivingContext() {
        assertThat(tag("Turkey prices rose before Thanksgiving, grocers said.").countries()).isEmpty();
        assertThat(tag("The annual Turkey Trot drew 500 runners.").countries()).isEmpty();
    }

    // --- Chad

    @Test
    void shouldReadChadAsCountryWithAfricanCues() {
        assertThat(tag("Troops from Chad and Niger patrolled the Sahel near N'Djamena.").countries())
                .containsExactly("TD", "NE");
    }

    @Test
    void shouldReadChadBeforeSurnameAsPerson() {
        Tagged t = tag("Chad Smith scored twice for the visitors.");

        assertThat(t.countries()).isEmpty();
        assertThat(t.find("Chad Smith").orElseThrow().type()).isEqualTo(EntityKind.PERSON);
    }

    // --- Niger

    @Test
    void shouldReadNigerAsCountryButNotTheRiver() {
        assertThat(tag("A coup in Niger worried Nigeria.").countries()).containsExactly("NE", "NG");
        assertThat(tag("Boats sailed down the Niger River.").countries()).isEmpty();
    }

    // --- Guinea

    @Test
    void shouldReadBareGuineaAsGuineaButNotGuineaPig() {
        assertThat(tag("Ebola spread from Guinea to Sierra Leone.").countries()).containsExactly("GN");
        assertThat(tag("The class kept a Guinea pig.").countries()).isEmpty();
    }

    // --- Congo

    @Test
    void shouldReadBareCongoAsDemocraticRepublicByDefault() {
        assertThat(tag("Fighting in eastern Congo displaced thousands.").countries()).containsExactly("CD");
        assertThat(tag("The DRC and Kinshasa officials said Congo would vote.").countries())
                .containsExactly("CD", "CD");
    }

    @Test
    void shouldReadBareCongoAsRepublicWithBrazzavilleContext() {
        assertThat(tag("In Brazzaville, Congo held elections.").countries()).containsExactly("CG");
    }

    // --- Korea

    @Test
    void shouldReadBareKoreaAsSouthKoreaByDefault() {
        assertThat(tag("Exports from Korea rose in May.").countries()).containsExactly("KR");
    }

    @Test
    void shouldReadBareKoreaAsNorthKoreaInPyongyangContext() {
        assertThat(tag("Pyongyang fired a missile; Korea remains divided by its regime.").countries())
                .containsExactly("KP");
    }

    // --- Dominica, Sudan

    @Test
    void shouldTellDominicaFromDominicanRepublic() {
        assertThat(tag("Dominica and the Dominican Republic are Caribbean states.").countries())
                .containsExactly("DM", "DO");
    }

    @Test
    void shouldTellSudanFromSouthSudan() {
        assertThat(tag("Khartoum said Sudan and South Sudan agreed.").countries()).containsExactly("SD", "SS");
    }

    // --- Macedonia

    @Test
    void shouldReadMacedoniaAsNorthMacedoniaByDefault() {
        assertThat(tag("Macedonia joined NATO after talks in Skopje.").countries()).containsExactly("MK");
    }

    @Test
    void shouldNotReadMacedoniaAsCountryInGreekRegionContext() {
        assertThat(tag("Wildfires hit Greek Macedonia near Thessaloniki.").countries()).isEmpty();
    }

    // --- Lebanon and other US town names

    @Test
    void shouldReadLebanonFollowedByUsStateAsUsTown() {
        assertThat(tag("The fair opened in Lebanon, Tenn., on Friday.").countries()).isEmpty();
    }

    @Test
    void shouldReadLebanonAsCountryInMiddleEastContext() {
        assertThat(tag("Hezbollah fired rockets from Lebanon into Israel.").countries()).containsExactly("LB", "IL");
    }

    // --- American and other adjectives

    @Test
    void shouldReadAmericanAsUnitedStates() {
        assertThat(tag("American officials met Israeli diplomats.").countries()).containsExactly("US", "IL");
    }

    @Test
    void shouldNotReadEthnicOrContinentalAmericanAsUnitedStates() {
        assertThat(tag("Latin American, South American, North American, Central American, Native American and "
                + "African American leaders met.").countries()).isEmpty();
    }

    @Test
    void shouldNotReadContinentalOrReligiousAdjectivesAsCountries() {
        assertThat(tag("European, African and Asian, Jewish, Muslim, Arab and Shiite groups met.").countries())
                .isEmpty();
    }

    // --- Languages

    @Test
    void shouldNotReadLanguageUseAsCountry() {
        assertThat(tag("She speaks French.").countries()).isEmpty();
        assertThat(tag("The menu is in Spanish.").countries()).isEmpty();
        assertThat(tag("A French-language daily ran the story.").countries()).isEmpty();
        assertThat(tag("An English translation was published.").all()).isEmpty();
        assertThat(tag("Signs are written in French and English.").all()).isEmpty();
    }

    @Test
    void shouldReadNationalUseOfLanguageDemonymAsCountry() {
        assertThat(tag("French President Emmanuel Macron spoke.").countries()).containsExactly("FR");
        assertThat(tag("The French and the Germans disagreed.").countries()).containsExactly("FR", "DE");
        assertThat(tag("Fishing in French waters was banned.").countries()).containsExactly("FR");
    }

    @Test
    void shouldNotReadFoodPhrasesAsCountries() {
        assertThat(tag("He ordered French fries and Swiss cheese.").countries()).isEmpty();
    }

    // --- Jersey

    @Test
    void shouldNotReadNewJerseyAsJersey() {
        assertThat(tag("Trenton, New Jersey, is the state capital.").countries()).isEmpty();
    }
}
