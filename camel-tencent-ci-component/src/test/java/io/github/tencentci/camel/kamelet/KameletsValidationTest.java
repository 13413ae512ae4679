package io.github.tencentci.camel.kamelet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kamelet this jar ships under {@code kamelets/} (as filtered into the build output), checked against the
 * component's own metadata ({@code tencent-ci.json}) the way camel-kamelets' validator checks its catalog: each
 * parameter of a {@code tencent-ci:} URI is an option of the endpoint and Camel's catalog accepts the URI, each
 * {@code {{placeholder}}} is a declared property and each property is used, required ones are not optional in the
 * template, secrets are marked for UIs, headers are the component's, and the dependency names this very build.
 * Beyond camel-kamelets' checks: the shape of each kind (a source ends in {@code kamelet:sink}, an action starts at
 * {@code kamelet:source}) and no endpoint carries an option of the other side (a producer option on the source's
 * {@code from}, a consumer option on an action's {@code to}), which the component refuses when the route starts.
 */
class KameletsValidationTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([A-Za-z0-9_.-]+)(?::[^}]*)?}}");
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DefaultCamelContext camel;
    private static JsonNode component;

    @BeforeAll
    static void readComponentMetadata() throws Exception {
        camel = new DefaultCamelContext();
        camel.start();
        component = JSON.readTree(camel.getComponentParameterJsonSchema("tencent-ci"));
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    static Stream<Path> kamelets() throws IOException, URISyntaxException {
        Path folder = Path.of(KameletsValidationTest.class.getClassLoader().getResource("kamelets").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
        assertThat(files).as("kamelets in " + folder).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    @SuppressWarnings("unchecked")
    void kameletValidatesAgainstTheComponent(Path file) throws Exception {
        Map<String, Object> kamelet;
        try (InputStream in = Files.newInputStream(file)) {
            kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
        String fileName = file.getFileName().toString();

        // the envelope
        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = map(kamelet, "metadata");
        assertThat(metadata.get("name") + ".kamelet.yaml").isEqualTo(fileName);
        String kind = (String) map(metadata, "labels").get("camel.apache.org/kamelet.type");
        assertThat(kind).isIn("source", "sink", "action");
        assertThat(map(metadata, "annotations")).containsKeys("camel.apache.org/kamelet.support.level",
                "camel.apache.org/provider", "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.icon");

        Map<String, Object> spec = map(kamelet, "spec");
        Map<String, Object> definition = map(spec, "definition");
        assertThat(definition).containsKeys("title", "description");
        Map<String, Object> properties = map(definition, "properties");
        List<String> required = (List<String>) definition.getOrDefault("required", List.of());
        assertThat(properties).containsKeys(required.toArray(String[]::new));
        properties.forEach((name, p) -> assertThat((Map<String, Object>) p).as(name)
                .containsKeys("title", "description", "type"));

        // the dependency is this build's artifact, version filtered in
        JsonNode header = component.get("component");
        assertThat((List<String>) spec.get("dependencies")).contains("mvn:" + header.get("groupId").asText() + ":"
                + header.get("artifactId").asText() + ":" + header.get("version").asText());

        // the template: every placeholder declared, every property used, required ones not optional
        Map<String, Object> template = map(spec, "template");
        Map<String, Boolean> used = new LinkedHashMap<>(); // name -> used as optional ({{?name}})
        collectPlaceholders(template, used);
        assertThat(properties.keySet()).as("declared properties").containsAll(used.keySet());
        assertThat(used.keySet()).as("properties the template uses").containsAll(properties.keySet());
        for (String name : properties.keySet()) {
            boolean optional = used.get(name);
            Map<String, Object> property = (Map<String, Object>) properties.get(name);
            if (required.contains(name)) {
                assertThat(optional).as(name + " is required: {{" + name + "}}, not {{?" + name + "}}").isFalse();
            } else if (!property.containsKey("default")) {
                assertThat(optional).as(name + " is optional without a default: {{?" + name + "}}").isTrue();
            }
        }
        Map<String, Object> from = map(template, "from");
        switch (kind) {
            case "source" -> assertThat(lastStepUri(from)).as("a source ends in the sink").isEqualTo("kamelet:sink");
            case "action" -> {
                // an action is a step inside the user's route: it starts at kamelet:source and hands on where it ends
                assertThat(from.get("uri")).as("an action starts at the source").isEqualTo("kamelet:source");
                assertThat(lastStepUri(from)).as("an action does not end in a sink").isNotEqualTo("kamelet:sink");
            }
            default -> assertThat(from.get("uri")).as("a sink starts at the source").isEqualTo("kamelet:source");
        }

        // each tencent-ci endpoint of the template against the component's options
        List<Map<String, Object>> endpoints = new ArrayList<>();
        collectEndpoints(template, endpoints);
        assertThat(endpoints).as("tencent-ci endpoints in the template").isNotEmpty();
        JsonNode options = component.get("properties");
        for (Map<String, Object> endpoint : endpoints) {
            // the endpoint polls when it is the template's 'from', else it is a producer ('to'): the component refuses
            // the other side's options when the route starts, so a kamelet carrying one could never run
            String otherSide = endpoint == from ? "producer" : "consumer";
            Map<String, Object> parameters = (Map<String, Object>) endpoint.getOrDefault("parameters", Map.of());
            Map<String, String> sample = new LinkedHashMap<>();
            parameters.forEach((option, value) -> {
                assertThat(options.has(option)).as("'" + option + "' is an option of tencent-ci").isTrue();
                JsonNode meta = options.get(option);
                assertThat(List.of(meta.path("label").asText().split(","))).as("label of '" + option + "' on a "
                        + (endpoint == from ? "consumer" : "producer")).doesNotContain(otherSide);
                String text = String.valueOf(value);
                Matcher m = PLACEHOLDER.matcher(text);
                if (m.matches()) {
                    Map<String, Object> property = (Map<String, Object>) properties.get(m.group(2));
                    checkPropertyFitsOption(m.group(2), property, option, meta);
                    sample.put(option, sampleValue(property, meta));
                } else {
                    sample.put(option, text);
                }
            });
            // Camel's own check of option names, types and enum values, on sample values of each property
            RuntimeCamelCatalog catalog = camel.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class);
            assertThat(catalog).as("Camel's runtime catalog").isNotNull();
            sample.put("resource", ((String) endpoint.get("uri")).substring("tencent-ci:".length()));
            EndpointValidationResult result = catalog.validateProperties("tencent-ci", sample);
            assertThat(result.isSuccess()).as(sample + ": " + result.summaryErrorMessage(false)).isTrue();
        }

        // headers the kamelet reads or sets are the component's; a source only emits, a sink only takes, an action both
        Map<String, Object> dataTypes = map(spec, "dataTypes");
        List<String> directions = switch (kind) {
            case "source" -> List.of("out");
            case "sink" -> List.of("in");
            default -> List.of("in", "out");
        };
        assertThat(dataTypes.keySet()).as("data types of a " + kind).containsExactlyInAnyOrderElementsOf(directions);
        Set<String> headers = new TreeSet<>();
        component.get("headers").fieldNames().forEachRemaining(headers::add);
        for (String direction : directions) {
            Map<String, Object> types = map(dataTypes, direction);
            assertThat(map(types, "types")).as(direction + " types").containsKey((String) types.get("default"));
            assertThat(headers).as(direction + " headers").containsAll(map(types, "headers").keySet());
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkPropertyFitsOption(String name, Map<String, Object> property, String option, JsonNode meta) {
        String as = "kamelet property " + name + " for option " + option;
        String type = (String) property.get("type");
        switch (meta.get("type").asText()) {
            case "boolean" -> assertThat(type).as(as).isEqualTo("boolean");
            case "integer", "number" -> assertThat(type).as(as).isIn("integer", "number");
            case "duration" -> assertThat(type).as(as).isIn("integer", "string");
            default -> assertThat(type).as(as).isEqualTo("string");
        }
        if (meta.has("enum") && property.containsKey("enum")) {
            Set<String> allowed = new TreeSet<>();
            meta.get("enum").forEach(v -> allowed.add(v.asText()));
            assertThat((List<String>) property.get("enum")).as(as).allSatisfy(v -> assertThat(allowed).contains(v));
        }
        boolean secret = meta.path("secret").asBoolean(false);
        assertThat("password".equals(property.get("format"))).as(as + ": format password exactly for secrets")
                .isEqualTo(secret);
        if (secret) {
            assertThat((List<String>) property.get("x-descriptors")).as(as).contains(CREDENTIALS);
        }
    }

    @SuppressWarnings("unchecked")
    private static String sampleValue(Map<String, Object> property, JsonNode meta) {
        if (property.containsKey("default")) {
            return String.valueOf(property.get("default"));
        }
        if (property.containsKey("enum")) {
            return String.valueOf(((List<Object>) property.get("enum")).get(0));
        }
        if (property.containsKey("example")) {
            return String.valueOf(property.get("example"));
        }
        return switch (meta.get("type").asText()) {
            case "integer", "duration" -> "1";
            case "boolean" -> "true";
            default -> "x";
        };
    }

    @SuppressWarnings("unchecked")
    private static void collectPlaceholders(Object node, Map<String, Boolean> used) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectPlaceholders(v, used));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectPlaceholders(v, used));
        } else if (node instanceof String text) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                used.merge(m.group(2), !m.group(1).isEmpty(), Boolean::logicalAnd);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectEndpoints(Object node, List<Map<String, Object>> into) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("uri") instanceof String uri && uri.startsWith("tencent-ci:")) {
                into.add((Map<String, Object>) map);
            }
            map.values().forEach(v -> collectEndpoints(v, into));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectEndpoints(v, into));
        }
    }

    @SuppressWarnings("unchecked")
    private static String lastStepUri(Map<String, Object> from) {
        List<Object> steps = (List<Object>) from.get("steps");
        Object last = ((Map<String, Object>) steps.get(steps.size() - 1)).get("to");
        return last instanceof Map<?, ?> to ? (String) to.get("uri") : (String) last;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
