package io.github.tencentci.camel.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default idempotent repository of the consumer: the last {@code capacity} keys added, in memory; adding one
 * more forgets the oldest.
 * <p>
 * It keeps what Camel's {@code MemoryIdempotentRepository} kept for this use (a key is never added twice, so its
 * least recently used key is its oldest, and {@code contains} does not refresh a key) in a plain
 * insertion-ordered {@link LinkedHashMap} under one lock. Camel's concurrent LRU cache records every change in a
 * queue besides its map, which made it the largest part of the consumer's live heap (about 200 bytes a key: 20 MB
 * at the default 100,000 keys) and a fifth of the route thread's work; this one takes about 140 bytes a key and a
 * map insertion. Thread-safe: the polling thread asks, the threads that complete exchanges add.
 */
public final class BoundedMemoryRepository extends ServiceSupport implements IdempotentRepository {

    private final int capacity;
    private final Map<String, Boolean> keys;

    /** @param capacity the most keys held, at least 1 */
    public BoundedMemoryRepository(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be 1 or more");
        }
        this.capacity = capacity;
        // sized for the whole capacity at once (4 bytes a key): growing it again and again was a visible cost
        this.keys = new LinkedHashMap<>((int) Math.min(1 << 30, capacity / 0.75 + 1), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > BoundedMemoryRepository.this.capacity;
            }
        };
    }

    public int getCapacity() {
        return capacity;
    }

    /** How many keys are held now. */
    public synchronized int size() {
        return keys.size();
    }

    @Override
    public synchronized boolean add(String key) {
        return keys.putIfAbsent(key, Boolean.TRUE) == null;
    }

    @Override
    public synchronized boolean contains(String key) {
        return keys.containsKey(key);
    }

    @Override
    public synchronized boolean remove(String key) {
        return keys.remove(key) != null;
    }

    @Override
    public boolean confirm(String key) {
        return true; // added means confirmed
    }

    @Override
    public synchronized void clear() {
        keys.clear();
    }

    @Override
    public String toString() {
        return "BoundedMemoryRepository[" + capacity + " keys]";
    }
}
