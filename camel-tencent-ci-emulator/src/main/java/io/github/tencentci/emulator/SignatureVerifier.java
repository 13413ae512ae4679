package io.github.tencentci.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@code Authorization: q-sign-algorithm=sha1&q-ak=...} header of a request (the COS XML signature, as
 * the reference describes it), recomputing the signature from the request as it arrived.
 * <p>
 * This class is written independently of the component's signer on purpose, and must stay so: the emulator is the
 * oracle that tests the client's signer, and an oracle sharing the code under test would agree with its bugs.
 * <p>
 * Refusals are 401 MissingAuthorization (no header) or 403 with a code saying what is wrong:
 * InvalidAuthorization (unparseable header), SecretidNotExist, RequestTimeTooSkewed (the emulator's now is outside
 * q-key-time; COS's code), AccessDenied (host not signed, an unsigned query parameter, a missing, unsigned or wrong
 * session token) and SignatureDoesNotMatch. Messages name what is wrong, never a secret.
 */
final class SignatureVerifier {

    static final String TOKEN_HEADER = "x-ci-security-token";
    private static final Set<String> FIELDS = Set.of("q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time",
            "q-header-list", "q-url-param-list", "q-signature");
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secretKeys;
    private final String sessionToken;

    /**
     * @param secretKeys   accepted SecretKey by SecretId
     * @param sessionToken the token every request must carry and sign, or null
     */
    SignatureVerifier(Map<String, String> secretKeys, String sessionToken) {
        this.secretKeys = Map.copyOf(secretKeys);
        this.sessionToken = sessionToken;
    }

    /** @throws CiError when the request is not properly signed at {@code now} */
    void verify(IncomingRequest request, Instant now) {
        String header = request.headers().get("authorization");
        if (header == null || header.isBlank()) {
            throw new CiError(401, "MissingAuthorization", "the request has no Authorization header");
        }
        Map<String, String> auth = parse(header);
        String secretKey = secretKeys.get(auth.get("q-ak"));
        if (secretKey == null) {
            throw new CiError(403, "SecretidNotExist", "the SecretId '" + auth.get("q-ak") + "' does not exist");
        }
        String keyTime = auth.get("q-key-time");
        checkWindow(keyTime, now);
        Set<String> signedHeaders = list(auth.get("q-header-list"));
        Set<String> signedParams = list(auth.get("q-url-param-list"));
        if (!signedHeaders.contains("host")) {
            throw CiError.accessDenied("the host header is not signed: q-header-list is '" + auth.get("q-header-list") + "'");
        }
        SortedMap<String, String> params = encodedParams(request.params());
        for (String name : params.keySet()) {
            if (!signedParams.contains(name)) {
                throw CiError.accessDenied("the query parameter '" + name + "' is not signed: q-url-param-list is '"
                        + auth.get("q-url-param-list") + "'");
            }
        }
        checkSessionToken(request, signedHeaders);
        SortedMap<String, String> headers = new TreeMap<>();
        for (String name : signedHeaders) {
            String value = request.headers().get(name);
            if (value == null) {
                throw new CiError(403, "SignatureDoesNotMatch", "q-header-list names the header '" + name
                        + "' but the request has no such header");
            }
            headers.put(encode(name), encode(value));
        }
        for (String name : signedParams) {
            if (!params.containsKey(name)) {
                throw new CiError(403, "SignatureDoesNotMatch", "q-url-param-list names the parameter '" + name
                        + "' but the request has no such parameter");
            }
        }
        String expected = signature(secretKey, keyTime, request.method(), request.path(), params, headers);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.get("q-signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new CiError(403, "SignatureDoesNotMatch", "the signature does not match the request "
                    + request.method() + " " + request.path() + " signed over headers " + headers.keySet()
                    + " and parameters " + params.keySet() + " with q-key-time " + keyTime);
        }
    }

    private static Map<String, String> parse(String header) {
        Map<String, String> fields = new HashMap<>();
        for (String part : header.trim().split("&")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (!FIELDS.contains(name) || fields.put(name, eq < 0 ? "" : part.substring(eq + 1)) != null) {
                throw invalid("unexpected or repeated field '" + name + "'");
            }
        }
        Set<String> missing = FIELDS.stream().filter(f -> !fields.containsKey(f)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            throw invalid("missing fields " + missing);
        }
        if (!"sha1".equals(fields.get("q-sign-algorithm"))) {
            throw invalid("q-sign-algorithm must be sha1, was '" + fields.get("q-sign-algorithm") + "'");
        }
        if (!fields.get("q-signature").matches("[0-9a-fA-F]{40}")) {
            throw invalid("q-signature must be 40 hex digits");
        }
        return fields;
    }

    private static void checkWindow(String keyTime, Instant now) {
        String[] bounds = keyTime.split(";", -1);
        if (bounds.length != 2 || !bounds[0].matches("\\d{1,12}") || !bounds[1].matches("\\d{1,12}")) {
            throw invalid("q-key-time must be '<start>;<end>' in Unix seconds, was '" + keyTime + "'");
        }
        long start = Long.parseLong(bounds[0]);
        long end = Long.parseLong(bounds[1]);
        if (start > end) {
            throw invalid("q-key-time starts after it ends: '" + keyTime + "'");
        }
        long nowSeconds = now.getEpochSecond();
        if (nowSeconds < start || nowSeconds > end) {
            throw new CiError(403, "RequestTimeTooSkewed", "the signature is valid from " + Instant.ofEpochSecond(start)
                    + " to " + Instant.ofEpochSecond(end) + " (q-key-time " + keyTime + ") but the server time is " + now);
        }
    }

    private void checkSessionToken(IncomingRequest request, Set<String> signedHeaders) {
        if (sessionToken == null) {
            return;
        }
        String token = request.headers().get(TOKEN_HEADER);
        if (token == null) {
            throw CiError.accessDenied("temporary credentials need the header " + TOKEN_HEADER + ", the request has none");
        }
        if (!signedHeaders.contains(TOKEN_HEADER)) {
            throw CiError.accessDenied("the header " + TOKEN_HEADER + " is not signed (not in q-header-list)");
        }
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sessionToken.getBytes(StandardCharsets.UTF_8))) {
            throw CiError.accessDenied("the " + TOKEN_HEADER + " is not the session token of these credentials");
        }
    }

    private static Set<String> list(String names) {
        return names.isEmpty() ? Set.of() : Set.of(names.toLowerCase(Locale.ROOT).split(";"));
    }

    private static SortedMap<String, String> encodedParams(Map<String, String> params) {
        SortedMap<String, String> encoded = new TreeMap<>();
        params.forEach((name, value) -> encoded.put(encode(name).toLowerCase(Locale.ROOT), encode(value)));
        return encoded;
    }

    private static CiError invalid(String why) {
        return new CiError(403, "InvalidAuthorization", "the Authorization header is malformed: " + why);
    }

    /**
     * The signature of a request, steps 2 and 6–8 of the reference.
     *
     * @param params  encoded, lower-cased parameter names to encoded values
     * @param headers encoded, lower-cased header names to encoded values
     */
    static String signature(String secretKey, String keyTime, String method, String path,
                            SortedMap<String, String> params, SortedMap<String, String> headers) {
        String signKey = hmacSha1Hex(secretKey, keyTime);
        String httpString = method.toLowerCase(Locale.ROOT) + "\n" + path + "\n" + join(params) + "\n" + join(headers) + "\n";
        String stringToSign = "sha1\n" + keyTime + "\n" + sha1Hex(httpString) + "\n";
        return hmacSha1Hex(signKey, stringToSign);
    }

    private static String join(SortedMap<String, String> pairs) {
        return pairs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** Percent-encodes UTF-8 bytes except {@code A-Z a-z 0-9 - _ . ~}, upper-case hex. */
    static String encode(String text) {
        StringBuilder sb = new StringBuilder(text.length() * 3 / 2);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static String hmacSha1Hex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    private static String sha1Hex(String data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-1").digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
