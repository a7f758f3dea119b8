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
    private static final int LINEAR_SEARCH_MAX = 8;

    private final CharFolder folder;
    private final Entry[] entries;
    private final int[] rootAscii = new int[128];
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final char[] edgeChar;
    private final int[] edgeTarget;
    private final int[] entryFrom;
    private final int[] entryTo;
    private final int[] entryIndex;

    private Lexicon(CharFolder folder, Map<String, Set<Entry>> surfaces) {
        this.folder = folder;
        List<Map<Character, Integer>> children = new ArrayList<>();
        List<List<Integer>> nodeEntries = new ArrayList<>();
        children.add(new HashMap<>());
        nodeEntries.add(new ArrayList<>());
        List<Entry> all = new ArrayList<>();
        Map<Entry, Integer> ids = new HashMap<>();
        for (Map.Entry<String, Set<Entry>> surface : surfaces.entrySet()) {
            int node = ROOT;
            for (char c : surface.getKey().toCharArray()) {
                Integer next = children.get(node).get(c);
                if (next == null) {
                    next = children.size();
                    children.get(node).put(c, next);
                    children.add(new HashMap<>());
                    nodeEntries.add(new ArrayList<>());
                }
                node = next;
            }
            for (Entry entry : surface.getValue()) {
                Integer id = ids.computeIfAbsent(entry, e -> {
                    all.add(e);
                    return all.size() - 1;
                });
                nodeEntries.get(node).add(id);
            }
        }
        entries = all.toArray(new Entry[0]);
        int nodes = children.size();
        edgeFrom = new int[nodes];
        edgeTo = new int[nodes];
        entryFrom = new int[nodes];
        entryTo = new int[nodes];
        int edgeCount = 0;
        int payloadCount = 0;
        for (int i = 0; i < nodes; i++) {
            edgeCount += children.get(i).size();
            payloadCount += nodeEntries.get(i).size();
        }
        edgeChar = new char[edgeCount];
        edgeTarget = new int[edgeCount];
        entryIndex = new int[payloadCount];
        int e = 0;
        int p = 0;
        for (int i = 0; i < nodes; i++) {
            Character[] keys = children.get(i).keySet().toArray(new Character[0]);
            Arrays.sort(keys);
            edgeFrom[i] = e;
            for (Character key : keys) {
                edgeChar[e] = key;
                edgeTarget[e] = children.get(i).get(key);
                e++;
            }
            edgeTo[i] = e;
            entryFrom[i] = p;
            for (int id : nodeEntries.get(i)) {
                entryIndex[p++] = id;
            }
            entryTo[i] = p;
        }
        Arrays.fill(rootAscii, -1);
        for (int k = edgeFrom[ROOT]; k < edgeTo[ROOT]; k++) {
            if (edgeChar[k] < 128) {
                rootAscii[edgeChar[k]] = edgeTarget[k];
            }
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
        return folder.fold(surface.strip()).replaceAll(" +", " ");
    }

    Entry entry(int index) {
        return entries[index];
    }

    int entryCount() {
        return entries.length;
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
            int node = ROOT;
            int i = p;
            int terminals = 0;
            while (i < n) {
                char c = f[i];
                int next = child(node, c);
                if (next < 0) {
                    break;
                }
                if (c == ' ') {
                    while (i < n && f[i] == ' ') {
                        i++;
                    }
                } else {
                    i++;
                }
                node = next;
                if (entryTo[node] > entryFrom[node] && (i == n || !folder.alnum(f[i]) || !folder.alnum(f[i - 1]))) {
                    if (terminals == terminalNode.length) {
                        terminalNode = Arrays.copyOf(terminalNode, terminals * 2);
                        terminalEnd = Arrays.copyOf(terminalEnd, terminals * 2);
                    }
                    terminalNode[terminals] = node;
                    terminalEnd[terminals] = i;
                    terminals++;
                }
            }
            int matchedEnd = -1;
            for (int k = terminals - 1; k >= 0 && matchedEnd < 0; k--) {
                int end = terminalEnd[k];
                int lastToken = t;
                while (lastToken < doc.tokenCount && doc.tokenStart[lastToken] < end) {
                    lastToken++;
                }
                int hit = hits.add(p, end, t, lastToken);
                boolean capsOk = allowsCaps(doc, t, lastToken);
                for (int q = entryFrom[terminalNode[k]]; q < entryTo[terminalNode[k]]; q++) {
                    Entry entry = entries[entryIndex[q]];
                    if (CaseRule.accepts(entry, doc, p, end, capsOk)) {
                        hits.addEntry(hit, entryIndex[q], entry.role());
                    }
                }
                if (hits.entryTo[hit] == hits.entryFrom[hit]) {
                    hits.dropLast();
                } else {
                    doc.tokenHit[t] = hit;
                    matchedEnd = lastToken;
                }
            }
            t = matchedEnd > t ? matchedEnd : t + 1;
        }
    }

    /**
     * An all-caps span may stand for a titlecase name when its whole line is in capitals (a
     * headline) or when it opens the text as a dateline ("PARIS (Reuters) -", "BAKU, May 28 -").
     */
    private static boolean allowsCaps(Doc doc, int firstToken, int lastToken) {
        return doc.has(firstToken, Doc.CAPS_LINE) || doc.datelineAt(firstToken, lastToken);
    }

    private int child(int node, char c) {
        if (node == ROOT && c < 128) {
            return rootAscii[c];
        }
        int lo = edgeFrom[node];
        int hi = edgeTo[node];
        if (hi - lo <= LINEAR_SEARCH_MAX) {
            for (int k = lo; k < hi; k++) {
                if (edgeChar[k] == c) {
                    return edgeTarget[k];
                }
            }
            return -1;
        }
        hi--;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = edgeChar[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return edgeTarget[mid];
            }
        }
        return -1;
    }

    CharFolder folder() {
        return folder;
    }
}
