package io.github.tencentci.camel;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after {@code package} (failsafe), against the built jar: it must carry the configurers, the URI factory, the
 * service files and a component JSON and URI factory that list exactly the options the classes declare now
 * ({@link DeclaredOptions}), not a stale set.
 */
class GeneratedMetadataIT {

    private static final String PACKAGE_PATH = "io/github/tencentci/camel/";

    @Test
    void theBuiltJarCarriesCurrentGeneratedMetadata() throws Exception {
        Path location = Path.of(TencentCiComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(location.toString()).as("failsafe tests the packaged jar").endsWith(".jar");

        try (JarFile jar = new JarFile(location.toFile())) {
            assertThat(jar.getEntry(PACKAGE_PATH + "TencentCiComponentConfigurer.class")).isNotNull();
            assertThat(jar.getEntry(PACKAGE_PATH + "TencentCiEndpointConfigurer.class")).isNotNull();
            assertThat(jar.getEntry(PACKAGE_PATH + "TencentCiEndpointUriFactory.class")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/org/apache/camel/component/tencent-ci")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/org/apache/camel/configurer/tencent-ci-component")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/org/apache/camel/configurer/tencent-ci-endpoint")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/org/apache/camel/urifactory/tencent-ci-endpoint")).isNotNull();

            JsonObject json;
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/" + PACKAGE_PATH + "tencent-ci.json"))) {
                json = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            Set<String> declared = DeclaredOptions.ofEndpoint();
            assertThat(((JsonObject) json.get("properties")).keySet()).as("endpoint options in tencent-ci.json")
                    .containsExactlyInAnyOrderElementsOf(declared);
            Set<String> headers = new java.util.HashSet<>();
            for (java.lang.reflect.Field field : TencentCiConstants.class.getFields()) {
                if (field.isAnnotationPresent(org.apache.camel.spi.Metadata.class)) {
                    headers.add((String) field.get(null));
                }
            }
            assertThat(((JsonObject) json.get("headers")).keySet()).as("headers: the @Metadata constants")
                    .containsExactlyInAnyOrderElementsOf(headers);
            // the URI factory of the jar knows every option (YAML DSL and JBang build URIs with it)
            assertThat(Path.of(TencentCiEndpointUriFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()))
                    .isEqualTo(location);
            assertThat(new TencentCiEndpointUriFactory().propertyNames()).containsExactlyInAnyOrderElementsOf(declared);
        }
    }
}
