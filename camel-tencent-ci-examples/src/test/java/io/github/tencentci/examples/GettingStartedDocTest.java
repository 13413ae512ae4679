package io.github.tencentci.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/getting-started.md}, {@code docs/platforms.md} and {@code docs/producer.md} true: every code
 * snippet a guide quotes "from" a file must appear in that file verbatim, so editing a route the tests run without
 * updating the guide fails the build. Shell commands ({@code sh}), console output ({@code text}) and, in
 * platforms.md, dependency declarations ({@code xml}) and one-line Java URIs ({@code java}) are the only blocks
 * without a source file; producer.md also shows illustrative snippets.
 */
class GettingStartedDocTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path GUIDE = REPO.resolve("docs/getting-started.md");
    private static final Path PLATFORMS = REPO.resolve("docs/platforms.md");
    private static final Path PRODUCER_GUIDE = REPO.resolve("docs/producer.md");

    // a line "From `path`:" right before a fenced block names the file the block is quoted from
    private static final Pattern BLOCK = Pattern.compile(
            "(?:^From `([^`]+)`[^\\n]*\\n\\n)?^```(\\w*)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void everySnippetIsQuotedVerbatimFromTheFileItNames() throws IOException {
        List<String> quoted = quotedFiles(GUIDE, "sh", "text");
        assertThat(quoted).as("files the guide quotes").contains(
                "camel-tencent-ci-examples/src/main/resources/application.properties",
                "camel-tencent-ci-examples/src/main/resources/routes/failed-jobs-to-file.camel.yaml",
                "camel-tencent-ci-examples/src/main/resources/routes/failed-jobs-to-file.camel.xml",
                "camel-tencent-ci-examples/src/main/java/io/github/tencentci/examples/FailedJobsToKafkaRoute.java",
                "camel-tencent-ci-examples/src/main/java/io/github/tencentci/examples/FailedJobsToSlackRoute.java",
                "camel-tencent-ci-examples/src/main/jbang/failed-jobs.camel.yaml",
                "camel-tencent-ci-examples/src/main/jbang/failed-jobs-kamelet.camel.yaml",
                "camel-tencent-ci-examples/src/main/resources/routes/rerun-failed-jobs.camel.yaml");
    }

    @Test
    void theProducerGuideQuotesTheExampleRoutesVerbatim() throws IOException {
        assertThat(quotedFiles(PRODUCER_GUIDE, "sh", "text", "java", "yaml", "xml")).as("files the producer guide quotes")
                .contains(
                "camel-tencent-ci-examples/src/main/java/io/github/tencentci/examples/RerunFailedJobsRoute.java",
                "camel-tencent-ci-examples/src/main/resources/routes/rerun-failed-jobs.camel.yaml",
                "camel-tencent-ci-examples/src/main/java/io/github/tencentci/examples/CancelStuckJobsRoute.java");
    }

    @Test
    void everyPlatformsSnippetIsQuotedVerbatimFromTheFileItNames() throws IOException {
        List<String> quoted = quotedFiles(PLATFORMS, "sh", "text", "xml", "java");
        assertThat(quoted).as("files platforms.md quotes").contains(
                "camel-tencent-ci-examples/spring-boot/src/main/resources/application.properties",
                "camel-tencent-ci-examples/spring-boot/src/main/java/io/github/tencentci/examples/springboot/FailedJobsToKafkaRoute.java",
                "camel-tencent-ci-examples/quarkus/src/main/java/io/github/tencentci/examples/quarkus/FailedJobsRoute.java",
                "camel-tencent-ci-examples/src/main/jbang/failed-jobs-kamelet.camel.yaml",
                "camel-tencent-ci-examples/src/main/jbang/cancel-workflow-jobs-kamelet.camel.yaml");
    }

    private static List<String> quotedFiles(Path doc, String... unsourcedLanguages) throws IOException {
        String guide = Files.readString(doc, StandardCharsets.UTF_8);
        List<String> quoted = new ArrayList<>();
        Matcher block = BLOCK.matcher(guide);
        while (block.find()) {
            String source = block.group(1);
            String language = block.group(2);
            String snippet = block.group(3);
            if (source == null) {
                assertThat(language).as("a %s block without a 'From `file`' line:%n%s", language, snippet)
                        .isIn((Object[]) unsourcedLanguages);
                continue;
            }
            Path file = REPO.resolve(source);
            assertThat(file).as("source of a snippet").exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s quoted in the guide", source)
                    .contains(snippet);
            quoted.add(source);
        }
        return quoted;
    }
}
