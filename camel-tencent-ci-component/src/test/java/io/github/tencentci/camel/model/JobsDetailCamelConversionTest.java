package io.github.tencentci.camel.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.tencentci.camel.model.XmlFixtures.sameXml;
import static io.github.tencentci.camel.model.XmlFixtures.text;
import static io.github.tencentci.camel.model.XmlFixtures.unmarshal;
import static io.github.tencentci.camel.model.XmlFixtures.xpath;
import static org.assertj.core.api.Assertions.assertThat;

/** What a route gets from a JobsDetail body: XML through camel-jaxb's converter, JSON through camel-jackson. */
class JobsDetailCamelConversionTest {

    private CamelContext context;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:json").marshal().json();
            }
        });
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @Test
    void stringBodyIsTheJobsXml() {
        JobsDetail job = unmarshal(text("full-job.xml"));

        String xml = context.getTypeConverter().convertTo(String.class, job);

        assertThat(xml).contains("<JobsDetail>", "<JobId>be8f65004eb8511eaaed4f377124a303c</JobId>");
        assertThat(sameXml(text("full-job.xml"), xml)).as("converted:%n%s", xml).isTrue();
    }

    @Test
    void stringBodyKeepsUnknownElements() {
        String xml = context.getTypeConverter().convertTo(String.class, unmarshal(text("unknown-elements.xml")));

        // (kept elements move behind the known ones and '-' times are dropped, so compare element by element)
        assertThat(xpath(xml, "/JobsDetail/FutureTop/Inner")).isEqualTo("x");
        assertThat(xpath(xml, "/JobsDetail/Operation/JobParam/FutureTask/Knob")).isEqualTo("7");
        assertThat(xpath(xml, "/JobsDetail/Operation/Output/StreamExtract/FutureStream")).isEqualTo("fs");
    }

    @Test
    void jsonHasIsoTimesAndUnknownElementsAsXmlStrings() throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        JobsDetail job = unmarshal(text("full-job.xml").replace("<StartTime>2022-06-27T15:23:11+0800</StartTime>",
                "<StartTime>-</StartTime>"));

        String json = template.requestBody("direct:json", job, String.class);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(tree.path("jobId").asText()).isEqualTo("be8f65004eb8511eaaed4f377124a303c");
        assertThat(tree.path("state").asText()).isEqualTo("Failed");
        assertThat(tree.path("creationTime").asText()).isEqualTo("2022-06-27T15:23:10+08:00");
        assertThat(tree.path("endTime").asText()).isEqualTo("2022-06-27T15:25:10+08:00");
        assertThat(tree.has("startTime")).as("absent time left out: %s", json).isFalse();
        assertThat(tree.has("otherElements")).as("empty list left out: %s", json).isFalse();
        JsonNode operation = tree.path("operation");
        assertThat(operation.path("timeInterval").path("start").asText()).isEqualTo("2022-02-01T12:00:00+08:00");
        assertThat(operation.path("jobLevel").asInt()).isEqualTo(2);
        assertThat(operation.path("jobParam").path("watermarkTemplateId")).hasSize(2);
        JsonNode tasks = operation.path("jobParam").path("otherElements");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).asText()).startsWith("<Transcode>").contains("<Codec>H.264</Codec>");
        assertThat(operation.path("output").path("streamExtract").get(1).path("object").asText())
                .isEqualTo("output/stream-1.aac");
        // only the bean view, no helper methods leaking as properties
        assertThat(names(tree)).containsExactly("code", "message", "type", "name", "jobId", "state", "tag",
                "progress", "queueId", "input", "operation", "creationTime", "endTime");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
