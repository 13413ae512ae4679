package io.github.tencentci.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
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
 * Like the service, it verifies what the header lists and nothing more: query parameters and headers left out of
 * the lists are accepted, and the session token of temporary credentials may come in {@code x-ci-security-token}
 * or {@code x-cos-security-token}, signed or not (the Java and Go SDKs send the latter unsigned). Refusals carry
 * CI's documented codes, all with status 401: MissingAuthorization (no header), InvalidAuthorization (a header
 * that does not parse), SecretidNotExist, SignatureExpired (the emulator's now is outside q-sign-time or
 * q-key-time) and AccessDenied (the signature does not match; the session token is missing or wrong).
 * <p>
 * Strict mode adds the emulator's own refusals, 403 AccessDenied, for what a careful client signs although the
 * service does not insist: {@code host} signed, every query parameter signed, the token sent in
 * {@code x-ci-security-token} and signed. Messages name what is wrong, never a secret.
 */
final class SignatureVerifier {

    private static final String CI_TOKEN = "x-ci-security-token";
    private static final String COS_TOKEN = "x-cos-security-token";
    private static final Set<String> FIELDS = Set.of("q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time",
            "q-header-list", "q-url-param-list", "q-signature");
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secretKeys;
    private final String sessionToken;
    private final boolean strict;

    /**
     * @param secretKeys   accepted SecretKey by SecretId
     * @param sessionToken the token every request must carry, or null
     * @param strict       whether to refuse what the service accepts but a careful client does not send
     */
    SignatureVerifier(Map<String, String> secretKeys, String sessionToken, boolean strict) {
        this.secretKeys = Map.copyOf(secretKeys);
        this.sessionToken = sessionToken;
        this.strict = strict;
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
            throw new CiError(401, "SecretidNotExist", "the SecretId '" + auth.get("q-ak") + "' does not exist");
        }
        checkWindow("q-sign-time", auth.get("q-sign-time"), now);
        checkWindow("q-key-time", auth.get("q-key-time"), now);
        List<String> signedHeaders = list(auth.get("q-header-list"));
        List<String> signedParams = list(auth.get("q-url-param-list"));
        SortedMap<String, String> params = new TreeMap<>();
        request.params().forEach((name, value) -> params.put(encode(name).toLowerCase(Locale.ROOT), encode(value)));
        if (strict) {
            requireStrictly(signedHeaders.contains("host"), "the host header is not signed: q-header-list is '"
                    + auth.get("q-header-list") + "'");
            params.keySet().stream().filter(name -> !signedParams.contains(name)).findFirst().ifPresent(name ->
                    requireStrictly(false, "the query parameter '" + name + "' is not signed: q-url-param-list is '"
                            + auth.get("q-url-param-list") + "'"));
        }
        checkSessionToken(request, signedHeaders);
        SortedMap<String, String> signed = new TreeMap<>();
        for (String name : signedHeaders) {
            signed.put(encode(name), encode(present(request.headers().get(name), "header", name)));
        }
        SortedMap<String, String> signedQuery = new TreeMap<>();
        for (String name : signedParams) {
            signedQuery.put(name, present(params.get(name), "parameter", name));
        }
        String expected = signature(secretKey, auth.get("q-key-time"), auth.get("q-sign-time"), request.method(),
                request.path(), signedQuery, signed);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.get("q-signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw accessDenied("the signature does not match the request " + request.method() + " " + request.path()
                    + " signed over headers " + signed.keySet() + " and parameters " + signedQuery.keySet()
                    + " with q-sign-time " + auth.get("q-sign-time"));
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

    private static void checkWindow(String field, String window, Instant now) {
        String[] bounds = window.split(";", -1);
        if (bounds.length != 2 || !bounds[0].matches("\\d{1,12}") || !bounds[1].matches("\\d{1,12}")
                || Long.parseLong(bounds[0]) > Long.parseLong(bounds[1])) {
            throw invalid(field + " must be '<start>;<end>' in Unix seconds, start first, was '" + window + "'");
        }
        long nowSeconds = now.getEpochSecond();
        if (nowSeconds < Long.parseLong(bounds[0]) || nowSeconds > Long.parseLong(bounds[1])) {
            throw new CiError(401, "SignatureExpired", "the signature is valid from "
                    + Instant.ofEpochSecond(Long.parseLong(bounds[0])) + " to " + Instant.ofEpochSecond(Long.parseLong(bounds[1]))
                    + " (" + field + " " + window + ") but the server time is " + now);
        }
    }

    private void checkSessionToken(IncomingRequest request, List<String> signedHeaders) {
        if (sessionToken == null) {
            return;
        }
        String name = request.headers().containsKey(CI_TOKEN) || strict ? CI_TOKEN : COS_TOKEN;
        String token = request.headers().get(name);
        if (token == null) {
            throw accessDenied("temporary credentials need the header " + CI_TOKEN
                    + (strict ? "" : " or " + COS_TOKEN) + ", the request has none");
        }
        requireStrictly(signedHeaders.contains(CI_TOKEN), "the header " + CI_TOKEN + " is not signed (not in q-header-list)");
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sessionToken.getBytes(StandardCharsets.UTF_8))) {
            throw accessDenied("the " + name + " is not the session token of these credentials");
        }
    }

    private void requireStrictly(boolean condition, String why) {
        if (strict && !condition) {
            throw new CiError(403, "AccessDenied", why + " (refused by the emulator's strictSigning, not by the service)");
        }
    }

    private static String present(String value, String kind, String name) {
        if (value == null) {
            throw accessDenied("the signature lists the " + kind + " '" + name + "' but the request has no such " + kind);
        }
        return value;
    }

    private static List<String> list(String names) {
        return names.isEmpty() ? List.of() : List.of(names.toLowerCase(Locale.ROOT).split(";"));
    }

    private static CiError invalid(String why) {
        return new CiError(401, "InvalidAuthorization", "the Authorization header is malformed: " + why);
    }

    private static CiError accessDenied(String why) {
        return new CiError(401, "AccessDenied", why);
    }

    /**
     * The signature of a request, steps 2 and 6–8 of the reference: the key from q-key-time, the string to sign
     * from q-sign-time.
     *
     * @param params  encoded, lower-cased parameter names to encoded values
     * @param headers encoded, lower-cased header names to encoded values
     */
    static String signature(String secretKey, String keyTime, String signTime, String method, String path,
                            SortedMap<String, String> params, SortedMap<String, String> headers) {
        String signKey = hmacSha1Hex(secretKey, keyTime);
        String httpString = method.toLowerCase(Locale.ROOT) + "\n" + path + "\n" + join(params) + "\n" + join(headers) + "\n";
        String stringToSign = "sha1\n" + signTime + "\n" + sha1Hex(httpString) + "\n";
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
