package io.github.tencentci.camel.parsing;

/**
 * Hands out one {@code String} per distinct text instead of one per occurrence, for the values that repeat from job
 * to job in a page ({@code Code}, {@code Type}, {@code State}, {@code Name}, queue, region, bucket, ...): most of a
 * job's leaves. A direct-mapped table of recent strings, one per page: a text whose slot holds an equal string gets
 * that string; any other makes a new one, which takes the slot. Strings are immutable, so sharing them between jobs
 * is invisible to their users. Not thread-safe; used by one page's reader.
 */
final class TextCache {

    private static final int SLOTS = 128; // a power of two, well above the distinct repeating values of a page
    /** Longer texts are paths and messages that rarely repeat: not worth hashing. */
    private static final int MAX_LENGTH = 128;

    private final String[] slots = new String[SLOTS];
    private final int[] hashes = new int[SLOTS]; // of each slot's string, so that most misses cost no comparison

    /** The text of {@code chars[start, start + length)} as a string, an earlier equal one if the table holds it. */
    String text(char[] chars, int start, int length) {
        if (length == 0) {
            return "";
        }
        if (length > MAX_LENGTH) {
            return new String(chars, start, length);
        }
        int hash = 0;
        for (int i = start, end = start + length; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && hashes[slot] == hash && equal(cached, chars, start, length)) {
            return cached;
        }
        String text = new String(chars, start, length);
        slots[slot] = text;
        hashes[slot] = hash;
        return text;
    }

    private static boolean equal(String cached, char[] chars, int start, int length) {
        if (cached.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached.charAt(i) != chars[start + i]) {
                return false;
            }
        }
        return true;
    }
}
