package io.github.tencentci.camel.delivery;

import java.util.Arrays;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default idempotent repository of the consumer: the last {@code capacity} keys added, in memory; adding one
 * more forgets the oldest.
 * <p>
 * It keeps what Camel's {@code MemoryIdempotentRepository} kept for this use (a key is never added twice, so its
 * least recently used key is its oldest, and {@code contains} does not refresh a key) without one object per key.
 * Each key's characters are copied into one byte array (one byte a character when all of them fit in Latin-1, two
 * otherwise), the keys are linked in insertion order through int arrays, and an open-addressing table holds each
 * key's hash next to its index. A held key was one {@code String}, its bytes and a map entry: three objects that
 * lived through the collector's young collections (copied each time), were promoted, and died in the old
 * generation when evicted, so a small heap spent its time copying and marking them (issue 15: a 64 MB heap read 1M
 * jobs at 0.87x the speed of the default heap). Now the repository is a handful of primitive arrays, allocated as it
 * grows to its capacity and then reused: nothing per key for the collector to copy, trace or reclaim. A poll asks
 * mostly about keys it has not seen, which costs one table slot, never a key comparison; the characters are compared
 * only when the full hash matches.
 * <p>
 * Thread-safe under one lock: the polling thread asks, the threads that complete exchanges add.
 */
public final class BoundedMemoryRepository extends ServiceSupport implements IdempotentRepository {

    /** The largest capacity: beyond it the table's index would overflow (and the heap would long be gone). */
    public static final int MAX_CAPACITY = 1 << 28;

    private static final int NONE = -1;
    private static final int INITIAL_ENTRIES = 1024;
    private static final int INITIAL_BYTES_PER_ENTRY = 48;
    private static final int MAX_TEXT = Integer.MAX_VALUE - 8;

    private final int capacity;
    /** By entry index: the key's hash, where its bytes start, its length, the next older and newer entry. */
    private int[] hashes;
    private int[] starts;
    /** In characters; negative when the key is stored as two bytes a character (it has a character beyond Latin-1). */
    private int[] lengths;
    private int[] older;
    private int[] newer;
    /** The keys' characters, oldest first: appended at {@link #textEnd}, compacted when full. */
    private byte[] text;
    private int textEnd;
    private int textHeld;
    /** Linear probing; a slot is {@code hash << 32 | (entry + 1)}, 0 when empty; at most half full. */
    private long[] table;
    private int size;
    /** Entries never used yet start at this index; removed ones are reused first, linked through {@link #newer}. */
    private int unused;
    private int free = NONE;
    private int oldest = NONE;
    private int newest = NONE;

    /** @param capacity the most keys held, 1 to {@value #MAX_CAPACITY} */
    public BoundedMemoryRepository(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "capacity " + capacity + " must be from 1 to " + MAX_CAPACITY + " keys");
        }
        this.capacity = capacity;
        clear();
    }

    public int getCapacity() {
        return capacity;
    }

    /** How many keys are held now. */
    public synchronized int size() {
        return size;
    }

    @Override
    public synchronized boolean add(String key) {
        int hash = key.hashCode();
        if (slotOf(key, hash) != NONE) {
            return false;
        }
        if (size == capacity) {
            removeEntry(oldest);
        }
        int entry = newEntry();
        hashes[entry] = hash;
        store(entry, key);
        older[entry] = newest;
        newer[entry] = NONE;
        if (newest != NONE) {
            newer[newest] = entry;
        } else {
            oldest = entry;
        }
        newest = entry;
        size++;
        if (size > table.length / 2) {
            rehash(table.length * 2);
        }
        insert(hash, entry);
        return true;
    }

    @Override
    public synchronized boolean contains(String key) {
        return slotOf(key, key.hashCode()) != NONE;
    }

    @Override
    public synchronized boolean remove(String key) {
        int slot = slotOf(key, key.hashCode());
        if (slot == NONE) {
            return false;
        }
        removeEntry((int) table[slot] - 1);
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true; // added means confirmed
    }

    @Override
    public synchronized void clear() {
        int entries = Math.min(capacity, INITIAL_ENTRIES);
        hashes = new int[entries];
        starts = new int[entries];
        lengths = new int[entries];
        older = new int[entries];
        newer = new int[entries];
        text = new byte[entries * INITIAL_BYTES_PER_ENTRY];
        textEnd = 0;
        textHeld = 0;
        table = new long[tableSizeFor(entries)];
        size = 0;
        unused = 0;
        free = NONE;
        oldest = NONE;
        newest = NONE;
    }

    @Override
    public String toString() {
        return "BoundedMemoryRepository[" + capacity + " keys]";
    }

    /** The table slot holding {@code key}, or {@link #NONE}. */
    private int slotOf(String key, int hash) {
        int mask = table.length - 1;
        for (int slot = home(hash, mask);; slot = (slot + 1) & mask) {
            long held = table[slot];
            if (held == 0) {
                return NONE;
            }
            if ((int) (held >>> 32) == hash && matches((int) held - 1, key)) {
                return slot;
            }
        }
    }

    private boolean matches(int entry, String key) {
        int length = lengths[entry];
        int at = starts[entry];
        if (length >= 0) {
            if (length != key.length()) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if ((text[at + i] & 0xFF) != key.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        if (-length != key.length()) {
            return false;
        }
        for (int i = 0; i < -length; i++, at += 2) {
            if (((text[at] & 0xFF) << 8 | (text[at + 1] & 0xFF)) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Copies the key's characters to the end of the text, one byte each when they all fit in Latin-1. */
    private void store(int entry, String key) {
        int chars = key.length();
        boolean latin1 = true;
        for (int i = 0; i < chars && latin1; i++) {
            latin1 = key.charAt(i) <= 0xFF;
        }
        int bytes = latin1 ? chars : 2 * chars;
        makeRoom(bytes);
        int at = textEnd;
        if (latin1) {
            for (int i = 0; i < chars; i++) {
                text[at + i] = (byte) key.charAt(i);
            }
        } else {
            for (int i = 0, to = at; i < chars; i++, to += 2) {
                char c = key.charAt(i);
                text[to] = (byte) (c >>> 8);
                text[to + 1] = (byte) c;
            }
        }
        starts[entry] = at;
        lengths[entry] = latin1 ? chars : -chars;
        textEnd += bytes;
        textHeld += bytes;
    }

    private int bytesOf(int entry) {
        int length = lengths[entry];
        return length >= 0 ? length : -2 * length;
    }

    /**
     * Makes room for {@code bytes} more at the end of the text. Removed keys leave gaps; when the end is reached, the
     * held keys are moved together, oldest first (the order they already lie in), into the same array while that
     * leaves a third of it free, else into one half as large again as they need. So at least a third of the array is
     * appended between two moves, which move at most two thirds: each byte is moved at most twice on average, and the
     * text never takes more than one and a half times the most the held keys ever took.
     */
    private void makeRoom(int bytes) {
        if (textEnd + bytes <= text.length) {
            return;
        }
        long needed = (long) textHeld + bytes;
        byte[] into = text;
        if (needed > text.length / 3 * 2) {
            long grown = Math.min(MAX_TEXT, Math.max(needed + needed / 2, INITIAL_ENTRIES));
            if (needed > grown) {
                throw new IllegalStateException("the keys held by " + this + " would exceed " + MAX_TEXT + " bytes");
            }
            into = new byte[(int) grown];
        }
        int end = 0;
        for (int entry = oldest; entry != NONE; entry = newer[entry]) {
            int length = bytesOf(entry);
            System.arraycopy(text, starts[entry], into, end, length); // never forward: safe within one array
            starts[entry] = end;
            end += length;
        }
        text = into;
        textEnd = end;
    }

    private void insert(int hash, int entry) {
        int mask = table.length - 1;
        int slot = home(hash, mask);
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = (long) hash << 32 | (entry + 1L);
    }

    /** Unlinks an entry, frees its table slot, its text and its index. */
    private void removeEntry(int entry) {
        int mask = table.length - 1;
        int slot = home(hashes[entry], mask);
        while ((int) table[slot] - 1 != entry) {
            slot = (slot + 1) & mask;
        }
        deleteSlot(slot, mask);
        int before = older[entry];
        int after = newer[entry];
        if (before != NONE) {
            newer[before] = after;
        } else {
            oldest = after;
        }
        if (after != NONE) {
            older[after] = before;
        } else {
            newest = before;
        }
        textHeld -= bytesOf(entry);
        newer[entry] = free;
        free = entry;
        size--;
    }

    /**
     * Empties a slot of the linear-probing table and moves back the slots after it that would otherwise no longer be
     * found from their home slot (Knuth's algorithm R): no tombstones, so lookups never slow down with removals.
     */
    private void deleteSlot(int slot, int mask) {
        int gap = slot;
        for (int next = (gap + 1) & mask; table[next] != 0; next = (next + 1) & mask) {
            int home = home((int) (table[next] >>> 32), mask);
            // the entry at next may fill the gap unless its home lies cyclically in (gap, next]
            boolean staysPut = gap <= next ? gap < home && home <= next : gap < home || home <= next;
            if (!staysPut) {
                table[gap] = table[next];
                gap = next;
            }
        }
        table[gap] = 0;
    }

    private int newEntry() {
        if (free != NONE) {
            int entry = free;
            free = newer[entry];
            return entry;
        }
        if (unused == hashes.length) {
            int grown = (int) Math.min(capacity, 2L * hashes.length);
            hashes = Arrays.copyOf(hashes, grown);
            starts = Arrays.copyOf(starts, grown);
            lengths = Arrays.copyOf(lengths, grown);
            older = Arrays.copyOf(older, grown);
            newer = Arrays.copyOf(newer, grown);
        }
        return unused++;
    }

    private void rehash(int slots) {
        table = new long[slots];
        for (int entry = oldest; entry != NONE; entry = newer[entry]) {
            insert(hashes[entry], entry);
        }
    }

    /** Spreads the hash's bits over the slot index: {@code String} hashes of similar keys differ in low bits only. */
    private static int home(int hash, int mask) {
        int spread = hash * 0x9E3779B9;
        return (spread ^ spread >>> 16) & mask;
    }

    private static int tableSizeFor(int entries) {
        return Integer.highestOneBit(Math.max(2, entries) * 2 - 1) * 2; // a power of two, at least twice the entries
    }
}
