package io.github.tencentci.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The emulator's clock: a base clock shifted by a skew a test can change at any time. */
final class SkewableClock extends Clock {

    private final Clock base;
    private volatile Duration skew = Duration.ZERO;

    SkewableClock(Clock base) {
        this.base = base;
    }

    void setSkew(Duration skew) {
        this.skew = skew;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(skew);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), skew);
    }
}
