package io.github.tencentci.camel.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the {@code q-sign-algorithm=sha1} Authorization header that COS and CI accept.
 * <p>
 * The signing key depends only on the secret key and the key-time window, so one window (and its initialised HMAC)
 * serves every request until half of it has passed; a request then costs a SHA-1, an HMAC and some string building
 * (about two microseconds).
 * The window starts a little in the past to absorb a local clock that runs ahead of the service; a larger skew is
 * corrected with {@link #correctClock(Instant)} from the service's {@code Date} header.
 * <p>
 * Thread-safe.
 */
public final class CosSigner {

    /** How long a signature stays valid unless configured otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(15);
    /** How far a window starts before the (corrected) current time, to absorb a local clock running ahead. */
    static final long BACKDATE_SECONDS = 60;
    /**
     * The shortest validity accepted: a window is renewed after half of it, and that half must outlast the backdate
     * by enough to serve more than one request and to leave a signature some time to reach the service.
     */
    public static final Duration MIN_VALIDITY = Duration.ofSeconds(4 * BACKDATE_SECONDS);
    /**
     * A clock correction this close to the current one keeps the window: the {@code Date} header has whole-second
     * resolution, so offsets measured on successive responses jitter by about a second.
     */
    static final long CLOCK_TOLERANCE_MILLIS = 2_000;

    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Cloned per request: cheaper than a provider look-up, and a MessageDigest is not thread-safe. */
    private static final MessageDigest SHA1_PROTOTYPE = newSha1();

    private final Clock clock;
    private final long validitySeconds;
    private volatile long clockOffsetMillis;
    private volatile SigningWindow window;

    /** A signer on the system clock with the {@link #DEFAULT_VALIDITY}. */
    public CosSigner() {
        this(Clock.systemUTC(), DEFAULT_VALIDITY);
    }

    /**
     * @param clock    the local clock (a fixed or mutable one in tests)
     * @param validity how long each signing window lasts, at least {@link #MIN_VALIDITY}
     */
    public CosSigner(Clock clock, Duration validity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(validity, "validity");
        if (validity.compareTo(MIN_VALIDITY) < 0) {
            throw new IllegalArgumentException("signature validity must be at least " + MIN_VALIDITY.toSeconds()
                                               + " seconds (a window is renewed after half of it and starts "
                                               + BACKDATE_SECONDS + " seconds in the past), was "
                                               + validity.toSeconds() + " seconds");
        }
        this.validitySeconds = validity.toSeconds();
    }

    /**
     * Signs a request with the current window.
     *
     * @param method  HTTP method, any case
     * @param path    the decoded URI path, e.g. {@code /inventorytriggerjob}
     * @param params  query parameters, decoded; a {@code null} or empty value is signed as {@code key=}
     * @param headers the headers to sign, decoded, names in any case; must include {@code host}
     */
    public String authorization(
            TencentCredentials credentials, String method, String path,
            Map<String, String> params, Map<String, String> headers) {
        SigningWindow current = currentWindow(credentials.getSecretKey());
        return authorization(credentials.getSecretId(), current, method, path, params, headers);
    }

    /** Signs a request with an explicit window, as the reference vectors do; parameters as in the instance method. */
    public static String authorization(
            TencentCredentials credentials, KeyTime keyTime, String method, String path,
            Map<String, String> params, Map<String, String> headers) {
        SigningWindow window = new SigningWindow(credentials.getSecretKey(), keyTime, 0);
        return authorization(credentials.getSecretId(), window, method, path, params, headers);
    }

    /** The signing key of a window: lower-hex HMAC-SHA1 of the key time under the secret key. */
    public static String signKey(String secretKey, KeyTime keyTime) {
        return hex(newMac(secretKey.getBytes(StandardCharsets.UTF_8))
                .doFinal(keyTime.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-hex SHA-1 of the canonical request ({@code HttpString}); exposed for tests and diagnostics. */
    public static String httpStringSha1(String method, String path, Map<String, String> params, Map<String, String> headers) {
        return sha1Hex(httpString(method, path, encodeSorted(params), encodeSorted(headers)));
    }

    private static String authorization(
            String secretId, SigningWindow window, String method, String path,
            Map<String, String> params, Map<String, String> headers) {
        TreeMap<String, String> sortedParams = encodeSorted(params);
        TreeMap<String, String> sortedHeaders = encodeSorted(headers);
        if (!sortedHeaders.containsKey("host")) {
            // the service rejects such a request with a bare 403; say why here instead
            throw new IllegalArgumentException("the signed headers must include host, got " + sortedHeaders.keySet());
        }
        String httpString = httpString(method, path, sortedParams, sortedHeaders);
        String stringToSign = "sha1\n" + window.keyTimeText + "\n" + sha1Hex(httpString) + "\n";
        String signature = hex(window.newMac().doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        return "q-sign-algorithm=sha1&q-ak=" + secretId
               + "&q-sign-time=" + window.keyTimeText
               + "&q-key-time=" + window.keyTimeText
               + "&q-header-list=" + String.join(";", sortedHeaders.keySet())
               + "&q-url-param-list=" + String.join(";", sortedParams.keySet())
               + "&q-signature=" + signature;
    }

    private static String httpString(
            String method, String path, TreeMap<String, String> params, TreeMap<String, String> headers) {
        StringBuilder out = new StringBuilder(128 + path.length() + 48 * (params.size() + headers.size()));
        out.append(method.toLowerCase(Locale.ROOT)).append('\n').append(path).append('\n');
        appendPairs(out, params);
        out.append('\n');
        appendPairs(out, headers);
        return out.append('\n').toString();
    }

    /** Encoded, lower-cased names to encoded values, in the order the signature lists them. */
    private static TreeMap<String, String> encodeSorted(Map<String, String> entries) {
        TreeMap<String, String> sorted = new TreeMap<>();
        if (entries != null) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                String value = e.getValue() == null ? "" : e.getValue();
                sorted.put(CosPercentEncoder.encode(e.getKey()).toLowerCase(Locale.ROOT), CosPercentEncoder.encode(value));
            }
        }
        return sorted;
    }

    private static void appendPairs(StringBuilder out, TreeMap<String, String> sorted) {
        boolean first = true;
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                out.append('&');
            }
            out.append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
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
     * Aligns this signer with the service's clock, given a time the service reported (its {@code Date} header). If
     * the offset moves by more than a couple of seconds the next request starts a new window; a smaller move keeps
     * the current one, so this may be called on every response.
     */
    public void correctClock(Instant serviceTime) {
        clockOffsetMillis = serviceTime.toEpochMilli() - clock.millis();
    }

    private SigningWindow currentWindow(String secretKey) {
        long offset = clockOffsetMillis;
        long now = Math.floorDiv(clock.millis() + offset, 1000);
        SigningWindow current = window;
        if (current == null || !current.isUsable(secretKey, offset, now, validitySeconds)) {
            long start = now - BACKDATE_SECONDS;
            current = new SigningWindow(secretKey, new KeyTime(start, start + validitySeconds), offset);
            window = current; // racing threads may each build one: harmless, the last one stays
        }
        return current;
    }

    /** One key-time window with its HMAC initialised under the signing key; cloned per request. */
    private static final class SigningWindow {
        final String secretKey;
        final KeyTime keyTime;
        final String keyTimeText;
        final long clockOffsetMillis;
        private final byte[] signKeyHex;
        private final Mac prototype;

        SigningWindow(String secretKey, KeyTime keyTime, long clockOffsetMillis) {
            this.secretKey = secretKey;
            this.keyTime = keyTime;
            this.keyTimeText = keyTime.toString();
            this.clockOffsetMillis = clockOffsetMillis;
            // the signing key is used as its hex text, not as raw bytes: that is what the service computes
            this.signKeyHex = signKey(secretKey, keyTime).getBytes(StandardCharsets.US_ASCII);
            this.prototype = CosSigner.newMac(signKeyHex);
        }

        /**
         * Whether this window may sign at {@code now}: same secret key (credentials rotate), no clock correction
         * since, the clock not moved back before it, and less than half of it gone so a signature made now still
         * has at least half the validity left when it reaches the service.
         */
        boolean isUsable(String secretKey, long clockOffsetMillis, long now, long validitySeconds) {
            return this.secretKey.equals(secretKey)
                   && Math.abs(this.clockOffsetMillis - clockOffsetMillis) <= CLOCK_TOLERANCE_MILLIS
                   && now >= keyTime.start()
                   && now <= keyTime.start() + validitySeconds / 2;
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

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    private static String sha1Hex(String data) {
        MessageDigest sha1;
        try {
            sha1 = (MessageDigest) SHA1_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            sha1 = newSha1(); // a provider without clone support
        }
        return hex(sha1.digest(data.getBytes(StandardCharsets.UTF_8)));
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
