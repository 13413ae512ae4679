package io.github.tencentci.camel.springboot;

import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter by hand must stay what Camel's generator would have made: one Spring property for every component
 * option of {@code tencent-ci.json} (read from the component jar, so the test follows the component as it changes),
 * each with a description for IDEs and the component's default, and nothing else. Reads the
 * {@code spring-configuration-metadata.json} that spring-boot-configuration-processor wrote for this module.
 */
class TencentCiComponentConfigurationTest {

    private static final String PREFIX = "camel.component.tencent-ci.";
    /** Properties every starter has from {@code ComponentConfigurationPropertiesCommon}, not component options. */
    private static final Set<String> STARTER_OWN = Set.of("enabled", "customizer.enabled");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, JsonNode> componentOptions;
    private static Map<String, JsonNode> springProperties;
    private static Map<String, Set<String>> hints;

    @BeforeAll
    static void read() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // Camel finds the JSON next to the component class, wherever that lives
            String schema = camel.getComponentParameterJsonSchema("tencent-ci");
            assertThat(schema).as("tencent-ci.json in the component jar").isNotNull();
            componentOptions = new TreeMap<>();
            JSON.readTree(schema).get("componentProperties").properties()
                    .forEach(option -> componentOptions.put(kebab(option.getKey()), option.getValue()));
        }
        springProperties = new TreeMap<>();
        hints = new TreeMap<>();
        for (URL url : Collections.list(TencentCiComponentConfigurationTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = JSON.readTree(in);
                for (JsonNode property : metadata.path("properties")) {
                    if (property.get("name").asText().startsWith(PREFIX)) {
                        springProperties.put(property.get("name").asText().substring(PREFIX.length()), property);
                    }
                }
                for (JsonNode hint : metadata.path("hints")) {
                    if (hint.get("name").asText().startsWith(PREFIX)) {
                        Set<String> values = new TreeSet<>();
                        hint.path("values").forEach(value -> values.add(value.get("value").asText()));
                        hints.put(hint.get("name").asText().substring(PREFIX.length()), values);
                    }
                }
            }
        }
        assertThat(springProperties).as("metadata of TencentCiComponentConfiguration").isNotEmpty();
    }

    @Test
    void everyComponentOptionIsASpringPropertyAndNoOtherIs() {
        Set<String> options = componentOptions.keySet();
        Set<String> properties = new TreeSet<>(springProperties.keySet());
        properties.removeAll(STARTER_OWN);
        assertThat(properties).as("camel.component.tencent-ci.* beside enabled and customizer.enabled")
                .containsExactlyInAnyOrderElementsOf(options);
    }

    @Test
    void everyPropertyHasTheComponentOptionsDescription() {
        assertThat(springProperties).allSatisfy((name, property) ->
                assertThat(property.path("description").asText()).as(name).isNotBlank());
        componentOptions.forEach((name, option) -> {
            String description = springProperties.get(name).path("description").asText();
            // the JSON drops what looks like markup (<bucket>) and '+': compare the words only
            assertThat(words(description)).as("words of the description of " + name)
                    .containsAll(words(option.get("description").asText()));
        });
    }

    @Test
    void defaultsAreTheComponentsDefaults() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        componentOptions.forEach((name, option) -> {
            boolean duration = "duration".equals(option.path("type").asText());
            expected.put(name, normalized(option.get("defaultValue"), duration));
            actual.put(name, normalized(springProperties.get(name).get("defaultValue"), duration));
        });
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void enumOptionsOfferTheirValuesToIdes() {
        componentOptions.forEach((name, option) -> {
            if (option.has("enum")) {
                Set<String> values = new TreeSet<>();
                option.get("enum").forEach(value -> values.add(value.asText()));
                assertThat(hints.get(name)).as("hints for " + name).isEqualTo(values);
            }
        });
        assertThat(springProperties.keySet()).containsAll(hints.keySet());
    }

    @Test
    void objectOptionsCanNameABean() {
        Set<String> objectTypes = componentOptions.values().stream()
                .filter(option -> "object".equals(option.path("type").asText()))
                .map(option -> option.get("javaType").asText()).collect(Collectors.toSet());
        assertThat(TencentCiComponentConverter.BEAN_TYPES).extracting(Class::getName)
                .containsExactlyInAnyOrderElementsOf(objectTypes);
    }

    private static String normalized(JsonNode value, boolean duration) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        if (duration) {
            // Spring writes Duration.ofMillis(500) as "500ms", Camel's JSON as "500" (milliseconds) or "500ms"/"PT0.5S"
            if (text.matches("\\d+")) {
                return text;
            }
            if (text.matches("\\d+ms")) {
                return text.substring(0, text.length() - 2);
            }
            return String.valueOf(Duration.parse(text.startsWith("P") ? text : "PT" + text).toMillis());
        }
        return text;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
