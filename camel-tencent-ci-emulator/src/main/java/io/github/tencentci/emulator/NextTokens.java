package io.github.tencentci.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NextToken as an opaque cursor: it names the last job of a page by its place in the ordered listing (CreationTime,
 * then JobId), so the next page starts after that place however the listing changed meanwhile: a job that left a
 * {@code states} filter, or a new one, shifts no other job onto the wrong page. A MAC with a key made per emulator
 * tells the tokens it issued from any other text, which is refused as InvalidArgument.
 */
final class NextTokens {

    /** A place in the ordered listing: the next page holds the jobs after it. */
    record Position(Instant creationTime, String jobId) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;

    NextTokens() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
    }

    /** @return the token for the place of {@code last}: {@code <creation instant> <job id>.<mac>}, Base64url */
    String after(EmulatedJob last) {
        String place = last.creationTime().toInstant() + " " + last.jobId();
        return ENCODER.encodeToString(place.getBytes(StandardCharsets.UTF_8)) + "." + mac(place);
    }

    /** @throws CiError InvalidArgument when the emulator did not issue {@code token} */
    Position position(String token) {
        try {
            int dot = token.indexOf('.');
            String place = new String(Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0))), StandardCharsets.UTF_8);
            int space = place.indexOf(' ');
            if (dot > 0 && space > 0 && MessageDigest.isEqual(mac(place).getBytes(StandardCharsets.US_ASCII),
                    token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
                return new Position(Instant.parse(place.substring(0, space)), place.substring(space + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // falls through to the common message
        }
        throw CiError.invalidArgument("nextToken '" + token + "' is not a token this listing issued"
                + " (send the NextToken of the previous page unchanged)");
    }

    private String mac(String place) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(place.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
