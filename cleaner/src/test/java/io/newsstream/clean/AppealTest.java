package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppealTest {

    private static final String PROSE = Cleaning.PROSE;
    private final Cleaning cleaning = new Cleaning();

    @Test
    void shouldDropClosingDonationBlockWithItsHeadingAndButtons() {
        String body = PROSE + "\nThe Daily Herald\nThe Daily Herald keeps you informed about the region. Independent "
                + "journalism costs money, and we rely on readers like you. Please support us today. We appreciate "
                + "your support.\nSubscribe to our newsletter\nDonate now";
        CleanedText article = cleaning.article(body);
        assertThat(article.text()).isEqualTo(PROSE);
        assertThat(article.removals()).extracting(RuleRemoval::rule).containsOnly("appeal");
        assertThat(article.removals().get(0).segments()).isEqualTo(4);
    }

    @Test
    void shouldDropNewsletterSignUpInTheMiddle() {
        String body = PROSE + "\nSign up for our free newsletter and get the top stories delivered to your inbox "
                + "every morning.\n" + Cleaning.PROSE2;
        assertThat(cleaning.text(body)).isEqualTo(PROSE + "\n\n" + Cleaning.PROSE2);
    }

    @Test
    void shouldKeepReportedAppeal() {
        String sentence = "The charity urged supporters to donate to its winter appeal, and our reporter saw "
                + "volunteers sign up new members, its director said.";
        assertThat(cleaning.text(PROSE + "\n" + sentence)).endsWith(sentence);
    }

    @Test
    void shouldKeepQuoteThatAddressesTheReader() {
        String quote = "\"I would suggest to you that we are your best friends, and you should consider our "
                + "country,\" he added.";
        assertThat(cleaning.text(PROSE + "\n" + quote)).endsWith(quote);
    }

    @Test
    void shouldKeepShortLineThatMentionsNewsletter() {
        String line = "A financial newsletter which reported";
        assertThat(cleaning.text(PROSE + "\n" + line)).endsWith(line);
    }

    @Test
    void shouldScorePhrasesWhateverTheirPunctuation() {
        AppealRule rule = new AppealRule();
        // "sign-up" and "sign up" are one phrase; "don't miss" matches with a typographic apostrophe.
        assertThat(rule.score(Shapes.key("Sign-up for our newsletter"))).isEqualTo(rule.score(Shapes.key("Sign up for our newsletter")));
        assertThat(rule.score(Shapes.key("Don’t miss our newsletter"))).isEqualTo(rule.score(Shapes.key("Don't miss our newsletter")));
        assertThat(rule.score(Shapes.key("Subscribe now"))).isGreaterThanOrEqualTo(2);
        // Whole words only: "subscribed" is not "subscribe", "donated" is not "donate".
        assertThat(rule.score(Shapes.key("He subscribed and donated"))).isZero();
    }
}
