package io.github.tencentci.camel.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static io.github.tencentci.camel.model.XmlFixtures.marshal;
import static io.github.tencentci.camel.model.XmlFixtures.stream;
import static io.github.tencentci.camel.model.XmlFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JobsDetailReader} (through {@link JobPageParser}) against the JAXB read path it replaced
 * ({@link JaxbJobsReference}): for every fixture, a few hundred seeded emulator jobs (with random unknown blocks)
 * and hand-written edge cases, the JAXB marshalling of both results must be the same text, and the object graphs equal field by field.
 */
class JobsDetailReaderDifferentialTest {

    private static final String[] TASK_NAMES = { "Transcode", "Snapshot", "Watermark", "Animation", "Segment" };

    private static CiEmulator emulator;
    private final JobPageParser parser = new JobPageParser();

    @BeforeAll
    static void startEmulator() {
        emulator = CiEmulator.builder().verifySignatures(false).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "sample-response.xml", "full-job.xml", "unknown-elements.xml" })
    void everyFixtureBindsAsWithJaxb(String fixture) throws Exception {
        String xml = text(fixture);
        assertSameAsJaxb(xml.contains("<Response>") ? xml : page(xml, xml));
    }

    @Test
    void seededEmulatorJobsWithRandomUnknownBlocksBindAsWithJaxb() throws Exception {
        Random random = new Random(20261129L);
        List<EmulatedJob> seeded = emulator.jobs().seed(400, 7L);
        List<String> jobs = new ArrayList<>();
        for (EmulatedJob job : seeded) {
            EmulatedJob.Builder builder = job.toBuilder();
            if (random.nextInt(3) == 0) {
                builder.jobParamXml(unknownBlock(random, 0) + unknownBlock(random, 0));
            }
            if (random.nextInt(4) == 0) {
                builder.extraXml(unknownBlock(random, 0));
            }
            jobs.add(builder.build().toXml());
        }
        for (int from = 0; from < jobs.size(); from += 100) {
            assertSameAsJaxb(page(jobs.subList(from, from + 100).toArray(String[]::new)));
        }
    }

    static Stream<String> edgeCases() {
        return Stream.of(
                "<JobsDetail><JobId>a</JobId><JobId>b</JobId><Message/><Name></Name></JobsDetail>",
                "<JobsDetail>text before<JobId>a</JobId>text between<!-- c --><?pi x?><State>S</State></JobsDetail>",
                "<JobsDetail><JobId a='1'> spaced \n</JobId><Name>a<!-- c -->b</Name></JobsDetail>",
                "<JobsDetail><Operation><JobLevel/></Operation><StartTime>-</StartTime><EndTime></EndTime></JobsDetail>",
                "<JobsDetail><Operation><JobLevel> 7 </JobLevel></Operation>"
                + "<CreationTime> 2024-12-31T12:00:00+08:00 </CreationTime></JobsDetail>",
                "<JobsDetail><Future  b='2' a='1'>  lead <X>1</X>  mid  <Y/>\n  <Z>  </Z>\n</Future></JobsDetail>",
                "<JobsDetail><Future><![CDATA[<raw>]]> &amp; more</Future><Empty/></JobsDetail>",
                "<JobsDetail xmlns:f='urn:f'><f:JobId>ns</f:JobId><f:Block f:attr='v'><f:In>x</f:In></f:Block>"
                + "</JobsDetail>",
                "<JobsDetail><Block xmlns='urn:d'><In>x</In></Block><Block2 xmlns:g='urn:g' g:a='1'><g:In/></Block2>"
                + "</JobsDetail>",
                "<JobsDetail><Operation><Output><StreamExtract/><StreamExtract><Index>1</Index></StreamExtract>"
                + "<Region>r</Region></Output><JobParam><WatermarkTemplateId/><X/><WatermarkTemplateId>w"
                + "</WatermarkTemplateId></JobParam></Operation><Input/></JobsDetail>",
                "<JobsDetail><Input><Prefix>p</Prefix></Input><Input><Object>o</Object></Input></JobsDetail>");
    }

    @ParameterizedTest
    @MethodSource("edgeCases")
    void edgeCasesBindAsWithJaxb(String job) throws Exception {
        assertSameAsJaxb(page(job));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<Response xmlns:r='urn:r'><JobsDetail><r:Future>x</r:Future><Plain>y</Plain></JobsDetail></Response>",
            "<Response xmlns:r='urn:r' xmlns:s='urn:s' xmlns:t='urn:t'><JobsDetail><Plain><r:In s:a='1'/></Plain>"
            + "<t:Own/><t:Own/></JobsDetail></Response>",
            "<Response xmlns='urn:d'><JobsDetail><Plain><In/></Plain></JobsDetail></Response>",
            "<Response xmlns='urn:d'><JobsDetail xmlns=''><Plain xmlns='urn:e'><In xmlns=''/></Plain></JobsDetail>"
            + "</Response>",
            "<Response xmlns:r='urn:r'><JobsDetail xmlns:r='urn:r2'><r:X/><Y xmlns:r='urn:r3'/></JobsDetail></Response>",
            "<Response xmlns:q='urn:q'><JobsDetail xmlns:f='urn:f' xmlns='urn:d0'><f:JobId>ns</f:JobId>"
            + "<Plain xmlns=''><f:In a='1'>x</f:In></Plain><Block xmlns:g='urn:g'><g:In/></Block></JobsDetail></Response>",
            "<Response><JobsDetail><Operation xmlns:o='urn:o'><JobParam><o:Task><o:Knob/></o:Task></JobParam>"
            + "</Operation><o:After xmlns:o='urn:o2'/></JobsDetail></Response>" })
    void namespacedPagesBindAsWithJaxb(String page) throws Exception {
        assertSameAsJaxb(page);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<JobsDetail><CreationTime>27/06/2022</CreationTime></JobsDetail>",
            "<JobsDetail><Operation><TimeInterval><End>2024-02-30T00:00:00+0800</End></TimeInterval></Operation>"
            + "</JobsDetail>",
            "<JobsDetail><Operation><JobLevel>high</JobLevel></Operation></JobsDetail>",
            "<JobsDetail><JobId>a<b/>c</JobId></JobsDetail>",
            "<JobsDetail><StartTime><x/></StartTime></JobsDetail>" })
    void whatJaxbRejectsIsKeptInsteadOfFailingThePage(String job) throws Exception {
        String page = page("<JobsDetail><JobId>fine</JobId></JobsDetail>", job);

        assertThatThrownBy(() -> JaxbJobsReference.jobs(page)).isInstanceOf(IllegalStateException.class);
        List<JobsDetail> jobs = parser.parse(stream(page)).jobs();
        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).getJobId()).isEqualTo("fine");
        String leaf = job.replaceAll("^<JobsDetail>(<Operation>)?(<TimeInterval>)?", "")
                .replaceAll("(</TimeInterval>)?(</Operation>)?</JobsDetail>$", "");
        assertThat(marshal(jobs.get(1))).contains(leaf);
    }

    private void assertSameAsJaxb(String page) throws Exception {
        List<JobsDetail> expected = JaxbJobsReference.jobs(page);
        List<JobsDetail> actual = parser.parse(stream(page)).jobs();

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(marshal(actual.get(i))).as("job #%d of %s", i + 1, page).isEqualTo(marshal(expected.get(i)));
            // and the objects themselves, kept DOM elements compared node by node (attributes, xmlns included)
            assertThat(actual.get(i)).as("job #%d of %s", i + 1, page).usingRecursiveComparison()
                    .withEqualsForType(Node::isEqualNode, Element.class)
                    .isEqualTo(expected.get(i));
        }
    }

    /** A media-task-like block the model does not map: nested elements, attributes, text, sometimes CDATA. */
    private static String unknownBlock(Random random, int depth) {
        String name = TASK_NAMES[random.nextInt(TASK_NAMES.length)] + (depth == 0 ? "" : depth);
        StringBuilder xml = new StringBuilder("<").append(name);
        if (random.nextBoolean()) {
            xml.append(" Mode=\"m").append(random.nextInt(9)).append('"');
        }
        xml.append('>');
        int children = depth < 3 ? random.nextInt(4) : 0;
        if (children == 0) {
            xml.append(random.nextBoolean() ? "v" + random.nextInt(1000) : "<![CDATA[a<b>&c]]>");
        }
        for (int i = 0; i < children; i++) {
            xml.append(random.nextBoolean() ? "\n  " : "").append(unknownBlock(random, depth + 1));
        }
        return xml.append(children > 0 && random.nextBoolean() ? "\n" : "").append("</").append(name).append('>')
                .toString();
    }

    private static String page(String... jobs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><RequestId>r</RequestId>\n"
               + String.join("\n", jobs) + "\n<NextToken>n</NextToken></Response>";
    }
}
