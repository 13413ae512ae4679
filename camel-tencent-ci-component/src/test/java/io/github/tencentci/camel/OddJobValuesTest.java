package io.github.tencentci.camel;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.resilience.LogCapture;
import io.github.tencentci.emulator.EmulatedJob;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One job with values the model cannot read, among many, over real HTTP: it must never stop the feed (a page that
 * failed for it would fail again at every poll, and every job behind it would never arrive).
 */
class OddJobValuesTest extends EmulatorTestSupport {

    /** Written after the emulator's own elements, so they replace its well-formed values (the last one wins). */
    private static final String ODD_VALUES = """
            <CreationTime>2024/12/31 12:15</CreationTime>
            <StartTime>2024-12-31 12:16:00</StartTime>
            <EndTime>soon</EndTime>
            <Operation><TimeInterval><Start>2022-02-25T12:00:00 z</Start><End>2022-02-30T12:00:00+0800</End>\
            </TimeInterval><JobLevel>high</JobLevel></Operation>""";

    @Test
    void everyJobArrivesInOrderAndTheOddOneKeepsItsText() throws Exception {
        for (int i = 0; i < 25; i++) {
            String id = String.format("j%05d", i);
            EmulatedJob.Builder job = job(id, "Failed", i).toBuilder();
            emulator.jobs().add((i == 12 ? job.extraXml(ODD_VALUES) : job).build());
        }
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedMessageCount(25);

        try (LogCapture log = LogCapture.of(Level.WARN, "io.github.tencentci")) {
            startRoute(jobsUri("size=10&orderByTime=Asc"));
            mock.assertIsSatisfied(Duration.ofSeconds(10).toMillis());

            // one warning per odd field, each naming the job, the field and the text
            assertThat(log.linesContaining("cannot be read")).hasSize(6).allSatisfy(
                    line -> assertThat(line).startsWith("WARN ").contains("CI job j00012: field "));
            assertThat(log.all()).contains("field CreationTime '2024/12/31 12:15'", "field StartTime '2024-12-31 12:16:00'",
                    "field EndTime 'soon'", "field Operation/TimeInterval/Start '2022-02-25T12:00:00 z'",
                    "field Operation/TimeInterval/End '2022-02-30T12:00:00+0800'", "field Operation/JobLevel 'high'");
        }

        List<Exchange> received = mock.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader(TencentCiConstants.JOB_ID))
                .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> String.format("j%05d", i)).toList());
        Exchange odd = received.get(12);
        JobsDetail job = odd.getMessage().getBody(JobsDetail.class);
        assertThat(job.getCreationTime()).isNull();
        assertThat(job.getStartTime()).isNull();
        assertThat(job.getEndTime()).isNull();
        assertThat(job.getOperation().getTimeInterval().getStart()).isNull();
        assertThat(job.getOperation().getJobLevel()).isNull();
        // an unreadable CreationTime: the header is null rather than a guess, the job is still keyed by JobId and State
        assertThat(odd.getMessage().getHeader(TencentCiConstants.CREATION_TIME)).isNull();
        assertThat(odd.getMessage().getHeader(TencentCiConstants.JOB_STATE)).isEqualTo("Failed");
        String xml = odd.getMessage().getBody(String.class);
        assertThat(xml).contains("<CreationTime>2024/12/31 12:15</CreationTime>", "<StartTime>2024-12-31 12:16:00</StartTime>",
                "<EndTime>soon</EndTime>", "<Start>2022-02-25T12:00:00 z</Start>", "<End>2022-02-30T12:00:00+0800</End>",
                "<JobLevel>high</JobLevel>");
        // its neighbours are untouched
        assertThat(received.get(11).getMessage().getHeader(TencentCiConstants.CREATION_TIME)).isEqualTo(T0.plusMinutes(11));
        assertThat(received.get(13).getMessage().getHeader(TencentCiConstants.CREATION_TIME)).isEqualTo(T0.plusMinutes(13));
    }

    @Test
    void incrementalPollingStillSeesAJobWithAnUnreadableCreationTime() throws Exception {
        // the window is computed from the consumer's clock and applied by the service to its own creation times, so
        // what the job's text says does not matter to it
        emulator.jobs().add(EmulatedJob.builder().jobId("odd").type("Job").state("Failed")
                .creationTime(java.time.OffsetDateTime.now().minusMinutes(5))
                .extraXml("<CreationTime>not a time</CreationTime>").build());
        MockEndpoint mock = getMockEndpoint("mock:jobs");
        mock.expectedHeaderReceived(TencentCiConstants.JOB_ID, "odd");

        startRoute(jobsUri("lookBack=1h"));

        mock.assertIsSatisfied(Duration.ofSeconds(10).toMillis());
        // the window leg, after the open jobs
        assertThat(emulator.requests().all()).anySatisfy(r -> assertThat(r.params()).containsKey("startCreationTime"));
    }
}
