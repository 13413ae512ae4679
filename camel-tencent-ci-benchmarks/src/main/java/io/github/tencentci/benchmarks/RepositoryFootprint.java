package io.github.tencentci.benchmarks;

import java.util.Random;

import io.github.tencentci.camel.delivery.BoundedMemoryRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The heap an in-memory idempotent repository takes when full of {@code size} keys shaped like the consumer's
 * ({@code b<32 hex>:State}), measured as the growth of the heap used after a full GC: the consumer's default
 * ({@link BoundedMemoryRepository}) and, for comparison, Camel's {@link MemoryIdempotentRepository}, its default
 * before.
 */
final class RepositoryFootprint {

    private RepositoryFootprint() {
    }

    /** @return MiB taken by the consumer's default repository, full */
    static double mebibytesOf(int size) throws Exception {
        return mebibytesOf(new BoundedMemoryRepository(size), size);
    }

    /** @return MiB taken by Camel's {@code MemoryIdempotentRepository}, full */
    static double camelMemoryRepositoryMebibytesOf(int size) throws Exception {
        return mebibytesOf(MemoryIdempotentRepository.memoryIdempotentRepository(size), size);
    }

    private static double mebibytesOf(IdempotentRepository repository, int size) throws Exception {
        long before = usedAfterGc();
        repository.start();
        Random random = new Random(42);
        for (int i = 0; i < size; i++) {
            StringBuilder key = new StringBuilder(41).append('b');
            for (int c = 0; c < 32; c++) {
                key.append(Character.forDigit(random.nextInt(16), 16));
            }
            repository.add(key.append(":Success").toString());
        }
        long after = usedAfterGc();
        if (!repository.contains("absent")) {
            repository.stop(); // keeps the repository reachable until after the measurement
        }
        return (after - before) / 1024.0 / 1024.0;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50); // lets the concurrent parts of the collector finish; a measurement, not synchronisation
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
