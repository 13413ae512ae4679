package io.github.tencentci.camel.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the {@code q-sign-algorithm=sha1} Authorization header that COS and CI accept.
 * <p>
 * The signing key depends only on the secret key and the key-time window, so one window (and its initialised HMAC)
 * serves every request until half of it has passed; a request then costs two hashes and some string building.
 * The window starts a little in the past to absorb a local clock that runs ahead of the service; a larger skew is
 * corrected with {@link #correctClock(Instant)} from the service's {@code Date} header.
 * <p>
 * Thread-safe.
 */
public final class CosSigner {

    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(15);
    static final long BACKDATE_SECONDS = 60;

    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Clock clock;
    private final long validitySeconds;
    private volatile long clockOffsetMillis;
    private volatile SigningWindow window;

    public CosSigner() {
        this(Clock.systemUTC(), DEFAULT_VALIDITY);
    }

    public CosSigner(Clock clock, Duration validity) {
        this.clock = clock;
        this.validitySeconds = validity.toSeconds();
        if (validitySeconds < 2 * BACKDATE_SECONDS) {
            throw new IllegalArgumentException("signature validity must be at least " + 2 * BACKDATE_SECONDS
                                               + " seconds, was " + validity);
        }
    }

    /**
     * Signs a request with the current window.
     *
     * @param method  HTTP method, any case
     * @param path    the decoded URI path, e.g. {@code /inventorytriggerjob}
     * @param params  query parameters, decoded; a {@code null} or empty value is signed as {@code key=}
     * @param headers the headers to sign, decoded; must include {@code host}
     */
    public String authorization(
            TencentCredentials credentials, String method, String path,
            Map<String, String> params, Map<String, String> headers) {
        SigningWindow current = currentWindow(credentials.getSecretKey());
        return authorization(credentials.getSecretId(), current.keyTime, current.newMac(), method, path, params, headers);
    }

    /** Signs a request with an explicit window, as the reference vectors do. */
    public static String authorization(
            TencentCredentials credentials, KeyTime keyTime, String method, String path,
            Map<String, String> params, Map<String, String> headers) {
        SigningWindow w = new SigningWindow(credentials.getSecretKey(), keyTime);
        return authorization(credentials.getSecretId(), keyTime, w.newMac(), method, path, params, headers);
    }

    /** The signing key of a window: lower-hex HMAC-SHA1 of the key time under the secret key. */
    public static String signKey(String secretKey, KeyTime keyTime) {
        return hex(hmac(secretKey.getBytes(StandardCharsets.UTF_8), keyTime.toString()));
    }

    /** Lower-hex SHA-1 of the canonical request ({@code HttpString}); exposed for tests and diagnostics. */
    public static String httpStringSha1(String method, String path, Map<String, String> params, Map<String, String> headers) {
        return sha1Hex(httpString(method, path, canonical(params), canonical(headers)));
    }

    private static String authorization(
            String secretId, KeyTime keyTime, Mac mac, String method, String path,
            Map<String, String> params, Map<String, String> headers) {
        Canonical canonicalParams = canonical(params);
        Canonical canonicalHeaders = canonical(headers);
        String httpString = httpString(method, path, canonicalParams, canonicalHeaders);
        String keyTimeText = keyTime.toString();
        String stringToSign = "sha1\n" + keyTimeText + "\n" + sha1Hex(httpString) + "\n";
        String signature = hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        return "q-sign-algorithm=sha1&q-ak=" + secretId
               + "&q-sign-time=" + keyTimeText
               + "&q-key-time=" + keyTimeText
               + "&q-header-list=" + canonicalHeaders.keys
               + "&q-url-param-list=" + canonicalParams.keys
               + "&q-signature=" + signature;
    }

    private static String httpString(String method, String path, Canonical params, Canonical headers) {
        return method.toLowerCase(Locale.ROOT) + "\n" + path + "\n" + params.pairs + "\n" + headers.pairs + "\n";
    }

    /** The current time as this signer believes the service sees it. */
    public Instant now() {
        return clock.instant().plusMillis(clockOffsetMillis);
    }

    /** The offset currently added to the local clock. */
    public Duration getClockOffset() {
        return Duration.ofMillis(clockOffsetMillis);
    }

    /**
     * Aligns this signer with the service's clock, given a time the service reported (its {@code Date} header). The
     * next request starts a new window.
     */
    public void correctClock(Instant serviceTime) {
        clockOffsetMillis = serviceTime.toEpochMilli() - clock.millis();
        window = null;
    }

    private SigningWindow currentWindow(String secretKey) {
        long now = now().getEpochSecond();
        SigningWindow current = window;
        // renew when half the window has passed, or when the credentials rotated
        if (current == null || !current.secretKey.equals(secretKey)
                || now < current.keyTime.start() || now > current.keyTime.end() - validitySeconds / 2) {
            long start = now - BACKDATE_SECONDS;
            current = new SigningWindow(secretKey, new KeyTime(start, start + validitySeconds));
            window = current;
        }
        return current;
    }

    private record Canonical(String pairs, String keys) {
    }

    private static Canonical canonical(Map<String, String> entries) {
        if (entries == null || entries.isEmpty()) {
            return new Canonical("", "");
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            sorted.put(CosPercentEncoder.encode(e.getKey()).toLowerCase(Locale.ROOT), CosPercentEncoder.encode(value));
        }
        StringBuilder pairs = new StringBuilder(64 * sorted.size());
        StringBuilder keys = new StringBuilder(16 * sorted.size());
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (pairs.length() > 0) {
                pairs.append('&');
                keys.append(';');
            }
            pairs.append(e.getKey()).append('=').append(e.getValue());
            keys.append(e.getKey());
        }
        return new Canonical(pairs.toString(), keys.toString());
    }

    /** One key-time window with its HMAC initialised under the signing key; cloned per request. */
    private static final class SigningWindow {
        final String secretKey;
        final KeyTime keyTime;
        private final byte[] signKeyHex;
        private final Mac prototype;

        SigningWindow(String secretKey, KeyTime keyTime) {
            this.secretKey = secretKey;
            this.keyTime = keyTime;
            // the signing key is used as its hex text, not as raw bytes: that is what the service computes
            this.signKeyHex = signKey(secretKey, keyTime).getBytes(StandardCharsets.US_ASCII);
            this.prototype = CosSigner.newMac(signKeyHex);
        }

        Mac newMac() {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                return CosSigner.newMac(signKeyHex); // a provider without clone support: initialise afresh
            }
        }
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(key, HMAC_SHA1));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        return newMac(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha1Hex(String data) {
        try {
            return hex(MessageDigest.getInstance("SHA-1").digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0x0F];
            out[2 * i + 1] = HEX[bytes[i] & 0x0F];
        }
        return new String(out);
    }
}
