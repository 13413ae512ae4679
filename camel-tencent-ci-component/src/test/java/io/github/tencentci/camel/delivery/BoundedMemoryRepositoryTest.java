package io.github.tencentci.camel.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedMemoryRepositoryTest {

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
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedMemoryRepository(0)).hasMessageContaining("capacity 0 must be 1 or more");
    }
}
