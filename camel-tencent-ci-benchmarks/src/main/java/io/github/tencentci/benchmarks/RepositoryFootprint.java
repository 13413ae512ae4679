package io.github.tencentci.benchmarks;

import java.util.Random;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The heap the consumer's default idempotent repository takes when full: an in-memory LRU repository of
 * {@code size} keys shaped like the consumer's ({@code b<32 hex>:State}), measured as the growth of the heap used
 * after a full GC.
 */
final class RepositoryFootprint {

    private RepositoryFootprint() {
    }

    static double mebibytesOf(int size) throws Exception {
        long before = usedAfterGc();
        IdempotentRepository repository = MemoryIdempotentRepository.memoryIdempotentRepository(size);
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
