package io.github.tencentci.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.stax.WstxInputFactory;
import io.github.tencentci.camel.parsing.JobPage;
import io.github.tencentci.camel.parsing.JobPageParser;
import io.github.tencentci.camel.parsing.MalformedResponseException;
import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing one page of 100 jobs as the emulator renders them (seed 42), from bytes in memory: the component's parser
 * (StAX and the hand-written binder, into the model) against a bare StAX walk that only counts the jobs (the raw limit's parser),
 * on the JDK's parser (the raw limit) and on Woodstox (the component's parser).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PageParserBenchmark {

    static final int JOBS_PER_PAGE = 100;

    private final JobPageParser parser = new JobPageParser();
    private final XMLInputFactory stax = XMLInputFactory.newDefaultFactory();
    private final XMLInputFactory woodstox = new WstxInputFactory();
    private byte[] page;

    /** The bytes of a full page, as the emulator would send them. */
    static byte[] page(int jobs) {
        try (CiEmulator emulator = CiEmulator.builder().verifySignatures(false).start()) {
            StringBuilder xml = new StringBuilder("<Response>\n<RequestId>bench</RequestId>\n");
            emulator.jobs().seed(jobs, 42L);
            for (EmulatedJob job : emulator.jobs().all()) { // newest first, in listing order
                xml.append(job.toXml());
            }
            return xml.append("<NextToken>").append(jobs).append("</NextToken>\n</Response>\n").toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Setup
    public void render() {
        page = page(JOBS_PER_PAGE);
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        woodstox.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    @Benchmark
    public JobPage componentParser() throws MalformedResponseException {
        return parser.parse(new ByteArrayInputStream(page));
    }

    @Benchmark
    public int staxWalk() throws XMLStreamException {
        return walk(stax);
    }

    @Benchmark
    public int staxWalkWoodstox() throws XMLStreamException {
        return walk(woodstox);
    }

    private int walk(XMLInputFactory factory) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(page));
        int jobs = 0;
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && "JobsDetail".equals(reader.getLocalName())) {
                jobs++;
            }
        }
        reader.close();
        return jobs;
    }
}
