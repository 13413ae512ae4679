package io.github.tencentci.camel.signing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** How {@link CosSigner} treats the shape of its input: case, absent maps, a missing host. */
class CosSignerInputTest {

    private static final TencentCredentials CREDENTIALS
            = new TencentCredentials("AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q", "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz");
    private static final KeyTime KEY_TIME = new KeyTime(1700000000L, 1700003600L);
    private static final String HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";
    /** CI vector A. */
    private static final String VECTOR_A_SIGNATURE = "&q-signature=e077d8feb56d1a90d9cec4a2befd92a6ab48d410";

    @Test
    void methodAndHeaderNamesMayComeInAnyCase() {
        assertThat(sign("get", null, Map.of("HOST", HOST))).endsWith(VECTOR_A_SIGNATURE);
        assertThat(sign("Get", Map.of(), Map.of("Host", HOST))).endsWith(VECTOR_A_SIGNATURE);
    }

    @Test
    void parameterNamesAreLowerCasedButValuesKeepTheirCase() {
        String mixed = sign("GET", Map.of("Type", "Job"), Map.of("host", HOST));
        String lower = sign("GET", Map.of("type", "Job"), Map.of("host", HOST));
        String lowerValue = sign("GET", Map.of("type", "job"), Map.of("host", HOST));

        assertThat(mixed).isEqualTo(lower).contains("&q-url-param-list=type&");
        assertThat(lowerValue).isNotEqualTo(lower);
    }

    @Test
    void requestWithoutHostIsRejectedNamingTheSignedHeaders() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sign("GET", Map.of(), Map.of("x-ci-security-token", "secret-token")))
                .withMessage("the signed headers must include host, got [x-ci-security-token]");
        assertThatIllegalArgumentException().isThrownBy(() -> sign("GET", Map.of(), null))
                .withMessage("the signed headers must include host, got []");
    }

    private static String sign(String method, Map<String, String> params, Map<String, String> headers) {
        return CosSigner.authorization(CREDENTIALS, KEY_TIME, method, "/inventorytriggerjob", params, headers);
    }
}
