package io.github.tencentci.emulator;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.tencentci.emulator.CiClient.SECRET_ID;
import static io.github.tencentci.emulator.CiClient.SECRET_KEY;
import static io.github.tencentci.emulator.CiClient.element;
import static io.github.tencentci.emulator.CiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /inventorytriggerjob: every parameter, its 400s, pagination, routing and headers. */
class ListingTest {

    private static final ZoneOffset CN = ZoneOffset.ofHours(8);
    private static final Pattern JOB_ID = Pattern.compile("<JobId>([^<]*)</JobId>");

    private CiEmulator emulator;
    private CiClient client;

    @BeforeEach
    void start() {
        emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).start();
        client = new CiClient(emulator);
        // j1..j6: one per state, alternating type, an hour apart
        String[] states = {"Submitted", "Running", "Success", "Failed", "Pause", "Cancel"};
        for (int i = 1; i <= 6; i++) {
            emulator.jobs().add(EmulatedJob.builder().jobId("j" + i).name(i % 2 == 0 ? "even" : "odd job")
                    .type(i % 2 == 0 ? EmulatedJob.TYPE_WORKFLOW : EmulatedJob.TYPE_JOB)
                    .workflowIds(i % 2 == 0 ? "wA" : null).state(states[i - 1])
                    .creationTime(OffsetDateTime.of(2022, 6, 27, 10 + i, 0, 0, 0, CN)).build());
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void defaultsToTenNewestFirstWithEmptyNextToken() {
        HttpResponse<String> response = client.list(Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jobIds(response)).containsExactly("j6", "j5", "j4", "j3", "j2", "j1");
        assertThat(response.body()).startsWith("<Response>\n<RequestId>").endsWith("<NextToken></NextToken>\n</Response>\n");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/xml");
        assertThat(response.headers().firstValue("x-ci-request-id")).contains(element(response.body(), "RequestId"));
        assertThat(response.headers().firstValue("Date")).isPresent();
        assertThat(response.headers().firstValue("x-ci-trace-id")).isEmpty();
    }

    @Test
    void withoutASizeAPageHoldsTenJobs() {
        // j7..j12 on top of the six: twelve in all, so the default page is full and a second one follows
        for (int i = 7; i <= 12; i++) {
            emulator.jobs().add(EmulatedJob.builder().jobId("j" + i).state("Running")
                    .creationTime(OffsetDateTime.of(2022, 6, 27, 10 + i, 0, 0, 0, CN)).build());
        }

        HttpResponse<String> first = client.list(Map.of());
        HttpResponse<String> second = client.list(params("nextToken", element(first.body(), "NextToken")));

        assertThat(jobIds(first)).containsExactly("j12", "j11", "j10", "j9", "j8", "j7", "j6", "j5", "j4", "j3");
        assertThat(element(first.body(), "NextToken")).isNotEmpty();
        assertThat(jobIds(second)).containsExactly("j2", "j1");
        assertThat(element(second.body(), "NextToken")).isEmpty();
    }

    @Test
    void ordersAscendingAndBreaksTimeTiesByJobId() {
        emulator.jobs().add(EmulatedJob.builder().jobId("j0").creationTime(OffsetDateTime.of(2022, 6, 27, 11, 0, 0, 0, CN)).build());

        assertThat(jobIds(client.list(params("orderByTime", "Asc")))).containsExactly("j0", "j1", "j2", "j3", "j4", "j5", "j6");
        assertThat(jobIds(client.list(params("orderByTime", "Desc")))).containsExactly("j6", "j5", "j4", "j3", "j2", "j1", "j0");
    }

    @Test
    void filtersByStatesTypeWorkflowJobIdAndName() {
        assertThat(jobIds(client.list(params("states", "Running,Failed")))).containsExactly("j4", "j2");
        assertThat(jobIds(client.list(params("states", "All")))).hasSize(6);
        assertThat(jobIds(client.list(params("type", "Workflow")))).containsExactly("j6", "j4", "j2");
        assertThat(jobIds(client.list(params("type", "Job")))).containsExactly("j5", "j3", "j1");
        assertThat(jobIds(client.list(params("workflowId", "wA")))).containsExactly("j6", "j4", "j2");
        assertThat(jobIds(client.list(params("jobId", "j3")))).containsExactly("j3");
        assertThat(jobIds(client.list(params("name", "odd job")))).containsExactly("j5", "j3", "j1");
        assertThat(jobIds(client.list(params("name", "odd job", "states", "Success")))).containsExactly("j3");
    }

    @Test
    void creationTimeBoundsAreInclusiveAndOffsetAware() {
        // j2 was created at 12:00+0800 = 04:00Z, j4 at 14:00+0800
        assertThat(jobIds(client.list(params("startCreationTime", "2022-06-27T04:00:00+0000",
                "endCreationTime", "2022-06-27T14:00:00+0800")))).containsExactly("j4", "j3", "j2");
    }

    @Test
    void emptyValuesCountAsAbsent() {
        assertThat(jobIds(client.list(params("size", "", "states", "", "startCreationTime", "", "endCreationTime", ""))))
                .hasSize(6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "size|0|size '0'", "size|101|size '101'", "size|ten|size 'ten'", "size|2.5|size '2.5'",
        "states|Running,Done|unknown state 'Done'", "states|running|unknown state 'running'",
        "type|Task|type 'Task'", "orderByTime|asc|orderByTime 'asc'",
        "startCreationTime|2022-06-27|startCreationTime '2022-06-27'",
        "endCreationTime|2022-06-27T12:00:00 0800|endCreationTime '2022-06-27T12:00:00 0800'",
        "nextToken|abc|nextToken 'abc'", "nextToken|-1|nextToken '-1'", "nextToken|7|nextToken '7'",
        "nextToken|MjAyMi0wNi0yN1QwNDowMDowMFogajI.forgedMacForged0|not a token this listing issued"})
    void refusesInvalidValues(String name, String value, String messagePart) {
        HttpResponse<String> response = client.list(params(name, value));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(element(response.body(), "Code")).isEqualTo("InvalidArgument");
        assertThat(element(response.body(), "Message")).contains(messagePart);
        assertThat(response.headers().firstValue("x-ci-trace-id")).contains(element(response.body(), "TraceId"));
    }

    @Test
    void anUnencodedPlusInATimeIsRefusedWithAHint() {
        String authorization = client.sdkAuthorization(params("startCreationTime", "2022-06-27T12:00:00 0800"),
                SECRET_ID, SECRET_KEY, 600, true);

        HttpResponse<String> response = client.send("GET", "/inventorytriggerjob?startCreationTime=2022-06-27T12:00:00+0800",
                authorization);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(element(response.body(), "Message")).contains("%2B");
    }

    @Test
    void walksPagesWithNextTokenToAnEmptyLastToken() {
        List<String> seen = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String token = null;
        do {
            HttpResponse<String> page = client.list(token == null ? params("size", "4") : params("size", "4", "nextToken", token));
            assertThat(page.statusCode()).isEqualTo(200);
            seen.addAll(jobIds(page));
            token = element(page.body(), "NextToken");
            tokens.add(token);
        } while (!token.isEmpty());

        assertThat(tokens).hasSize(2).last().isEqualTo("");
        assertThat(tokens.get(0)).isNotEmpty().isNotEqualTo("4"); // opaque, not the offset (its MAC may hold any digit)
        assertThat(seen).containsExactly("j6", "j5", "j4", "j3", "j2", "j1");
    }

    @Test
    void aPageEndingExactlyAtTheLastJobHasAnEmptyToken() {
        HttpResponse<String> first = client.list(params("size", "3"));
        HttpResponse<String> last = client.list(params("size", "3", "nextToken", element(first.body(), "NextToken")));

        assertThat(element(first.body(), "NextToken")).isNotEmpty();
        assertThat(jobIds(last)).containsExactly("j3", "j2", "j1");
        assertThat(element(last.body(), "NextToken")).isEmpty();
    }

    @Test
    void theTokenIsACursorSoAJobLeavingTheFilterShiftsNoOtherJob() {
        // Running,Failed,Success, newest first: j4 j3 j2; a page of 1, then j4 leaves the filter (Cancel)
        Map<String, String> filter = params("size", "1", "states", "Running,Failed,Success");
        HttpResponse<String> first = client.list(filter);
        emulator.jobs().setState("j4", "Cancel");
        List<String> rest = new ArrayList<>();
        String token = element(first.body(), "NextToken");
        while (!token.isEmpty()) {
            Map<String, String> next = new java.util.LinkedHashMap<>(filter);
            next.put("nextToken", token);
            HttpResponse<String> page = client.list(next);
            rest.addAll(jobIds(page));
            token = element(page.body(), "NextToken");
        }

        // an offset of 1 into the changed listing (j3 j2) would have skipped j3
        assertThat(jobIds(first)).containsExactly("j4");
        assertThat(rest).containsExactly("j3", "j2");
    }

    @Test
    void aNewerJobAddedDuringAWalkDoesNotRepeatOne() {
        HttpResponse<String> first = client.list(params("size", "3"));
        emulator.jobs().add(EmulatedJob.builder().jobId("j7").creationTime(OffsetDateTime.of(2022, 6, 27, 23, 0, 0, 0, CN)).build());

        HttpResponse<String> second = client.list(params("size", "3", "nextToken", element(first.body(), "NextToken")));

        assertThat(jobIds(first)).containsExactly("j6", "j5", "j4");
        assertThat(jobIds(second)).containsExactly("j3", "j2", "j1");
    }

    @Test
    void unknownPathsAndOtherMethodsAreCiErrors() {
        String authorization = client.sdkAuthorization(Map.of(), SECRET_ID, SECRET_KEY, 600, true);

        HttpResponse<String> notFound = client.get("/inventorytriggerjobs", Map.of(), authorization);
        HttpResponse<String> delete = client.send("DELETE", "/inventorytriggerjob", authorization); // POST triggers

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(element(notFound.body(), "Code")).isEqualTo("InvalidUrl");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(element(delete.body(), "Code")).isEqualTo("MethodNotAllowed");
        assertThat(delete.headers().firstValue("x-ci-request-id")).isPresent();
    }

    @Test
    void jobTimesComeFromTheEmulatorClock() {
        Clock fixed = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);
        try (CiEmulator clocked = CiEmulator.builder().verifySignatures(false).clock(fixed).start()) {
            clocked.jobs().add(EmulatedJob.builder().jobId("x").creationTime(OffsetDateTime.now(fixed).withOffsetSameInstant(CN)).build());
            clocked.jobs().setState("x", "Success");

            String body = new CiClient(clocked).get("/inventorytriggerjob", Map.of(), null).body();

            assertThat(element(body, "StartTime")).isEqualTo("2030-01-02T11:04:05+0800");
            assertThat(element(body, "EndTime")).isEqualTo("2030-01-02T11:04:05+0800");
        }
    }

    static List<String> jobIds(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = JOB_ID.matcher(response.body());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
