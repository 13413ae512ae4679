package io.github.tencentci.camel.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import io.github.tencentci.camel.http.CiServiceException;
import io.github.tencentci.camel.signing.CosSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aligns the signer with the service's clock when the service refuses a signature's time window
 * ({@code RequestTimeTooSkewed}, {@code SignatureExpired}), using the {@code Date} header of that refusal: a local
 * clock that is minutes off would otherwise fail every request until someone fixes the host.
 */
final class ClockSkewCorrection {

    private static final Logger LOG = LoggerFactory.getLogger(ClockSkewCorrection.class);

    private final CosSigner signer;
    private final AtomicLong corrections = new AtomicLong();

    ClockSkewCorrection(CosSigner signer) {
        this.signer = signer;
    }

    /**
     * @return {@code true} when the refusal was about the time window and the signer's clock was corrected: worth
     *         one more try
     */
    boolean correct(CiServiceException refused) {
        if (!refused.isClockSkew()) {
            return false;
        }
        Instant serviceTime = parse(refused.getServiceDate());
        if (serviceTime == null) {
            LOG.warn("The service refused the signature's time window ({} {}, RequestId={}) and sent no readable Date"
                     + " header ('{}'), so the clock cannot be corrected: check the host's clock (NTP)",
                    refused.getStatusCode(), refused.getErrorCode(), refused.getRequestId(), refused.getServiceDate());
            return false;
        }
        Duration before = signer.getClockOffset();
        signer.correctClock(serviceTime);
        corrections.incrementAndGet();
        LOG.warn("The service refused the signature's time window ({} {}, RequestId={}): its Date header says {}, the"
                 + " local clock is off by {} s (offset was {} s). Signing with the corrected clock and retrying once;"
                 + " fix the host's clock (NTP) to stop this", refused.getStatusCode(), refused.getErrorCode(),
                refused.getRequestId(), serviceTime, signer.getClockOffset().toSeconds(), before.toSeconds());
        return true;
    }

    long count() {
        return corrections.get();
    }

    private static Instant parse(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
