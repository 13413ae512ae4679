package io.github.tencentci.camel.docs;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of {@code docs/component.md} are rendered from the generated {@code tencent-ci.json},
 * whose descriptions come from the setters' Javadoc and the constants' {@code @Metadata}: one description per option,
 * so the page cannot drift from the code. When this fails, rerun it with {@code -Ddocs.update=true} to rewrite the
 * tables, and commit the page.
 */
class ComponentDocsTest {

    private static final Path PAGE = Path.of("../docs/component.md");
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("common", "Connection");
        GROUPS.put("security", "Security");
        GROUPS.put("filter", "Filter (sent as the API's query parameters)");
        GROUPS.put("consumer", "Consumer");
        GROUPS.put("consumer (advanced)", "Consumer (advanced)");
        GROUPS.put("producer", "Producer");
        GROUPS.put("producer (advanced)", "Producer (advanced)");
        GROUPS.put("advanced", "HTTP and retries (advanced)");
        GROUPS.put("proxy", "Proxy");
        GROUPS.put("scheduler", "Scheduler (Camel's scheduled-poll options)");
    }

    /** Groups that only the component has (Camel's own component options). */
    private static final Map<String, String> COMPONENT_ONLY_GROUPS = Map.of("health", "Health");

    @Test
    void theOptionAndHeaderTablesAreTheGeneratedOnes() throws Exception {
        JsonObject json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/tencentci/camel/tencent-ci.json")) {
            json = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String page = Files.readString(PAGE);
        String expected = replace(replace(replace(page, "options", options(json.getMap("properties"))),
                "component-options", componentOptions(json.getMap("componentProperties"), json.getMap("properties"))),
                "headers", headers(json.getMap("headers")));
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(PAGE, expected);
        }
        assertThat(page).as("docs/component.md tables vs tencent-ci.json; rerun with -Ddocs.update=true").isEqualTo(expected);
    }

    @SuppressWarnings("unchecked")
    private static String options(Map<String, Object> properties) {
        StringBuilder out = new StringBuilder();
        GROUPS.forEach((group, title) -> {
            out.append("\n#### ").append(title).append("\n\n| option | type | default | description |\n|---|---|---|---|\n");
            properties.forEach((name, value) -> {
                Map<String, Object> option = (Map<String, Object>) value;
                if (group.equals(option.get("group")) && !"path".equals(option.get("kind"))) {
                    Object defaultValue = option.get("defaultValue");
                    Object enums = option.get("enum");
                    out.append("| `").append(name).append("` | ").append(option.get("type"))
                            .append(enums instanceof List<?> list ? " (" + String.join(", ", (List<String>) list) + ")" : "")
                            .append(" | ").append(defaultValue == null ? "" : "`" + defaultValue + "`")
                            .append(" | ").append(cell(option.get("description"))).append(" |\n");
                }
            });
        });
        assertThat(properties.values()).as("every option's group has a table")
                .allSatisfy(o -> assertThat(GROUPS).containsKey((String) ((Map<String, Object>) o).get("group")));
        return out.append('\n').toString();
    }

    /**
     * Which options the component itself carries, by group: the ones Camel Main and Spring Boot set as
     * {@code camel.component.tencent-ci.*} and every endpoint takes as its default.
     */
    @SuppressWarnings("unchecked")
    private static String componentOptions(Map<String, Object> component, Map<String, Object> endpoint) {
        StringBuilder out = new StringBuilder("\n| group | on the component |\n|---|---|\n");
        Map<String, String> titles = new LinkedHashMap<>(GROUPS);
        titles.putAll(COMPONENT_ONLY_GROUPS);
        titles.forEach((group, title) -> {
            List<String> names = component.entrySet().stream()
                    .filter(e -> group.equals(((Map<String, Object>) e.getValue()).get("group"))).map(Map.Entry::getKey)
                    .toList();
            List<String> endpointOptions = endpoint.entrySet().stream()
                    .filter(e -> group.equals(((Map<String, Object>) e.getValue()).get("group"))
                                 && !"path".equals(((Map<String, Object>) e.getValue()).get("kind")))
                    .map(Map.Entry::getKey).toList();
            boolean all = !endpointOptions.isEmpty() && names.containsAll(endpointOptions);
            List<String> shown = all ? names.stream().filter(n -> !endpointOptions.contains(n)).toList() : names;
            String listed = String.join(", ", shown.stream().map(n -> "`" + n + "`").toList());
            if (all) {
                listed = "all of the group" + (shown.isEmpty() ? "" : ", and " + listed);
            } else if (names.isEmpty()) {
                listed = "none";
            }
            out.append("| ").append(title).append(" | ").append(listed).append(" |\n");
        });
        assertThat(component.values()).as("every component option's group is listed")
                .allSatisfy(o -> assertThat(titles).containsKey((String) ((Map<String, Object>) o).get("group")));
        return out.append('\n').toString();
    }

    @SuppressWarnings("unchecked")
    private static String headers(Map<String, Object> headers) {
        StringBuilder out = new StringBuilder("\n| header | type | description |\n|---|---|---|\n");
        headers.forEach((name, value) -> {
            Map<String, Object> header = (Map<String, Object>) value;
            out.append("| `").append(name).append("` | ").append(header.get("javaType")).append(" | ")
                    .append(cell(header.get("description"))).append(" |\n");
        });
        return out.append('\n').toString();
    }

    private static String cell(Object text) {
        return String.valueOf(text).replace("|", "\\|");
    }

    /** The page with the text between the markers of {@code block} replaced. */
    private static String replace(String page, String block, String content) {
        String begin = "<!-- BEGIN " + block + " generated from tencent-ci.json by ComponentDocsTest -->";
        String end = "<!-- END " + block + " -->";
        int from = page.indexOf(begin);
        int to = page.indexOf(end);
        assertThat(from).as("marker %s in docs/component.md", begin).isNotNegative();
        assertThat(to).as("marker %s in docs/component.md", end).isGreaterThan(from);
        return page.substring(0, from + begin.length()) + "\n" + content + page.substring(to);
    }
}
