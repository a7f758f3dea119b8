package io.newsstream.tag;

import java.util.Arrays;

/**
 * Lexicon matches in one string, in text order and non-overlapping: for each, its char span,
 * token span and the entries whose case rules it passed. Parallel primitive arrays, grown on
 * demand, so a scan allocates almost nothing.
 */
final class Hits {

    int count;
    int[] start = new int[32];
    int[] end = new int[32];
    int[] firstToken = new int[32];
    /** Exclusive. */
    int[] lastToken = new int[32];
    int[] entryFrom = new int[32];
    int[] entryTo = new int[32];
    /** Per hit: bit {@code 1 << role.ordinal()} for every role among its entries. */
    int[] roles = new int[32];
    int entryCount;
    int[] entries = new int[64];

    int add(int s, int e, int tokenFrom, int tokenTo) {
        if (count == start.length) {
            int size = count * 2;
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            firstToken = Arrays.copyOf(firstToken, size);
            lastToken = Arrays.copyOf(lastToken, size);
            entryFrom = Arrays.copyOf(entryFrom, size);
            entryTo = Arrays.copyOf(entryTo, size);
            roles = Arrays.copyOf(roles, size);
        }
        start[count] = s;
        end[count] = e;
        firstToken[count] = tokenFrom;
        lastToken[count] = tokenTo;
        entryFrom[count] = entryCount;
        entryTo[count] = entryCount;
        roles[count] = 0;
        return count++;
    }

    void addEntry(int hit, int entry, Role role) {
        roles[hit] |= 1 << role.ordinal();
        if (entryCount == entries.length) {
            entries = Arrays.copyOf(entries, entryCount * 2);
        }
        entries[entryCount++] = entry;
        entryTo[hit] = entryCount;
    }

    void dropLast() {
        count--;
        entryCount = entryFrom[count];
    }
}
