package io.newsstream.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Tags an article's title and text with countries, places, people and organisations.
 *
 * <p>Input: a title (may be null) and a text. Output: for each string, its mentions sorted by
 * start offset, offsets in UTF-16 units of that string. Guarantees: COUNTRY and PLACE mentions
 * never overlap each other or a PERSON/ORGANIZATION span; PERSON and ORGANIZATION spans never
 * overlap. Title and text are read as one article: a name in the title can settle an ambiguous
 * name in the text and the other way round.
 *
 * <p>Build once (the lexicon over the whole knowledge base is compiled in the constructor) and
 * share: {@link #tag} keeps all its state on the stack and is safe to call from many threads.
 */
public final class Tagger {

    private static final Comparator<Mention> BY_START = Comparator.comparingInt(Mention::start)
            .thenComparingInt(Mention::end);

    private final KnowledgeBase kb;
    private final CharFolder folder;
    private final Lexicon lexicon;
    private final CountryResolver countries;
    private final OrganizationFinder organizations;
    private final PersonFinder people;

    public Tagger(KnowledgeBase kb) {
        this(kb, Rules.fromClasspath());
    }

    Tagger(KnowledgeBase kb, Rules rules) {
        this.kb = Objects.requireNonNull(kb, "kb");
        this.folder = new CharFolder();
        this.lexicon = LexiconLoader.build(kb, rules, folder);
        this.countries = new CountryResolver(lexicon, rules.cues);
        this.organizations = new OrganizationFinder(lexicon,
                StateBodies.build(kb, folder, LexiconLoader.governmentSurfaces(kb)));
        this.people = new PersonFinder(lexicon, rules.nameParticles);
    }

    /** Loads {@code kb/*.tsv} and {@code rules/*} from the classpath. */
    public static Tagger fromClasspath() {
        return new Tagger(KnowledgeBase.fromClasspath());
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public TagResult tag(String title, String text) {
        Doc titleDoc = title == null || title.isEmpty() ? null : new Doc(title, folder);
        Doc textDoc = new Doc(text == null ? "" : text, folder);
        List<Doc> docs = titleDoc == null ? List.of(textDoc) : List.of(titleDoc, textDoc);
        for (Doc doc : docs) {
            lexicon.scan(doc);
            doc.afterScan();
        }
        countries.resolve(docs);
        List<NameSpans> spans = new ArrayList<>(docs.size());
        PersonFinder.People found = new PersonFinder.People();
        for (Doc doc : docs) {
            NameSpans s = new NameSpans(doc);
            organizations.find(doc, s);
            people.find(doc, s, found);
            spans.add(s);
        }
        for (int i = 0; i < docs.size(); i++) {
            people.resolveShortForms(docs.get(i), spans.get(i), found);
        }
        List<Mention> textMentions = assemble(textDoc, spans.get(docs.size() - 1));
        List<Mention> titleMentions = titleDoc == null ? List.of() : assemble(titleDoc, spans.get(0));
        return new TagResult(titleMentions, textMentions);
    }

    private List<Mention> assemble(Doc doc, NameSpans spans) {
        List<Mention> out = new ArrayList<>(spans.mentions);
        Hits hits = doc.hits;
        for (int h = 0; h < hits.count; h++) {
            Entry chosen = doc.chosen[h];
            if (chosen != null && spans.free(hits.firstToken[h], hits.lastToken[h])) {
                out.add(mention(doc.text, hits.start[h], hits.end[h], chosen));
            }
        }
        out.sort(BY_START);
        return out;
    }

    private static Mention mention(String text, int start, int end, Entry chosen) {
        String span = text.substring(start, end);
        if (chosen.role() == Role.PLACE) {
            return new Mention(EntityKind.PLACE, span, start, end, chosen.id(), chosen.code(), chosen.kind());
        }
        if (chosen.has(Entry.F_HISTORICAL)) {
            return new Mention(EntityKind.HISTORICAL_STATE, span, start, end, chosen.code(), null, chosen.kind());
        }
        if (chosen.has(Entry.F_SUBNATIONAL)) {
            // England, Scotland, "Scottish": part of the country, so a region of it, not the country itself.
            return new Mention(EntityKind.PLACE, span, start, end, chosen.surface(), chosen.code(), MentionKind.REGION);
        }
        return new Mention(EntityKind.COUNTRY, span, start, end, chosen.code(), chosen.code(), chosen.kind());
    }
}
