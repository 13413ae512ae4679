package io.github.tencentci.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Request and trace ids shaped like CI's: Base64 of {@code <hex time>_<hex random>_<hex counter>}. */
final class RequestIds {

    private final AtomicInteger counter = new AtomicInteger();
    private final Clock clock;

    RequestIds(Clock clock) {
        this.clock = clock;
    }

    String requestId() {
        String raw = String.format("%08x_%08x_%04x_%x", clock.instant().getEpochSecond(),
                ThreadLocalRandom.current().nextInt(), counter.incrementAndGet() & 0xFFFF, 0x1a);
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    String traceId() {
        byte[] random = new byte[48];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
