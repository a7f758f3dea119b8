package io.newsstream.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The tagger on the real kb/ resources and the real rules, on a short paragraph written for this test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealKnowledgeBaseTest {

    private static final String TITLE = "Herzog hosts Azeri envoy as Baku and Jerusalem deepen ties";
    private static final String TEXT = "JERUSALEM, May 28 - Azeri Deputy Foreign Minister Fariz Rzayev met Israeli "
            + "President Isaac Herzog in Jerusalem on Tuesday, the Israeli Foreign Ministry said. Herzog thanked "
            + "Azerbaijan for its support and said Iran's nuclear programme worried both countries. Rzayev, who "
            + "flew in from Baku on Azerbaijan Airlines, said Israel-Azerbaijan trade had doubled since the U.S.-led "
            + "talks. He will travel on to Tbilisi, where Georgia's prime minister hopes to join a new Caspian "
            + "transit corridor, and to Pristina, as Kosovo opened an embassy in Jerusalem. The Stockholm "
            + "International Peace Research Institute said Israeli drones made up most of Azerbaijan's imports.";

    private Tagger tagger;

    @BeforeAll
    void loadRealKnowledgeBase() {
        assumeThat(getClass().getClassLoader().getResource("kb/countries.tsv"))
                .as("kb/ resources present").isNotNull();
        tagger = Tagger.fromClasspath();
    }

    private TagResult tag() {
        return tagger.tag(TITLE, TEXT);
    }

    @Test
    void shouldFindEveryCountryTheParagraphNames() {
        assertThat(tag().text()).filteredOn(m -> m.type() == EntityKind.COUNTRY).extracting(Mention::country)
                .containsOnly("AZ", "IL", "IR", "US", "GE", "XK")
                .contains("AZ", "IL", "IR", "US", "GE", "XK");
    }

    @Test
    void shouldReadGeorgiaAsTheCountryNextToTbilisi() {
        assertThat(tag().text()).anySatisfy(m -> {
            assertThat(m.text()).isEqualTo("Georgia");
            assertThat(m.type()).isEqualTo(EntityKind.COUNTRY);
            assertThat(m.country()).isEqualTo("GE");
        });
    }

    @Test
    void shouldTagPeopleWithTheirCountries() {
        assertThat(tag().text()).filteredOn(m -> m.type() == EntityKind.PERSON)
                .extracting(Mention::id, Mention::country)
                .contains(Tuple.tuple("Fariz Rzayev", "AZ"),
                        Tuple.tuple("Isaac Herzog", "IL"));
    }

    @Test
    void shouldResolveShortFormsOfNames() {
        assertThat(tag().text()).filteredOn(m -> m.kind() == MentionKind.COREFERENCE)
                .extracting(Mention::text, Mention::id)
                .contains(Tuple.tuple("Herzog", "Isaac Herzog"),
                        Tuple.tuple("Rzayev", "Fariz Rzayev"));
        assertThat(tag().title()).anySatisfy(m -> assertThat(m.id()).isEqualTo("Isaac Herzog"));
    }

    @Test
    void shouldTagOrganisationsWithoutTheCountriesInsideThem() {
        TagResult r = tag();

        assertThat(r.text()).filteredOn(m -> m.type() == EntityKind.ORGANIZATION).extracting(Mention::text)
                .contains("Azerbaijan Airlines", "Foreign Ministry",
                        "Stockholm International Peace Research Institute");
        assertThat(r.text()).noneMatch(m -> m.text().equals("Stockholm"));
    }

    @Test
    void shouldTagCitiesWithTheirCountries() {
        assertThat(tag().text()).filteredOn(m -> m.type() == EntityKind.PLACE)
                .extracting(Mention::text, Mention::country)
                .contains(Tuple.tuple("JERUSALEM", "IL"),
                        Tuple.tuple("Baku", "AZ"),
                        Tuple.tuple("Tbilisi", "GE"),
                        Tuple.tuple("Pristina", "XK"));
    }

    @Test
    void shouldKeepOffsetsExact() {
        for (Mention m : tag().text()) {
            assertThat(TEXT.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        for (Mention m : tag().title()) {
            assertThat(TITLE.substring(m.start(), m.end())).isEqualTo(m.text());
        }
    }

    @Test
    void shouldNotOverlapMentions() {
        List<Mention> mentions = tag().text();
        for (int i = 1; i < mentions.size(); i++) {
            assertThat(mentions.get(i).start()).isGreaterThanOrEqualTo(mentions.get(i - 1).end());
        }
    }
}
