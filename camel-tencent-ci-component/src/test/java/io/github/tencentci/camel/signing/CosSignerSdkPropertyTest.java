package io.github.tencentci.camel.signing;

import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.COSSigner;
import com.qcloud.cos.http.HttpMethodName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property test against the official Java SDK ({@code com.qcloud:cos_api}), used as an oracle: on generated requests
 * (fixed seed) the whole Authorization header must be identical.
 * <p>
 * What the two do differently, and how the generator keeps to what both define the same way:
 * <ul>
 * <li>the SDK trims names and values before encoding: generated names and values never start or end with a
 * character {@link String#trim()} removes;</li>
 * <li>the SDK signs only a fixed set of standard headers plus {@code x-cos-*} and {@code x-ci-*}, silently skipping
 * the rest (e.g. {@code date}, {@code user-agent}), while {@link CosSigner} signs exactly the headers it is given:
 * the SDK gets every generated header, our signer only those the SDK's own {@code needSignedHeader} accepts;</li>
 * <li>the SDK lower-cases a header name before encoding it, a parameter name after (as the reference says for
 * both): the two differ only for non-ASCII letters, which an HTTP header name cannot hold, so generated header
 * names are ASCII tokens while parameter names include non-ASCII;</li>
 * <li>names are unique ignoring case: when two names collide after lower-casing, which value wins depends on map
 * iteration order in either implementation, so the result is not defined.</li>
 * </ul>
 */
class CosSignerSdkPropertyTest {

    private static final long SEED = 0x5EED_C0DEL;
    private static final int REQUESTS = 2_000;

    /** Characters that stress the encoding: reserved ASCII, space, the SDK's post-processed {@code + * ~}, non-ASCII. */
    private static final String TRICKY = "+,:/=&% ?#;@$!'()*~-_.\"<>[]{}|\\^`éüß腾讯云😀";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static final List<String> PARAM_NAMES = List.of(
            "size", "nextToken", "type", "orderByTime", "states", "startCreationTime", "endCreationTime",
            "workflowId", "jobId", "name", "cancel", "prefix", "response-content-type", "a", "a-b", "a_b", "A.b",
            "a~b", "a b", "a+b", "a*b", "ä", "名字", "x:y", "k=v", "p&q", "100%");
    private static final List<String> SIGNED_HEADER_NAMES = List.of(
            "Content-Type", "content-length", "Content-MD5", "Range", "If-Match", "Cache-Control", "Origin",
            "x-cos-acl", "X-Cos-Meta-Mixed_Case.1", "x-cos-meta-~a*b", "x-ci-security-token", "X-CI-Trace", "expires");
    private static final List<String> UNSIGNED_HEADER_NAMES = List.of(
            "Date", "User-Agent", "Accept", "Connection", "x-amz-date", "Authorization-Extra");
    private static final List<String> HOST_NAMES = List.of("host", "Host", "HOST");

    private final Random random = new Random(SEED);
    private final COSSigner sdk = new COSSigner();

    @Test
    void authorizationEqualsTheOfficialSdkOnGeneratedRequests() {
        for (int i = 0; i < REQUESTS; i++) {
            GeneratedRequest request = nextRequest();
            Map<String, String> headersWeSign = new LinkedHashMap<>();
            request.headers.forEach((name, value) -> {
                if (sdk.needSignedHeader(name.toLowerCase(Locale.ROOT))) {
                    headersWeSign.put(name, value);
                }
            });

            String expected = sdk.buildAuthorizationStr(
                    request.method, request.path, request.headers, request.params,
                    new BasicCOSCredentials(request.credentials.getSecretId(), request.credentials.getSecretKey()),
                    new Date(request.keyTime.start() * 1000), new Date(request.keyTime.end() * 1000), true);
            String actual = CosSigner.authorization(
                    request.credentials, request.keyTime, request.methodText, request.path, request.params,
                    headersWeSign);

            assertThat(actual).as("request #%d (seed %s): %s", i, SEED, request).isEqualTo(expected);
        }
    }

    private GeneratedRequest nextRequest() {
        HttpMethodName method = HttpMethodName.values()[random.nextInt(HttpMethodName.values().length)];
        // our signer takes the method in any case
        String methodText = random.nextBoolean() ? method.name() : method.name().toLowerCase(Locale.ROOT);

        StringBuilder path = new StringBuilder();
        int segments = random.nextInt(4);
        for (int s = 0; s < segments; s++) {
            path.append('/').append(text(1 + random.nextInt(12)));
        }
        if (path.length() == 0 || random.nextInt(8) == 0) {
            path.append('/');
        }

        Map<String, String> params = new LinkedHashMap<>();
        Set<String> lowerNames = new HashSet<>();
        int paramCount = random.nextInt(7);
        for (int p = 0; p < paramCount; p++) {
            String name = random.nextInt(4) == 0 ? text(1 + random.nextInt(8)) : pick(PARAM_NAMES);
            if (lowerNames.add(name.toLowerCase(Locale.ROOT))) {
                params.put(name, value());
            }
        }

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(pick(HOST_NAMES), "bucket-" + (1250000000 + random.nextInt(1000)) + ".ci.ap-"
                                      + pick(List.of("beijing", "guangzhou", "chongqing")) + ".myqcloud.com");
        int headerCount = random.nextInt(6);
        for (int h = 0; h < headerCount; h++) {
            String name = random.nextInt(3) == 0 ? pick(UNSIGNED_HEADER_NAMES) : pick(SIGNED_HEADER_NAMES);
            String value = value();
            if (!headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                headers.put(name, value == null ? "" : value); // the SDK's request headers are never null
            }
        }

        TencentCredentials credentials = new TencentCredentials("AKID" + alnum(32), alnum(32));
        long start = 1_000_000_000L + random.nextInt(1_000_000_000);
        KeyTime keyTime = new KeyTime(start, start + 1 + random.nextInt(86_400));
        return new GeneratedRequest(method, methodText, path.toString(), params, headers, credentials, keyTime);
    }

    /** A parameter or header value: often empty, sometimes {@code null}, never with outer white space. */
    private String value() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "";
        }
        if (kind == 1) {
            return null;
        }
        return text(1 + random.nextInt(24));
    }

    /** Random text mixing plain and awkward characters; never starts or ends with something trim() removes. */
    private String text(int codePoints) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < codePoints; c++) {
            out.appendCodePoint(random.nextInt(3) == 0 ? pickCodePoint(TRICKY) : pickCodePoint(ALNUM));
        }
        String text = out.toString();
        return text.trim().equals(text) ? text : "x" + text.trim() + "y";
    }

    private String alnum(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int c = 0; c < length; c++) {
            out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return out.toString();
    }

    private int pickCodePoint(String alphabet) {
        int[] codePoints = alphabet.codePoints().toArray();
        return codePoints[random.nextInt(codePoints.length)];
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private record GeneratedRequest(
            HttpMethodName method, String methodText, String path, Map<String, String> params,
            Map<String, String> headers, TencentCredentials credentials, KeyTime keyTime) {
    }
}
