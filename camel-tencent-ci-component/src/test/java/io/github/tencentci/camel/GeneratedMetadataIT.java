package io.github.tencentci.camel;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after {@code package} (failsafe), against the built jar: it must carry the configurers, the URI factory, the
 * service files and a component JSON that lists every option the classes declare now, not a stale set.
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

            String json;
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/" + PACKAGE_PATH + "tencent-ci.json"))) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Set<String> endpointOptions = optionNames(json.substring(json.indexOf("\"properties\"")));
            Set<String> declared = new HashSet<>();
            collectDeclaredOptions(TencentCiEndpoint.class, declared);
            collectDeclaredOptions(TencentCiConfiguration.class, declared);
            assertThat(endpointOptions).containsAll(declared);
            for (String header : new String[] {
                    TencentCiConstants.JOB_ID, TencentCiConstants.JOB_STATE, TencentCiConstants.JOB_TYPE,
                    TencentCiConstants.JOB_NAME, TencentCiConstants.CREATION_TIME, TencentCiConstants.REQUEST_ID }) {
                assertThat(json).contains("\"" + header + "\"");
            }
            // the URI factory knows every option too (YAML DSL and JBang build URIs with it)
            String factory = new String(jar.getInputStream(jar.getEntry(PACKAGE_PATH + "TencentCiEndpointUriFactory.class"))
                    .readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(declared).allSatisfy(option -> assertThat(factory).contains(option));
        }
    }

    private static void collectDeclaredOptions(Class<?> type, Set<String> into) {
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(UriParam.class) || field.isAnnotationPresent(UriPath.class)) {
                if (!field.getType().isAnnotationPresent(org.apache.camel.spi.UriParams.class)) {
                    into.add(field.getName());
                }
            }
        }
    }

    private static Set<String> optionNames(String propertiesJson) {
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("\"(\\w+)\": \\{ \"index\"").matcher(propertiesJson);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
