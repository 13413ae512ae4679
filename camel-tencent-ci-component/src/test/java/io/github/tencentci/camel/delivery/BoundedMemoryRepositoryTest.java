package io.github.tencentci.camel.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedMemoryRepositoryTest {

    private static final String[] SUFFIXES = {
            ":Failed", ":Success", ":Größe", ":任务失败", "", ":" + "x".repeat(300), ":\u0100\u00ff" };

    @Test
    void remembersEachKeyOnceAndForgetsTheOldestBeyondItsCapacity() {
        BoundedMemoryRepository repository = new BoundedMemoryRepository(3);

        assertThat(repository.add("a:Success")).isTrue();
        assertThat(repository.add("a:Success")).isFalse();
        assertThat(repository.add("b:Success")).isTrue();
        assertThat(repository.add("c:Success")).isTrue();
        assertThat(repository.contains("a:Success")).isTrue(); // asking does not make a key younger
        assertThat(repository.add("d:Success")).isTrue();

        assertThat(repository.contains("a:Success")).isFalse();
        assertThat(repository.contains("b:Success")).isTrue();
        assertThat(repository.contains("d:Success")).isTrue();
        assertThat(repository.size()).isEqualTo(3);
    }

    @Test
    void removeAndClearForgetKeys() {
        BoundedMemoryRepository repository = new BoundedMemoryRepository(10);
        repository.add("a:Failed");
        repository.add("b:Failed");

        assertThat(repository.remove("a:Failed")).isTrue();
        assertThat(repository.remove("a:Failed")).isFalse();
        assertThat(repository.contains("a:Failed")).isFalse();
        assertThat(repository.confirm("b:Failed")).isTrue();
        repository.clear();
        assertThat(repository.size()).isZero();
        assertThat(repository.add("b:Failed")).isTrue();
    }

    @Test
    void behavesAsAnInsertionOrderedMapBoundedToItsCapacityUnderRandomUse() {
        // the reference: what the repository promises, in the plainest code (a LinkedHashMap evicting its eldest)
        for (int capacity : new int[] { 1, 2, 7, 100, 3000 }) {
            java.util.Random random = new java.util.Random(capacity);
            int capacityOfModel = capacity;
            java.util.Map<String, Boolean> model = new java.util.LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > capacityOfModel;
                }
            };
            BoundedMemoryRepository repository = new BoundedMemoryRepository(capacity);
            int keySpace = capacity * 3 + 5; // keys come back, after eviction too
            for (int step = 0; step < 60_000; step++) {
                // keys with the same hash in pairs ("Aa" and "BB" hash alike), so that full-hash matches are compared;
                // some with characters beyond ASCII and beyond Latin-1, some long, so that the text is compacted
                int number = random.nextInt(keySpace);
                String key = "j" + number + (random.nextBoolean() ? "Aa" : "BB") + SUFFIXES[number % SUFFIXES.length];
                int operation = random.nextInt(10);
                if (operation < 6) {
                    assertThat(repository.add(key)).as("add %s at step %d", key, step)
                            .isEqualTo(model.putIfAbsent(key, Boolean.TRUE) == null);
                } else if (operation < 9) {
                    assertThat(repository.contains(key)).as("contains %s at step %d", key, step)
                            .isEqualTo(model.containsKey(key));
                } else {
                    assertThat(repository.remove(key)).as("remove %s at step %d", key, step)
                            .isEqualTo(model.remove(key) != null);
                }
                assertThat(repository.size()).isEqualTo(model.size());
                if (step == 30_000) {
                    repository.clear();
                    model.clear();
                }
            }
            for (String key : model.keySet()) {
                assertThat(repository.contains(key)).as(key).isTrue();
            }
        }
    }

    @Test
    void tellsKeysApartThatShareTheirLowBytesOrTheirHash() {
        BoundedMemoryRepository repository = new BoundedMemoryRepository(10);
        repository.add("\u0141"); // stored as two bytes: 0x01 0x41
        repository.add("Aa");

        assertThat(repository.contains("A")).isFalse();
        assertThat(repository.contains("\u0001A")).isFalse();
        assertThat(repository.contains("\u0141")).isTrue();
        assertThat(repository.contains("BB")).isFalse(); // same hash as "Aa"
        assertThat(repository.add("BB")).isTrue();
        assertThat(repository.contains("\u00c4")).isFalse();
        assertThat(repository.add("\u00c4")).isTrue(); // one byte, 0xC4, read back unsigned
        assertThat(repository.contains("\u00c4")).isTrue();
    }

    @Test
    void keepsItsKeysWhileForgettingAndAddingLongOnesOverAndOver() {
        // every key is long, so that the text fills, is compacted and grows many times over
        BoundedMemoryRepository repository = new BoundedMemoryRepository(50);
        String padding = "p".repeat(1000);
        for (int i = 0; i < 20_000; i++) {
            assertThat(repository.add(i + padding)).isTrue();
            if (i % 3 == 0) {
                assertThat(repository.remove((i - 30) + padding)).isEqualTo(i >= 30);
            }
        }
        for (int i = 20_000 - 50; i < 20_000; i++) {
            assertThat(repository.contains(i + padding)).as("key %d", i).isEqualTo(i % 3 != 0 || i >= 20_000 - 30);
        }
    }

    @Test
    void holdsACapacityOfKeysWithoutGrowingBeyondIt() {
        BoundedMemoryRepository repository = new BoundedMemoryRepository(100_000);
        for (int i = 0; i < 250_000; i++) {
            assertThat(repository.add("j" + i + ":Success")).isTrue();
        }
        assertThat(repository.size()).isEqualTo(100_000);
        assertThat(repository.contains("j149999:Success")).isFalse();
        assertThat(repository.contains("j150000:Success")).isTrue();
        assertThat(repository.contains("j249999:Success")).isTrue();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedMemoryRepository(0))
                .hasMessageContaining("capacity 0 must be from 1 to 268435456 keys");
        assertThatThrownBy(() -> new BoundedMemoryRepository(BoundedMemoryRepository.MAX_CAPACITY + 1))
                .hasMessageContaining("capacity 268435457 must be from 1 to 268435456 keys");
    }
}
