package io.github.tencentci.emulator;

import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.COSSigner;
import com.qcloud.cos.http.HttpMethodName;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verifier's signature against every test vector of the reference, and against the official SDK. */
class SignatureVerifierTest {

    private static final String ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
    private static final String KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
    private static final String CI_HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";
    private static final String COS_HOST = "examplebucket-1250000000.cos.ap-beijing.myqcloud.com";
    private static final String CI_KEY_TIME = "1700000000;1700003600";

    @Test
    void goSdkVectorV1() {
        assertVerifies("AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM", "1480932292;1481012292", "PUT", "/testfile2", Map.of(),
                Map.of("Host", "testbucket-125000000.cos.ap-guangzhou.myqcloud.com",
                        "x-cos-content-sha1", "db8ac1c259eb89d4a131b253bacfca5f319d54f2",
                        "x-cos-stroage-class", "nearline"), "ce4ac0ecbcdb30538b3fee0a97cc6389694ce53a");
    }

    @Test
    void cosDocVectorV2() {
        assertVerifies(KEY, "1557989151;1557996351", "PUT", "/exampleobject(腾讯云)", Map.of(),
                Map.of("Date", "Thu, 16 May 2019 06:45:51 GMT", "Host", COS_HOST, "Content-Type", "text/plain",
                        "Content-Length", "13", "Content-MD5", "mQ/fVh815F3k6TAUm8m0eg==", "x-cos-acl", "private",
                        "x-cos-grant-read", "uin=\"100000000011\""), "3b8851a11a569213c17ba8fa7dcf2abec6935172");
    }

    @Test
    void cosDocVectorV3() {
        assertVerifies(KEY, "1557989753;1557996953", "GET", "/exampleobject(腾讯云)",
                Map.of("response-content-type", "application/octet-stream", "response-cache-control", "max-age=600"),
                Map.of("Date", "Thu, 16 May 2019 06:55:53 GMT", "Host", COS_HOST), "01681b8c9d798a678e43b685a9f1bba0f6c0e012");
    }

    @Test
    void ciVectorsAtoD() {
        assertVerifies(KEY, CI_KEY_TIME, "GET", "/inventorytriggerjob", Map.of(), Map.of("Host", CI_HOST), "e077d8feb56d1a90d9cec4a2befd92a6ab48d410");
        assertVerifies(KEY, CI_KEY_TIME, "GET", "/inventorytriggerjob", vectorBParams(), Map.of("Host", CI_HOST), "03305d26ffe93e41a8bd79d6fa5155fa3654ab37");
        assertVerifies(KEY, CI_KEY_TIME, "GET", "/inventorytriggerjob", vectorCParams(),
                Map.of("Host", CI_HOST, "x-ci-security-token", "tmpTOKEN/abc+="), "75a960d53c44ca9c908df6695954305c87967a51");
        assertVerifies(KEY, CI_KEY_TIME, "PUT", "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9",
                Map.of("cancel", ""), Map.of("Host", CI_HOST), "7f9c84f764b29f725706eb6b0169057d80d692e8");
    }

    @Test
    void testSignerAgreesWithVectorC() {
        assertThat(TestSigner.authorization(ID, KEY, CI_KEY_TIME, "GET", "/inventorytriggerjob", vectorCParams(),
                Map.of("host", CI_HOST, "x-ci-security-token", "tmpTOKEN/abc+=")))
                .endsWith("&q-header-list=host;x-ci-security-token&q-url-param-list=name;size;states;workflowid"
                        + "&q-signature=75a960d53c44ca9c908df6695954305c87967a51");
    }

    @Test
    void ciVectorAVerifiesAsAWholeRequest() {
        SignatureVerifier verifier = new SignatureVerifier(Map.of(ID, KEY), null, true);
        IncomingRequest request = request(Map.of(), "q-sign-algorithm=sha1&q-ak=" + ID + "&q-sign-time=" + CI_KEY_TIME
                + "&q-key-time=" + CI_KEY_TIME + "&q-header-list=host&q-url-param-list="
                + "&q-signature=e077d8feb56d1a90d9cec4a2befd92a6ab48d410");

        assertThatCode(() -> verifier.verify(request, Instant.ofEpochSecond(1700000100))).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verify(request, Instant.ofEpochSecond(1700003601)))
                .isInstanceOfSatisfying(CiError.class, e -> assertThat(e.code()).isEqualTo("SignatureExpired"));
    }

    @Test
    void acceptsWhatTheOfficialSdkSignsForRandomParameters() {
        Random random = new Random(7);
        String[] names = {"size", "states", "type", "orderByTime", "startCreationTime", "endCreationTime", "workflowId",
            "jobId", "name", "nextToken", "x-Extra_param.1~"};
        String alphabet = "aZ09-_.~ +/=,:;&?%#\"'()[]*!@腾讯云éß";
        SignatureVerifier verifier = new SignatureVerifier(Map.of(ID, KEY), null, true);
        Instant start = Instant.ofEpochSecond(1700000000);
        for (int round = 0; round < 300; round++) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = random.nextInt(names.length); i > 0; i--) {
                params.put(names[random.nextInt(names.length)], randomValue(random, alphabet));
            }
            String authorization = new COSSigner().buildAuthorizationStr(HttpMethodName.GET, "/inventorytriggerjob",
                    Map.of("Host", CI_HOST), params, new BasicCOSCredentials(ID, KEY), Date.from(start),
                    Date.from(start.plusSeconds(3600)), true);
            IncomingRequest request = request(params, authorization);
            assertThatCode(() -> verifier.verify(request, start.plusSeconds(10)))
                    .as("params %s signed as %s", params, authorization).doesNotThrowAnyException();
            // and the same signature over a request that differs in one signed part is refused
            Map<String, String> changed = new LinkedHashMap<>(params);
            if (changed.isEmpty()) {
                changed.put("size", "10"); // an unsigned parameter; strict mode refuses it
            } else {
                changed.replaceAll((name, value) -> name.equals(params.keySet().iterator().next()) ? value + "x" : value);
            }
            assertThatThrownBy(() -> verifier.verify(request(changed, authorization), start.plusSeconds(10)))
                    .as("params %s under the signature of %s", changed, params)
                    .isInstanceOfSatisfying(CiError.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
        }
    }

    private static String randomValue(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString().strip(); // the SDK trims values before signing
    }

    private static IncomingRequest request(Map<String, String> params, String authorization) {
        return new IncomingRequest("GET", "/inventorytriggerjob", null, params,
                Map.of("host", CI_HOST, "authorization", authorization), null);
    }

    static Map<String, String> vectorBParams() {
        return Map.of("size", "10", "type", "Job", "orderByTime", "Asc", "states", "Running,Success",
                "startCreationTime", "2022-02-25T12:00:00+0800", "endCreationTime", "2022-02-28T12:00:00+0800",
                "nextToken", "25");
    }

    static Map<String, String> vectorCParams() {
        return Map.of("size", "100", "states", "All", "workflowId", "w7476ff3564ee45b7b490d64bccaba6cc",
                "name", "demo job");
    }

    /**
     * Verifies a reference vector as a whole request: the raw names and values go in, the verifier itself lower-cases,
     * encodes and sorts them, as it does for a request off the wire. The vector's signature must be accepted, and
     * refused with its last hex digit changed.
     */
    private static void assertVerifies(String secretKey, String keyTime, String method, String path,
                                       Map<String, String> params, Map<String, String> headers, String signature) {
        String secretId = "AKIDvector";
        SignatureVerifier verifier = new SignatureVerifier(Map.of(secretId, secretKey), null, false);
        Instant inWindow = Instant.ofEpochSecond(Long.parseLong(keyTime.substring(0, keyTime.indexOf(';'))));
        Function<String, IncomingRequest> request = q -> {
            Map<String, String> wire = new TreeMap<>();
            headers.forEach((name, value) -> wire.put(name.toLowerCase(Locale.ROOT), value));
            wire.put("authorization", "q-sign-algorithm=sha1&q-ak=" + secretId + "&q-sign-time=" + keyTime
                    + "&q-key-time=" + keyTime + "&q-header-list=" + names(headers) + "&q-url-param-list="
                    + names(params) + "&q-signature=" + q);
            return new IncomingRequest(method, path, null, params, wire, null);
        };
        String tampered = signature.substring(0, 39) + (signature.charAt(39) == '0' ? '1' : '0');

        assertThatCode(() -> verifier.verify(request.apply(signature), inWindow)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verify(request.apply(tampered), inWindow))
                .isInstanceOfSatisfying(CiError.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
    }

    /** The names of a q-header-list or q-url-param-list: lower case, sorted, joined with {@code ;}. */
    private static String names(Map<String, String> pairs) {
        return pairs.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(";"));
    }
}
