package io.github.tencentci.camel.parsing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.resilience.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.tencentci.camel.model.XmlFixtures.marshal;
import static io.github.tencentci.camel.model.XmlFixtures.sameXml;
import static io.github.tencentci.camel.model.XmlFixtures.stream;
import static io.github.tencentci.camel.model.XmlFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobPageParserTest {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final String[] STATES = { "Submitted", "Running", "Success", "Failed", "Pause", "Cancel" };

    private final JobPageParser parser = new JobPageParser();

    @Test
    void parsesTheProductPageSample() throws Exception {
        JobPage page = parser.parse(stream(text("sample-response.xml")));

        assertThat(page.requestId()).isEqualTo("NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==");
        assertThat(page.nextToken()).isEqualTo("25");
        assertThat(page.isLastPage()).isFalse();
        assertThat(page.jobs()).hasSize(2);

        JobsDetail workflow = page.jobs().get(0);
        assertThat(workflow.getCode()).isEqualTo("Success");
        assertThat(workflow.getType()).isEqualTo("Workflow");
        assertThat(workflow.getMessage()).isEmpty();
        assertThat(workflow.getName()).isEqualTo("demo");
        assertThat(workflow.getJobId()).isEqualTo("b3deffea2f84911ec9cb15254008618d9");
        assertThat(workflow.getState()).isEqualTo("Running");
        assertThat(workflow.getCreationTime()).isEqualTo(OffsetDateTime.of(2022, 6, 27, 15, 23, 10, 0, BEIJING));
        assertThat(workflow.getStartTime()).isNull();
        assertThat(workflow.getEndTime()).isNull();
        assertThat(workflow.getInput().getPrefix()).isEqualTo("input");
        assertThat(workflow.getOperation().getTimeInterval().getStart())
                .isEqualTo(OffsetDateTime.of(2022, 2, 1, 12, 0, 0, 0, BEIJING));
        assertThat(workflow.getOperation().getTimeInterval().getEnd())
                .isEqualTo(OffsetDateTime.of(2022, 5, 1, 12, 0, 0, 0, BEIJING));
        assertThat(workflow.getOperation().getWorkflowIds()).isEqualTo("w7476ff3564ee45b7b490d64bccaba6cc");
        assertThat(workflow.getOperation().getJobParam()).isNull();
        assertThat(workflow.getOtherElements()).isEmpty();

        JobsDetail job = page.jobs().get(1);
        assertThat(job.getCode()).isEqualTo("Success");
        assertThat(job.getType()).isEqualTo("Job");
        assertThat(job.getMessage()).isEmpty();
        assertThat(job.getName()).isEqualTo("demo");
        assertThat(job.getJobId()).isEqualTo("be8f65004eb8511eaaed4f377124a303c");
        assertThat(job.getState()).isEqualTo("Running");
        assertThat(job.getCreationTime()).isEqualTo(OffsetDateTime.of(2022, 6, 27, 15, 23, 10, 0, BEIJING));
        assertThat(job.getStartTime()).isEqualTo(OffsetDateTime.of(2022, 6, 27, 15, 23, 11, 0, BEIJING));
        assertThat(job.getEndTime()).isEqualTo(OffsetDateTime.of(2022, 6, 27, 15, 25, 10, 0, BEIJING));
        assertThat(job.getInput().getPrefix()).isEqualTo("input");
        assertThat(job.getOperation().getTimeInterval().getStart())
                .isEqualTo(OffsetDateTime.of(2022, 2, 1, 12, 0, 0, 0, BEIJING));
        assertThat(job.getOperation().getTimeInterval().getEnd())
                .isEqualTo(OffsetDateTime.of(2022, 5, 1, 12, 0, 0, 0, BEIJING));
        assertThat(job.getOperation().getQueueId()).isEqualTo("p893bcda225bf4945a378da6662e81a89");
        assertThat(job.getOperation().getUserData()).isEqualTo("this is my inventorytriggerjob");
        assertThat(job.getOperation().getCallBack()).isEqualTo("https://www.callback.com");
        assertThat(job.getOperation().getJobParam().getTemplateId()).isEqualTo("t1460606b9752148c4ab182f55163ba7cd");
        assertThat(job.getOperation().getOutput().getRegion()).isEqualTo("ap-chongqing");
        assertThat(job.getOperation().getOutput().getBucket()).isEqualTo("test-1234567890");
        assertThat(job.getOperation().getOutput().getObject()).isEqualTo("output/${InventoryTriggerJobId}/out.mp4");
        assertThat(job.getOperation().getJobLevel()).isZero();
        assertThat(job.getOperation().getOtherElements()).isEmpty();
    }

    @Test
    void aJobInAPageIsBoundLikeTheJobAlone() throws Exception {
        String job = text("full-job.xml");

        JobPage page = parser.parse(stream("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><RequestId>r</RequestId>"
                                           + job + job + "</Response>"));

        assertThat(page.jobs()).hasSize(2);
        assertThat(sameXml(job, marshal(page.jobs().get(0)))).isTrue();
        assertThat(sameXml(job, marshal(page.jobs().get(1)))).isTrue();
    }

    @Test
    void keepsUnknownElementsInsideJobsAndSkipsUnknownTopLevelOnes() throws Exception {
        JobPage page = parser.parse(stream("<Response><Future a='1'><JobsDetail><JobId>nested</JobId></JobsDetail>"
                                           + "</Future><RequestId>r1</RequestId><Extra/>"
                                           + text("unknown-elements.xml")
                                           + "<Later>t<b>x</b></Later><NextToken>n</NextToken><Tail/></Response>"));

        assertThat(page.requestId()).isEqualTo("r1");
        assertThat(page.nextToken()).isEqualTo("n");
        assertThat(page.jobs()).extracting(JobsDetail::getJobId).containsExactly("j-unknown");
        assertThat(page.jobs().get(0).getOperation().getJobParam().findOtherElement("FutureTask")).isPresent();
    }

    @Test
    void readsAFullPageOfOneHundredJobsInOrder() throws Exception {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        List<String> states = new ArrayList<>();
        StringBuilder xml = new StringBuilder("<Response><RequestId>page-100</RequestId>\n");
        for (int i = 0; i < 100; i++) {
            String id = String.format("j%032x", random.nextLong() & Long.MAX_VALUE);
            String state = STATES[random.nextInt(STATES.length)];
            ids.add(id);
            states.add(state);
            xml.append(text("full-job.xml")
                    .replace("be8f65004eb8511eaaed4f377124a303c", id)
                    .replace("<State>Failed</State>", "<State>" + state + "</State>")
                    .replace("<StartTime>2022-06-27T15:23:11+0800</StartTime>",
                            i % 2 == 0 ? "<StartTime>-</StartTime>" : "<StartTime>2022-06-27T15:23:11+0800</StartTime>"));
        }
        xml.append("<NextToken>101</NextToken></Response>");

        JobPage page = parser.parse(stream(xml.toString()));

        assertThat(page.jobs()).hasSize(100);
        assertThat(page.jobs()).extracting(JobsDetail::getJobId).containsExactlyElementsOf(ids);
        assertThat(page.jobs()).extracting(JobsDetail::getState).containsExactlyElementsOf(states);
        assertThat(page.jobs().get(98).getStartTime()).isNull();
        assertThat(page.jobs().get(99).getStartTime()).isNotNull();
        assertThat(page.jobs().get(99).getOperation().getOutput().getStreamExtract()).hasSize(2);
        assertThat(page.nextToken()).isEqualTo("101");
    }

    /**
     * Repeated values take shortcuts (one string per distinct text, a time equal to the field's previous one is not
     * parsed again): the values must still be each job's own, whatever came before them.
     */
    @Test
    void repeatedValuesAreReadAsTheirOwnText() throws Exception {
        String xml = "<Response>"
                + "<JobsDetail><JobId>a</JobId><State>Success</State><CreationTime>2022-06-27T15:23:10+0800</CreationTime>"
                + "<EndTime>-</EndTime></JobsDetail>"
                + "<JobsDetail><JobId>b</JobId><State>Success</State><CreationTime>2022-06-27T15:23:10+0800</CreationTime>"
                + "<EndTime>2022-06-27T15:23:10+0800</EndTime></JobsDetail>"
                // the same text, split by a comment; then one a second later; then the same text as a CDATA section
                + "<JobsDetail><JobId>c</JobId><State>Succ<!-- -->ess</State>"
                + "<CreationTime>2022-06-27T15:23:10<!-- split -->+0800</CreationTime>"
                + "<EndTime>-<!-- -->1</EndTime></JobsDetail>"
                + "<JobsDetail><JobId>d</JobId><State>Successful</State><CreationTime>2022-06-27T15:23:11+0800</CreationTime>"
                + "<EndTime>-</EndTime></JobsDetail>"
                + "<JobsDetail><JobId>e</JobId><State><![CDATA[Success]]></State>"
                + "<CreationTime><![CDATA[2022-06-27T15:23:11+0800]]></CreationTime><EndTime>2022-02-30T15:23:11+0800</EndTime>"
                + "</JobsDetail></Response>";

        JobPage page = parser.parse(stream(xml));

        OffsetDateTime second = OffsetDateTime.of(2022, 6, 27, 15, 23, 10, 0, BEIJING);
        assertThat(page.jobs()).extracting(JobsDetail::getState)
                .containsExactly("Success", "Success", "Success", "Successful", "Success");
        assertThat(page.jobs()).extracting(JobsDetail::getCreationTime)
                .containsExactly(second, second, second, second.plusSeconds(1), second.plusSeconds(1));
        assertThat(page.jobs()).extracting(JobsDetail::getEndTime).containsExactly(null, second, null, null, null);
        // "-1" and February 30 are odd values: kept as they came, not taken for the recent "-" or a parsed time
        assertThat(marshal(page.jobs().get(2))).contains("<EndTime>-1</EndTime>");
        assertThat(marshal(page.jobs().get(4))).contains("<EndTime>2022-02-30T15:23:11+0800</EndTime>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Response><RequestId>r</RequestId></Response>",
            "<Response><RequestId>r</RequestId><NextToken/></Response>",
            "<Response><RequestId>r</RequestId><NextToken></NextToken></Response>",
            "<Response><RequestId>r</RequestId><NextToken>  \n </NextToken></Response>" })
    void noOrEmptyNextTokenIsTheLastPage(String xml) throws Exception {
        JobPage page = parser.parse(stream(xml));

        assertThat(page.isLastPage()).isTrue();
        assertThat(page.jobs()).isEmpty();
        assertThat(page.requestId()).isEqualTo("r");
    }

    @Test
    void lastPageIsDecidedByTheTokenOnly() {
        assertThat(new JobPage("r", List.of(), "25").isLastPage()).isFalse();
        assertThat(new JobPage("r", null, null).isLastPage()).isTrue();
        assertThat(new JobPage("r", null, null).jobs()).isEmpty();
    }

    @Test
    void everyTruncationOfTheSampleIsMalformed() {
        String sample = text("sample-response.xml");
        int complete = sample.indexOf("</Response>") + "</Response>".length();

        for (int length = 0; length < complete; length++) {
            String cut = sample.substring(0, length);
            assertThatThrownBy(() -> parser.parse(stream(cut)))
                    .as("body cut after %d chars", length)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageStartingWith("Malformed CI job response");
        }
    }

    @Test
    void truncationInsideAJobSaysWhichJobAndWhere() {
        String sample = text("sample-response.xml");
        String cut = sample.substring(0, sample.indexOf("<QueueId>"));

        assertThatThrownBy(() -> parser.parse(stream(cut)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("JobsDetail #2")
                .hasMessageMatching("(?s).*at line \\d+, column \\d+.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Response><JobsDetail><JobId>x</JobsDetail></Response>",
            "<Response><RequestId>r</Response>",
            "<Response><JobsDetail><JobId a=>x</JobId></JobsDetail></Response>",
            "<Response></Response><Response></Response>",
            "<Response></Response>trailing",
            "Internal Server Error",
            "{\"Response\":{}}",
            "" })
    void malformedXmlIsRejected(String xml) {
        assertThatThrownBy(() -> parser.parse(stream(xml)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("Malformed CI job response");
    }

    @Test
    void anErrorBodyIsNotAPage() {
        assertThatThrownBy(() -> parser.parse(stream("<Error><Code>SlowDown</Code></Error>")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("expected root element <Response> but found <Error>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<CreationTime>27/06/2022</CreationTime>",
            "<StartTime>2022-06-27 15:23:10</StartTime>",
            "<EndTime>2024-02-30T00:00:00+0800</EndTime>",
            "<Operation><TimeInterval><Start>yesterday</Start></TimeInterval></Operation>",
            "<Operation><JobLevel>high</JobLevel></Operation>",
            "<JobId>a<b>inner</b>c</JobId>" })
    void aValueThatDoesNotFitItsFieldKeepsTheJobAndItsText(String odd) throws Exception {
        String xml = "<Response><JobsDetail><JobId>before</JobId></JobsDetail>"
                     + "<JobsDetail><Name>odd</Name>" + odd + "</JobsDetail>"
                     + "<JobsDetail><JobId>after</JobId></JobsDetail><NextToken>7</NextToken></Response>";

        JobPage page;
        try (LogCapture log = LogCapture.of(org.apache.logging.log4j.Level.WARN, "io.github.tencentci")) {
            page = parser.parse(stream(xml));
            assertThat(log.lines()).singleElement().asString()
                    .startsWith("WARN ").contains("JobsDetail #2").contains("cannot be read");
        }

        assertThat(page.jobs()).extracting(JobsDetail::getName).containsExactly(null, "odd", null);
        assertThat(page.nextToken()).isEqualTo("7");
        JobsDetail job = page.jobs().get(1);
        // the element comes back in the job's XML with its original content, wherever it stood
        String content = odd.replaceAll("^(<Operation>)?(<TimeInterval>)?", "").replaceAll("(</TimeInterval>)?(</Operation>)?$", "");
        assertThat(marshal(job)).contains(content);
    }

    @Test
    void theWarningNamesTheJobTheFieldAndTheText() throws Exception {
        String xml = "<Response><JobsDetail><Operation><TimeInterval><Start>2022-02-25T12:00:00 z</Start>"
                     + "</TimeInterval><JobLevel>high</JobLevel></Operation><JobId>j-odd</JobId></JobsDetail></Response>";

        try (LogCapture log = LogCapture.of(org.apache.logging.log4j.Level.WARN, "io.github.tencentci")) {
            JobsDetail job = parser.parse(stream(xml)).jobs().get(0);

            assertThat(job.getOperation().getTimeInterval().getStart()).isNull();
            assertThat(job.getOperation().getJobLevel()).isNull();
            assertThat(job.getOperation().getTimeInterval().findOtherElement("Start")).get()
                    .extracting(org.w3c.dom.Element::getTextContent).isEqualTo("2022-02-25T12:00:00 z");
            assertThat(log.lines()).containsExactly(
                    "WARN io.github.tencentci.camel.parsing.JobsDetailReader - CI job j-odd: field Operation/TimeInterval/Start"
                    + " '2022-02-25T12:00:00 z' cannot be read: expected " + io.github.tencentci.camel.model.CiTimeFormat.ACCEPTED_FORMATS
                    + "; the field is left empty and the element kept as it came (see the job's XML)",
                    "WARN io.github.tencentci.camel.parsing.JobsDetailReader - CI job j-odd: field Operation/JobLevel 'high'"
                    + " cannot be read: expected an integer; the field is left empty and the element kept as it came"
                    + " (see the job's XML)");
        }
    }

    @Test
    void aLowerCaseZuluIsReadLeniently() throws Exception {
        // the Go SDK's own tests submit TimeInterval values like this; the reading is unambiguous
        String xml = "<Response><JobsDetail><Operation><TimeInterval><Start>2022-02-25T12:00:00z</Start>"
                     + "</TimeInterval></Operation></JobsDetail></Response>";

        JobsDetail job = parser.parse(stream(xml)).jobs().get(0);

        assertThat(job.getOperation().getTimeInterval().getStart())
                .isEqualTo(OffsetDateTime.of(2022, 2, 25, 12, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void readsUtf8TextAndCdata() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><JobsDetail><Name>演示 &amp; demo</Name>"
                     + "<Operation><UserData><![CDATA[<a&b>]]> tail</UserData></Operation></JobsDetail></Response>";

        JobsDetail job = parser.parse(stream(xml)).jobs().get(0);

        assertThat(job.getName()).isEqualTo("演示 & demo");
        assertThat(job.getOperation().getUserData()).isEqualTo("<a&b> tail");
    }

    @Test
    void externalEntitiesNeverLeakFileContent(@TempDir Path dir) throws Exception {
        String marker = "SECRET-MARKER-7f3a";
        Path secret = Files.writeString(dir.resolve("secret.txt"), marker, StandardCharsets.UTF_8);
        Path dtd = Files.writeString(dir.resolve("evil.dtd"),
                "<!ENTITY % file SYSTEM \"" + secret.toUri() + "\"><!ENTITY leak \"%file;\">", StandardCharsets.UTF_8);
        List<String> payloads = List.of(
                "<!DOCTYPE Response [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                                        + "<Response><RequestId>&xxe;</RequestId></Response>",
                "<!DOCTYPE Response [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                                        + "<Response><JobsDetail><JobId>&xxe;</JobId></JobsDetail></Response>",
                "<!DOCTYPE Response SYSTEM \"" + dtd.toUri() + "\"><Response><RequestId>&leak;</RequestId></Response>",
                "<!DOCTYPE Response [<!ENTITY % remote SYSTEM \"" + dtd.toUri() + "\"> %remote;]>"
                                        + "<Response><RequestId>&leak;</RequestId></Response>");

        for (String payload : payloads) {
            try {
                JobPage page = parser.parse(stream(payload));
                assertThat(page.toString() + page.jobs().stream().map(j -> marshal(j)).toList())
                        .doesNotContain(marker);
            } catch (MalformedResponseException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertThat(String.valueOf(t.getMessage())).as("payload %s", payload).doesNotContain(marker);
                }
            }
        }
    }

    @Test
    void doctypeIsRejectedOutright() {
        String xml = "<!DOCTYPE Response [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                     + "<Response><RequestId>&b;</RequestId></Response>";

        assertThatThrownBy(() -> parser.parse(stream(xml)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void leavesTheCallersContextClassLoaderAsItWas() throws Exception {
        ClassLoader mine = new ClassLoader(getClass().getClassLoader()) {
        };
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(mine);
        try {
            parser.parse(stream(text("sample-response.xml")));
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(mine);
            assertThatThrownBy(() -> parser.parse(stream("<Response><JobsDetail><JobId>x</JobsDetail></Response>")))
                    .isInstanceOf(MalformedResponseException.class);
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(mine);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void oneParserServesManyThreads() throws Exception {
        String sample = text("sample-response.xml");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JobPage>> pages = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                pages.add(pool.submit(() -> parser.parse(stream(sample))));
            }
            for (Future<JobPage> page : pages) {
                assertThat(page.get(30, TimeUnit.SECONDS).jobs()).extracting(JobsDetail::getJobId)
                        .containsExactly("b3deffea2f84911ec9cb15254008618d9", "be8f65004eb8511eaaed4f377124a303c");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
