package io.github.tencentci.examples;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CiConnectionTest {

    private static final Map<String, String> REAL = Map.of(
            "TENCENTCLOUD_SECRET_ID", "AKIDexample",
            "TENCENTCLOUD_SECRET_KEY", "topSecretKey",
            "TENCENTCI_BUCKET", "examplebucket-1250000000",
            "TENCENTCI_REGION", "ap-chongqing");

    @Test
    void noSecretIdMeansTheDemo() {
        assertThat(CiConnection.isConfiguredIn(Map.of())).isFalse();
        assertThat(CiConnection.isConfiguredIn(Map.of("TENCENTCLOUD_SECRET_ID", " "))).isFalse();
        assertThat(CiConnection.isConfiguredIn(REAL)).isTrue();
    }

    @Test
    void realServiceBecomesComponentProperties() {
        Properties properties = CiConnection.fromEnvironment(REAL).componentProperties();

        assertThat(properties).containsOnly(
                Map.entry("camel.component.tencent-ci.bucket", "examplebucket-1250000000"),
                Map.entry("camel.component.tencent-ci.region", "ap-chongqing"),
                Map.entry("camel.component.tencent-ci.secretId", "AKIDexample"),
                Map.entry("camel.component.tencent-ci.secretKey", "topSecretKey"));
    }

    @Test
    void sessionTokenAndEndpointAreOptional() {
        Map<String, String> env = new java.util.HashMap<>(REAL);
        env.put("TENCENTCLOUD_SESSION_TOKEN", "token+/=");
        env.put("TENCENTCI_ENDPOINT", "http://127.0.0.1:8080");

        Properties properties = CiConnection.fromEnvironment(env).componentProperties();

        assertThat(properties)
                .containsEntry("camel.component.tencent-ci.sessionToken", "token+/=")
                .containsEntry("camel.component.tencent-ci.endpoint", "http://127.0.0.1:8080");
    }

    @Test
    void missingSettingsAreNamed() {
        assertThatThrownBy(() -> CiConnection.fromEnvironment(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDexample",
                "TENCENTCI_REGION", "ap-chongqing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set [TENCENTCLOUD_SECRET_KEY, TENCENTCI_BUCKET]")
                .hasMessageContaining("unset TENCENTCLOUD_SECRET_ID");
    }

    @Test
    void descriptionNamesTheTargetButNoSecret() {
        Map<String, String> env = new java.util.HashMap<>(REAL);
        env.put("TENCENTCLOUD_SESSION_TOKEN", "sessionTok");

        assertThat(CiConnection.fromEnvironment(env)).hasToString(
                "Tencent CI, bucket examplebucket-1250000000 in ap-chongqing");
        assertThat(CiConnection.toEmulator("http://127.0.0.1:1234", "id", "key"))
                .hasToString("the Tencent CI emulator at http://127.0.0.1:1234");
    }
}
