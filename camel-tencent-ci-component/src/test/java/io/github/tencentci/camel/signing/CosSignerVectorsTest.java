package io.github.tencentci.camel.signing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published test vectors of the COS/CI signature (docs/reference: tencent-ci-api.md, "Test vectors"); each was
 * reproduced by two independent implementations, so a mismatch here is a bug in {@link CosSigner}.
 */
class CosSignerVectorsTest {

    private static final TencentCredentials DOC_KEYS
            = new TencentCredentials("AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q", "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz");

    @Nested
    class CosVectors {

        @Test
        void v1GoSdkPutWithCosHeaders() {
            TencentCredentials credentials
                    = new TencentCredentials("QmFzZTY0IGlzIGEgZ2VuZXJp", "AKIDZfbOA78asKUYBcXFrJD0a1ICvR98JM");
            Map<String, String> headers = ordered(
                    "Host", "testbucket-125000000.cos.ap-guangzhou.myqcloud.com",
                    "x-cos-content-sha1", "db8ac1c259eb89d4a131b253bacfca5f319d54f2",
                    "x-cos-stroage-class", "nearline"); // sic: the Go SDK's test misspells it

            String authorization = CosSigner.authorization(
                    credentials, keyTime("1480932292;1481012292"), "PUT", "/testfile2", Map.of(), headers);

            assertThat(authorization).isEqualTo("q-sign-algorithm=sha1&q-ak=QmFzZTY0IGlzIGEgZ2VuZXJp"
                                                + "&q-sign-time=1480932292;1481012292&q-key-time=1480932292;1481012292"
                                                + "&q-header-list=host;x-cos-content-sha1;x-cos-stroage-class"
                                                + "&q-url-param-list="
                                                + "&q-signature=ce4ac0ecbcdb30538b3fee0a97cc6389694ce53a");
        }

        @Test
        void v2PutWithNonAsciiPathAndStandardHeaders() {
            KeyTime keyTime = keyTime("1557989151;1557996351");
            Map<String, String> headers = ordered(
                    "Date", "Thu, 16 May 2019 06:45:51 GMT",
                    "Host", "examplebucket-1250000000.cos.ap-beijing.myqcloud.com",
                    "Content-Type", "text/plain",
                    "Content-Length", "13",
                    "Content-MD5", "mQ/fVh815F3k6TAUm8m0eg==",
                    "x-cos-acl", "private",
                    "x-cos-grant-read", "uin=\"100000000011\"");
            String path = "/exampleobject(腾讯云)";

            assertThat(CosSigner.signKey(DOC_KEYS.getSecretKey(), keyTime))
                    .isEqualTo("eb2519b498b02ac213cb1f3d1a3d27a3b3c9bc5f");
            assertThat(CosSigner.httpStringSha1("PUT", path, Map.of(), headers))
                    .isEqualTo("8b2751e77f43a0995d6e9eb9477f4b685cca4172");
            assertThat(CosSigner.authorization(DOC_KEYS, keyTime, "PUT", path, Map.of(), headers))
                    .contains("&q-header-list=content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read&")
                    .contains("&q-url-param-list=&")
                    .endsWith("&q-signature=3b8851a11a569213c17ba8fa7dcf2abec6935172");
        }

        @Test
        void v3GetWithEncodedQuery() {
            KeyTime keyTime = keyTime("1557989753;1557996953");
            Map<String, String> params = ordered(
                    "response-content-type", "application/octet-stream",
                    "response-cache-control", "max-age=600");
            Map<String, String> headers = ordered(
                    "Date", "Thu, 16 May 2019 06:55:53 GMT",
                    "Host", "examplebucket-1250000000.cos.ap-beijing.myqcloud.com");
            String path = "/exampleobject(腾讯云)";

            assertThat(CosSigner.signKey(DOC_KEYS.getSecretKey(), keyTime))
                    .isEqualTo("937914bf490e9e8c189836aad2052e4feeb35eaf");
            assertThat(CosSigner.httpStringSha1("GET", path, params, headers))
                    .isEqualTo("54ecfe22f59d3514fdc764b87a32d8133ea611e6");
            assertThat(CosSigner.authorization(DOC_KEYS, keyTime, "GET", path, params, headers))
                    .contains("&q-header-list=date;host&")
                    .contains("&q-url-param-list=response-cache-control;response-content-type&")
                    .endsWith("&q-signature=01681b8c9d798a678e43b685a9f1bba0f6c0e012");
        }
    }

    @Nested
    class CiVectors {

        private static final KeyTime KEY_TIME = new KeyTime(1700000000L, 1700003600L);
        private static final Map<String, String> HOST
                = Map.of("Host", "examplebucket-1250000000.ci.ap-beijing.myqcloud.com");

        @Test
        void aListWithoutParameters() {
            String authorization
                    = CosSigner.authorization(DOC_KEYS, KEY_TIME, "GET", "/inventorytriggerjob", Map.of(), HOST);

            assertThat(authorization).isEqualTo("q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"
                                                + "&q-sign-time=1700000000;1700003600&q-key-time=1700000000;1700003600"
                                                + "&q-header-list=host&q-url-param-list="
                                                + "&q-signature=e077d8feb56d1a90d9cec4a2befd92a6ab48d410");
        }

        @Test
        void bListWithEveryFilterAndReservedCharacters() {
            Map<String, String> params = ordered(
                    "size", "10",
                    "type", "Job",
                    "orderByTime", "Asc",
                    "states", "Running,Success",
                    "startCreationTime", "2022-02-25T12:00:00+0800",
                    "endCreationTime", "2022-02-28T12:00:00+0800",
                    "nextToken", "25");

            String authorization
                    = CosSigner.authorization(DOC_KEYS, KEY_TIME, "GET", "/inventorytriggerjob", params, HOST);

            assertThat(authorization)
                    .contains("&q-header-list=host&")
                    .contains("&q-url-param-list=endcreationtime;nexttoken;orderbytime;size;startcreationtime;states;type&")
                    .endsWith("&q-signature=03305d26ffe93e41a8bd79d6fa5155fa3654ab37");
        }

        @Test
        void cListWithSessionTokenHeaderAndSpaceInValue() {
            Map<String, String> params = ordered(
                    "size", "100",
                    "states", "All",
                    "workflowId", "w7476ff3564ee45b7b490d64bccaba6cc",
                    "name", "demo job");
            Map<String, String> headers = ordered(
                    "Host", "examplebucket-1250000000.ci.ap-beijing.myqcloud.com",
                    "x-ci-security-token", "tmpTOKEN/abc+=");

            String authorization
                    = CosSigner.authorization(DOC_KEYS, KEY_TIME, "GET", "/inventorytriggerjob", params, headers);

            assertThat(authorization)
                    .contains("&q-header-list=host;x-ci-security-token&")
                    .contains("&q-url-param-list=name;size;states;workflowid&")
                    .endsWith("&q-signature=75a960d53c44ca9c908df6695954305c87967a51");
        }

        @Test
        void dCancelWithValuelessParameter() {
            Map<String, String> params = ordered("cancel", "");

            String authorization = CosSigner.authorization(
                    DOC_KEYS, KEY_TIME, "PUT", "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9", params, HOST);

            assertThat(authorization)
                    .contains("&q-url-param-list=cancel&")
                    .endsWith("&q-signature=7f9c84f764b29f725706eb6b0169057d80d692e8");
        }

        @Test
        void dCancelSignsANullValueLikeAnEmptyOne() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("cancel", null);

            String authorization = CosSigner.authorization(
                    DOC_KEYS, KEY_TIME, "put", "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9", params, HOST);

            assertThat(authorization).endsWith("&q-signature=7f9c84f764b29f725706eb6b0169057d80d692e8");
        }
    }

    private static KeyTime keyTime(String text) {
        String[] parts = text.split(";");
        return new KeyTime(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
