package io.newsstream.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every surface the tagger knows (knowledge-base names and rule words) in one character trie
 * over the folded text, built once. {@link #scan} walks the trie from each word start and keeps
 * the longest surface that ends on a word boundary and passes its case rule: with the
 * word-boundary constraint this finds the same leftmost-longest matches as an Aho–Corasick
 * automaton, without failure links, in one pass. A space in a surface matches any run of
 * whitespace (line breaks included). Immutable and thread-safe after construction.
 */
final class Lexicon {

    private static final int ROOT = 0;
    private static final int STRIDE = 6;
    private static final int EDGE_FROM = 0;
    private static final int EDGE_TO = 1;
    private static final int ENTRY_FROM = 2;
    private static final int ENTRY_TO = 3;
    private static final int DENSE = 4;
    private static final int FLAGS = 5;
    /** In {@link #FLAGS}: the node ends at least one surface. */
    private static final int HAS_ENTRIES = 1;
    /**
     * In {@link #FLAGS}: some surface at or below the node can match text that starts with a
     * lower-case letter (case-insensitive or block entries, or a surface that starts lower case).
     * Most tokens of running text are lower-case words ("the", "said"), and the walk for them
     * stops as soon as only capitalised names ("The Gambia", "Saudi Arabia") remain below: the
     * {@link CaseRule} would reject every one of them anyway.
     */
    private static final int LOWER_INITIAL_OK = 2;
    private static final int LINEAR_SEARCH_MAX = 8;

    private final CharFolder folder;
    private final Entry[] entries;
    private final int[] rootAscii = new int[128];
    /**
     * Per node, {@link #STRIDE} ints side by side so one visit touches one cache line: first and
     * end edge (pairs in {@link #edges}), first and end payload (in {@link #entryIndex}), the
     * offset of its dense ASCII transition table in {@link #dense} or -1, and flags
     * ({@link #HAS_ENTRIES}, {@link #LOWER_INITIAL_OK}) that the walk tests at every step.
     */
    private final int[] nodes;
    /** Edge pairs: label char, target node. */
    private final int[] edges;
    private final int[] entryIndex;
    private final int[] dense;

    private Lexicon(CharFolder folder, Map<String, Set<Entry>> surfaces) {
        this.folder = folder;
        TrieBuilder trie = new TrieBuilder();
        List<Entry> all = new ArrayList<>();
        Map<Entry, Integer> ids = new HashMap<>();
        List<int[]> payloads = new ArrayList<>();
        for (Map.Entry<String, Set<Entry>> surface : surfaces.entrySet()) {
            int node = trie.insert(surface.getKey());
            for (Entry entry : surface.getValue()) {
                Integer id = ids.get(entry);
                if (id == null) {
                    id = all.size();
                    ids.put(entry, id);
                    all.add(entry);
                }
                payloads.add(new int[] {node, id});
            }
        }
        entries = all.toArray(new Entry[0]);
        int nodeCount = trie.size();
        int[] edgeFrom = new int[nodeCount];
        int[] edgeTo = new int[nodeCount];
        char[] edgeChar = new char[nodeCount - 1];
        int[] edgeTarget = new int[nodeCount - 1];
        int e = 0;
        for (int i = 0; i < nodeCount; i++) {
            edgeFrom[i] = e;
            e = trie.sortedChildren(i, edgeChar, edgeTarget, e);
            edgeTo[i] = e;
        }
        payloads.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int[] entryFrom = new int[nodeCount];
        int[] entryTo = new int[nodeCount];
        entryIndex = new int[payloads.size()];
        for (int p = 0; p < payloads.size(); p++) {
            int node = payloads.get(p)[0];
            if (entryTo[node] == 0) {
                entryFrom[node] = p;
            }
            entryIndex[p] = payloads.get(p)[1];
            entryTo[node] = p + 1;
        }
        Arrays.fill(rootAscii, -1);
        for (int k = edgeFrom[ROOT]; k < edgeTo[ROOT]; k++) {
            if (edgeChar[k] < 128) {
                rootAscii[edgeChar[k]] = edgeTarget[k];
            }
        }
        // Nodes with many children (the first letters of words) get a direct ASCII table.
        int[] denseFrom = new int[nodeCount];
        Arrays.fill(denseFrom, -1);
        int denseNodes = 0;
        for (int i = 0; i < nodeCount; i++) {
            if (edgeTo[i] - edgeFrom[i] > LINEAR_SEARCH_MAX) {
                denseNodes++;
            }
        }
        dense = new int[denseNodes * 128];
        Arrays.fill(dense, -1);
        int next = 0;
        for (int i = 0; i < nodeCount; i++) {
            if (edgeTo[i] - edgeFrom[i] > LINEAR_SEARCH_MAX) {
                denseFrom[i] = next;
                for (int k = edgeFrom[i]; k < edgeTo[i]; k++) {
                    if (edgeChar[k] < 128) {
                        dense[next + edgeChar[k]] = edgeTarget[k];
                    }
                }
                next += 128;
            }
        }
        boolean[] lowerInitialOk = new boolean[nodeCount];
        // A child is always created after its parent, so descending ids visit children first.
        for (int i = nodeCount - 1; i >= 0; i--) {
            boolean ok = false;
            for (int q = entryFrom[i]; q < entryTo[i] && !ok; q++) {
                ok = acceptsLowerInitial(entries[entryIndex[q]]);
            }
            for (int k = edgeFrom[i]; k < edgeTo[i] && !ok; k++) {
                ok = lowerInitialOk[edgeTarget[k]];
            }
            lowerInitialOk[i] = ok;
        }
        nodes = new int[nodeCount * STRIDE];
        for (int i = 0; i < nodeCount; i++) {
            nodes[i * STRIDE + EDGE_FROM] = edgeFrom[i];
            nodes[i * STRIDE + EDGE_TO] = edgeTo[i];
            nodes[i * STRIDE + ENTRY_FROM] = entryFrom[i];
            nodes[i * STRIDE + ENTRY_TO] = entryTo[i];
            nodes[i * STRIDE + DENSE] = denseFrom[i];
            nodes[i * STRIDE + FLAGS] = (entryTo[i] > entryFrom[i] ? HAS_ENTRIES : 0)
                    | (lowerInitialOk[i] ? LOWER_INITIAL_OK : 0);
        }
        edges = new int[edgeChar.length * 2];
        for (int k = 0; k < edgeChar.length; k++) {
            edges[2 * k] = edgeChar[k];
            edges[2 * k + 1] = edgeTarget[k];
        }
    }

    /** A growable trie with first-child/next-sibling links in int arrays (no boxing), for building only. */
    private static final class TrieBuilder {
        private int size = 1;
        private char[] label = new char[1024];
        private int[] firstChild = new int[1024];
        private int[] nextSibling = new int[1024];

        TrieBuilder() {
            firstChild[ROOT] = -1;
            nextSibling[ROOT] = -1;
        }

        int size() {
            return size;
        }

        int insert(String key) {
            int node = ROOT;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                int child = firstChild[node];
                while (child >= 0 && label[child] != c) {
                    child = nextSibling[child];
                }
                if (child < 0) {
                    child = newNode(c);
                    nextSibling[child] = firstChild[node];
                    firstChild[node] = child;
                }
                node = child;
            }
            return node;
        }

        private int newNode(char c) {
            if (size == label.length) {
                label = Arrays.copyOf(label, size * 2);
                firstChild = Arrays.copyOf(firstChild, size * 2);
                nextSibling = Arrays.copyOf(nextSibling, size * 2);
            }
            label[size] = c;
            firstChild[size] = -1;
            nextSibling[size] = -1;
            return size++;
        }

        /** Writes the node's children sorted by label from {@code at}; returns the next free index. */
        int sortedChildren(int node, char[] chars, int[] targets, int at) {
            int end = at;
            for (int child = firstChild[node]; child >= 0; child = nextSibling[child]) {
                int k = end++;
                while (k > at && chars[k - 1] > label[child]) {
                    chars[k] = chars[k - 1];
                    targets[k] = targets[k - 1];
                    k--;
                }
                chars[k] = label[child];
                targets[k] = child;
            }
            return end;
        }
    }

    /** Collects surfaces (folded, spaces collapsed) with their meanings, then freezes the trie. */
    static final class Builder {
        private final CharFolder folder;
        private final Map<String, Set<Entry>> surfaces = new HashMap<>();

        Builder(CharFolder folder) {
            this.folder = folder;
        }

        Builder add(Entry entry) {
            String key = key(folder, entry.surface());
            if (!key.isEmpty()) {
                surfaces.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(entry);
            }
            return this;
        }

        Lexicon build() {
            return new Lexicon(folder, surfaces);
        }
    }

    static String key(CharFolder folder, String surface) {
        String folded = folder.fold(surface.strip());
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c != ' ' || out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    Entry entry(int index) {
        return entries[index];
    }

    /** Fills {@code doc.hits} and {@code doc.tokenHit}. */
    void scan(Doc doc) {
        char[] f = doc.folded;
        int n = f.length;
        Hits hits = doc.hits;
        int[] terminalNode = new int[16];
        int[] terminalEnd = new int[16];
        int t = 0;
        while (t < doc.tokenCount) {
            int p = doc.tokenStart[t];
            int terminals = 0;
            int node = f[p] < 128 ? rootAscii[f[p]] : child(ROOT, f[p]);
            int i = p + 1;
            int required = Character.isLowerCase(doc.chars[p]) ? LOWER_INITIAL_OK : 0;
            while (node >= 0) {
                int base = node * STRIDE;
                int flags = nodes[base + FLAGS];
                if ((flags & required) != required) {
                    break;
                }
                if ((flags & HAS_ENTRIES) != 0
                        && (i == n || !folder.alnum(f[i]) || !folder.alnum(f[i - 1]))) {
                    if (terminals == terminalNode.length) {
                        terminalNode = Arrays.copyOf(terminalNode, terminals * 2);
                        terminalEnd = Arrays.copyOf(terminalEnd, terminals * 2);
                    }
                    terminalNode[terminals] = node;
                    terminalEnd[terminals] = i;
                    terminals++;
                }
                if (i >= n) {
                    break;
                }
                char c = f[i];
                node = child(node, c);
                i++;
                if (c == ' ') {
                    while (i < n && f[i] == ' ') {
                        i++;
                    }
                }
            }
            int matchedEnd = terminals == 0 ? -1 : accept(doc, t, terminalNode, terminalEnd, terminals);
            t = matchedEnd > t ? matchedEnd : t + 1;
        }
    }

    /** Keeps the longest terminal whose case rule passes; returns the token after it, or -1. */
    private int accept(Doc doc, int t, int[] terminalNode, int[] terminalEnd, int terminals) {
        Hits hits = doc.hits;
        int p = doc.tokenStart[t];
        for (int k = terminals - 1; k >= 0; k--) {
            int end = terminalEnd[k];
            int lastToken = t;
            while (lastToken < doc.tokenCount && doc.tokenStart[lastToken] < end) {
                lastToken++;
            }
            int hit = hits.add(p, end, t, lastToken);
            boolean capsOk = allowsCaps(doc, t, lastToken);
            int base = terminalNode[k] * STRIDE;
            for (int q = nodes[base + ENTRY_FROM]; q < nodes[base + ENTRY_TO]; q++) {
                Entry entry = entries[entryIndex[q]];
                if (CaseRule.accepts(entry, doc, p, end, capsOk)) {
                    hits.addEntry(hit, entryIndex[q], entry.role());
                }
            }
            if (hits.entryTo[hit] == hits.entryFrom[hit]) {
                hits.dropLast();
            } else {
                doc.tokenHit[t] = hit;
                return lastToken;
            }
        }
        return -1;
    }

    /**
     * An all-caps span may stand for a titlecase name when its whole line is in capitals (a
     * headline) or when it opens the text as a dateline ("PARIS (Reuters) -", "BAKU, May 28 -").
     */
    private static boolean allowsCaps(Doc doc, int firstToken, int lastToken) {
        return doc.has(firstToken, Doc.CAPS_LINE) || doc.datelineAt(firstToken, lastToken);
    }

    /** Whether {@link CaseRule} can accept this entry on a span whose first letter is lower case. */
    private static boolean acceptsLowerInitial(Entry entry) {
        if (entry.has(Entry.F_CASE_INSENSITIVE) || entry.role() == Role.BLOCK) {
            return true;
        }
        String surface = entry.surface();
        return surface.isEmpty() || !Character.isUpperCase(surface.charAt(0));
    }

    private int child(int node, char c) {
        int base = node * STRIDE;
        if (c < 128) {
            if (node == ROOT) {
                return rootAscii[c];
            }
            int table = nodes[base + DENSE];
            if (table >= 0) {
                return dense[table + c];
            }
        }
        int lo = nodes[base + EDGE_FROM];
        int hi = nodes[base + EDGE_TO];
        if (hi - lo <= LINEAR_SEARCH_MAX) {
            for (int k = lo; k < hi; k++) {
                if (edges[2 * k] == c) {
                    return edges[2 * k + 1];
                }
            }
            return -1;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int m = edges[2 * mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edges[2 * mid + 1];
            }
        }
        return -1;
    }
}
