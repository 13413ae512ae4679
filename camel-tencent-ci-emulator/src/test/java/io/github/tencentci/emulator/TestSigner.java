package io.github.tencentci.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-side signer written straight from the reference (with its own encoder), for the cases the official SDK
 * cannot produce: a signed x-ci-security-token, and hand-made windows.
 */
final class TestSigner {

    private TestSigner() {
    }

    static String authorization(String secretId, String secretKey, String keyTime, String method, String path,
                                Map<String, String> params, Map<String, String> headers) {
        return authorization(secretId, secretKey, keyTime, keyTime, method, path, params, headers);
    }

    /** With a q-sign-time other than q-key-time: the key from the one, the string to sign from the other. */
    static String authorization(String secretId, String secretKey, String keyTime, String signTime, String method,
                                String path, Map<String, String> params, Map<String, String> headers) {
        Map<String, String> p = new TreeMap<>();
        params.forEach((k, v) -> p.put(encode(k.toLowerCase(Locale.ROOT)), encode(v)));
        Map<String, String> h = new TreeMap<>();
        headers.forEach((k, v) -> h.put(encode(k.toLowerCase(Locale.ROOT)), encode(v)));
        String httpString = method.toLowerCase(Locale.ROOT) + "\n" + path + "\n" + pairs(p) + "\n" + pairs(h) + "\n";
        String stringToSign = "sha1\n" + signTime + "\n" + hex(sha1(httpString)) + "\n";
        String signature = hex(hmac(hex(hmac(secretKey, keyTime)), stringToSign));
        return "q-sign-algorithm=sha1&q-ak=" + secretId + "&q-sign-time=" + signTime + "&q-key-time=" + keyTime
                + "&q-header-list=" + String.join(";", h.keySet()) + "&q-url-param-list=" + String.join(";", p.keySet())
                + "&q-signature=" + signature;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static String pairs(Map<String, String> map) {
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha1(String data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
