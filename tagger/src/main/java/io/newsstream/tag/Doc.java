package io.newsstream.tag;

import java.util.Arrays;

/**
 * One string prepared for matching: its folded view (same length, so offsets carry over) and its
 * word tokens (maximal runs of letters and digits; an apostrophe between letters stays inside,
 * as in "O'Brien", but not a possessive "'s"). Per-call scratch; not shared between threads.
 */
final class Doc {

    static final int CAPITALISED = 1;
    static final int ALL_CAPS = 1 << 1;
    static final int LOWER = 1 << 2;
    static final int DIGIT = 1 << 3;
    /** First word of a sentence (after . ! ? : or a line break, or at the start). */
    static final int SENTENCE_START = 1 << 4;
    /** The word's line has no lower-case letter (an all-caps headline). */
    static final int CAPS_LINE = 1 << 5;
    /** Only spaces (no punctuation) between this word and the previous one. */
    static final int JOINED_LEFT = 1 << 6;
    /** In a sentence with no lower-case word longer than three letters (a title-case headline). */
    static final int TITLE_CASE = 1 << 8;
    /** Followed by a possessive "'s" or "'" (the "s" is not a token of its own). */
    static final int POSSESSIVE = 1 << 7;

    final String text;
    /** The original UTF-16 units. */
    final char[] chars;
    final char[] folded;
    private final CharFolder folder;
    int tokenCount;
    int[] tokenStart;
    int[] tokenEnd;
    int[] tokenFlags;
    /** Index of the lexicon hit starting at each token, or -1. */
    int[] tokenHit;
    /** Index of the lexicon hit covering each token, or -1. */
    int[] tokenOwner;
    final Hits hits = new Hits();
    /** Per hit: the meaning the resolvers settled on, or null. Sized after the scan. */
    Entry[] chosen = new Entry[0];

    Doc(String text, CharFolder folder) {
        this.text = text;
        this.folder = folder;
        this.chars = text.toCharArray();
        this.folded = new char[chars.length];
        folder.fold(chars, folded);
        int capacity = Math.max(16, chars.length / 4);
        tokenStart = new int[capacity];
        tokenEnd = new int[capacity];
        tokenFlags = new int[capacity];
        tokenize();
        tokenHit = new int[tokenCount];
        tokenOwner = new int[tokenCount];
        Arrays.fill(tokenHit, -1);
        Arrays.fill(tokenOwner, -1);
    }

    boolean alnum(int offset) {
        return folder.alnum(folded[offset]);
    }

    void afterScan() {
        chosen = new Entry[hits.count];
        for (int h = 0; h < hits.count; h++) {
            for (int t = hits.firstToken[h]; t < hits.lastToken[h]; t++) {
                tokenOwner[t] = h;
            }
        }
    }

    /** The hit's entry with the given role, or null. */
    Entry entry(Lexicon lexicon, int hit, Role role) {
        if ((hits.roles[hit] & (1 << role.ordinal())) == 0) {
            return null;
        }
        for (int q = hits.entryFrom[hit]; q < hits.entryTo[hit]; q++) {
            Entry e = lexicon.entry(hits.entries[q]);
            if (e.role() == role) {
                return e;
            }
        }
        return null;
    }

    /** True when the hit has an entry with the given role. */
    boolean hasRole(Lexicon lexicon, int hit, Role role) {
        return (hits.roles[hit] & (1 << role.ordinal())) != 0;
    }

    /** The hit starting at a token, or -1 (also for tokens past the end). */
    int hitAt(int token) {
        return token >= 0 && token < tokenCount ? tokenHit[token] : -1;
    }

    /** The hit covering a token, or -1. */
    int ownerHit(int token) {
        return token >= 0 && token < tokenCount ? tokenOwner[token] : -1;
    }

    /** The first word of the string in capitals followed by "," "(" or "-": a dateline place. */
    boolean datelineAt(int firstToken, int lastToken) {
        if (firstToken != 0 || lastToken < 1 || !has(firstToken, ALL_CAPS)) {
            return false;
        }
        int i = tokenEnd[lastToken - 1];
        while (i < folded.length && folded[i] == ' ') {
            i++;
        }
        return i < folded.length && (folded[i] == ',' || folded[i] == '(' || folded[i] == '-');
    }

    /** The hit ending on the word right before the hit, or -1. */
    int hitBefore(int hit) {
        int prev = hit - 1;
        return prev >= 0 && hits.lastToken[prev] == hits.firstToken[hit] ? prev : -1;
    }

    /** The hit starting on the word right after the hit, or -1. */
    int hitAfter(int hit) {
        int next = hit + 1;
        return next < hits.count && hits.firstToken[next] == hits.lastToken[hit] ? next : -1;
    }

    int length() {
        return folded.length;
    }

    boolean has(int token, int flag) {
        return (tokenFlags[token] & flag) != 0;
    }

    /** Token index containing or following a char offset. */
    int tokenAtOrAfter(int offset) {
        int i = Arrays.binarySearch(tokenStart, 0, tokenCount, offset);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * Consecutive tokens joined as parts of one name: only spaces between them, a single hyphen
     * ("al-Assad"), or the full stop of an initial ("John F. Kennedy").
     */
    boolean connected(int left) {
        int right = left + 1;
        if (right >= tokenCount) {
            return false;
        }
        int from = tokenEnd[left];
        int to = tokenStart[right];
        if (to - from == 1 && folded[from] == '-') {
            return true;
        }
        boolean initial = tokenEnd[left] - tokenStart[left] == 1 && has(left, CAPITALISED);
        for (int i = from; i < to; i++) {
            char c = folded[i];
            if (c != ' ' && !(c == '.' && initial && i == from)) {
                return false;
            }
        }
        return true;
    }

    /** The token's text with whitespace runs collapsed. */
    String span(int fromToken, int toTokenExclusive) {
        StringBuilder out = new StringBuilder(tokenEnd[toTokenExclusive - 1] - tokenStart[fromToken]);
        boolean space = false;
        for (int i = tokenStart[fromToken]; i < tokenEnd[toTokenExclusive - 1]; i++) {
            if (folded[i] == ' ') {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(chars[i]);
        }
        return out.toString();
    }

    /**
     * End offset of a folded surface read from {@code offset} (a space in the surface matches
     * any whitespace run), or -1 when the text differs there.
     */
    int matchEnd(int offset, String foldedSurface) {
        int i = offset;
        for (int j = 0; j < foldedSurface.length(); j++) {
            char c = foldedSurface.charAt(j);
            if (i >= folded.length) {
                return -1;
            }
            if (c == ' ') {
                if (folded[i] != ' ') {
                    return -1;
                }
                while (i < folded.length && folded[i] == ' ') {
                    i++;
                }
            } else if (folded[i++] != c) {
                return -1;
            }
        }
        return i;
    }

    /** True when the folded text at {@code offset} reads {@code word} as a whole word. */
    boolean wordAt(int offset, String word) {
        int end = offset + word.length();
        if (end > folded.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (folded[offset + i] != word.charAt(i)) {
                return false;
            }
        }
        return end == folded.length || !alnum(end);
    }

    private void tokenize() {
        char[] f = folded;
        int n = f.length;
        boolean sentenceStart = true;
        boolean joined = false;
        int lineFirstToken = 0;
        boolean lineHasLower = false;
        boolean lineHasLetter = false;
        sentenceFirstToken = 0;
        int i = 0;
        while (i < n) {
            char c = f[i];
            if (c == '\'' && tokenCount > 0 && tokenEnd[tokenCount - 1] == i
                    && (i + 1 >= n || !alnum(i + 1) || possessive(i))) {
                tokenFlags[tokenCount - 1] |= POSSESSIVE;
                i += i + 1 < n && f[i + 1] == 's' ? 2 : 1;
                joined = false;
                continue;
            }
            if (!folder.alnum(c)) {
                if (chars[i] == '\n') {
                    closeLine(lineFirstToken, lineHasLetter && !lineHasLower);
                    lineFirstToken = tokenCount;
                    lineHasLower = false;
                    lineHasLetter = false;
                    sentenceStart = true;
                } else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') {
                    sentenceStart = sentenceStart || !abbreviationBefore(i);
                }
                if (c != ' ') {
                    joined = false;
                }
                i++;
                continue;
            }
            int start = i;
            boolean upper = true;
            boolean anyLetter = false;
            while (i < n) {
                char ch = f[i];
                char o = chars[i];
                if (o >= 'a' && o <= 'z') {
                    // ASCII fast path: most text is plain lower-case letters
                    anyLetter = true;
                    upper = false;
                    i++;
                } else if (folder.alnum(ch)) {
                    byte cls = folder.classOf(o);
                    if ((cls & CharFolder.LETTER) != 0) {
                        anyLetter = true;
                        if ((cls & CharFolder.LOWER) != 0) {
                            upper = false;
                        }
                    }
                    i++;
                } else if (ch == '\'' && i + 1 < n && (folder.classOf(f[i + 1]) & CharFolder.LETTER) != 0
                        && !possessive(i)) {
                    i++;
                } else {
                    break;
                }
            }
            lineHasLetter |= anyLetter;
            lineHasLower |= !upper;
            byte first = folder.classOf(chars[start]);
            int flags = 0;
            if ((first & CharFolder.UPPER) != 0) {
                flags |= CAPITALISED;
                if (upper && anyLetter) {
                    flags |= ALL_CAPS;
                }
            } else if ((first & CharFolder.LOWER) != 0) {
                flags |= LOWER;
            } else if ((first & CharFolder.DIGIT) != 0) {
                flags |= DIGIT;
            }
            if (sentenceStart) {
                flags |= SENTENCE_START;
                closeSentence(sentenceFirstToken);
                sentenceFirstToken = tokenCount;
            }
            if (joined) {
                flags |= JOINED_LEFT;
            }
            add(start, i, flags);
            sentenceCapitalised += (flags & CAPITALISED) != 0 ? 1 : 0;
            sentenceHasLongLower |= (flags & LOWER) != 0 && i - start > FUNCTION_WORD_MAX;
            sentenceStart = false;
            joined = true;
        }
        closeLine(lineFirstToken, lineHasLetter && !lineHasLower);
        closeSentence(sentenceFirstToken);
    }

    private int sentenceFirstToken;

    private static final int TITLE_CASE_MIN_TOKENS = 4;
    private static final int FUNCTION_WORD_MAX = 3;

    /** Words so far in the current sentence that rule out a title-case headline. */
    private boolean sentenceHasLongLower;
    private int sentenceCapitalised;

    /** Marks the sentence's tokens TITLE_CASE when every word longer than three letters is capitalised. */
    private void closeSentence(int first) {
        if (!sentenceHasLongLower && sentenceCapitalised >= TITLE_CASE_MIN_TOKENS) {
            for (int t = first; t < tokenCount; t++) {
                tokenFlags[t] |= TITLE_CASE;
            }
        }
        sentenceHasLongLower = false;
        sentenceCapitalised = 0;
    }

    /** "'s" or "'" ending a word: a possessive, not part of the word. */
    private boolean possessive(int apostrophe) {
        int next = apostrophe + 1;
        return folded[next] == 's' && (next + 1 >= folded.length || !alnum(next + 1));
    }

    /** A full stop after a single capital or a short capitalised word ("U.S.", "Mr.") rarely ends a sentence. */
    private boolean abbreviationBefore(int dot) {
        if (tokenCount == 0 || tokenEnd[tokenCount - 1] != dot) {
            return false;
        }
        int len = tokenEnd[tokenCount - 1] - tokenStart[tokenCount - 1];
        return len == 1 && (tokenFlags[tokenCount - 1] & CAPITALISED) != 0
                || len <= 3 && (tokenFlags[tokenCount - 1] & CAPITALISED) != 0
                && (tokenFlags[tokenCount - 1] & ALL_CAPS) == 0;
    }

    private void closeLine(int firstToken, boolean capsLine) {
        if (capsLine) {
            for (int t = firstToken; t < tokenCount; t++) {
                tokenFlags[t] |= CAPS_LINE;
            }
        }
    }

    private void add(int start, int end, int flags) {
        if (tokenCount == tokenStart.length) {
            int size = tokenCount * 2;
            tokenStart = Arrays.copyOf(tokenStart, size);
            tokenEnd = Arrays.copyOf(tokenEnd, size);
            tokenFlags = Arrays.copyOf(tokenFlags, size);
        }
        tokenStart[tokenCount] = start;
        tokenEnd[tokenCount] = end;
        tokenFlags[tokenCount] = flags;
        tokenCount++;
    }
}
