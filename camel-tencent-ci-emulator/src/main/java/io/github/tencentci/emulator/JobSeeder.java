package io.github.tencentci.emulator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes plausible jobs from a seed: ids shaped like CI's ({@code b} + 32 hex), workflow jobs with an input prefix and
 * time interval, standalone jobs with queue, template, callback and output, a spread of states with matching
 * Start/End times and failure codes. Created over the last 30 days; only jobs of the last day may still be open
 * (Submitted, Running, Pause), as in a real bucket whose jobs take hours, not weeks. Times are in {@code +0800}, as the real service answers.
 */
final class JobSeeder {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final String[] STATES = {"Submitted", "Running", "Success", "Failed", "Pause", "Cancel"};
    private static final String[] FINAL_STATES = {"Success", "Failed", "Cancel"};
    /** Older jobs have ended, as in a real bucket: an open job is at most this old. */
    private static final int OPEN_AT_MOST_SECONDS = 24 * 3600;
    private static final String[] NAMES = {"demo", "transcode-720p", "nightly snapshot", "audio split", "hls package",
        "watermark & publish", "thumbnails"};
    // Codes from CI's documented error-code table; the messages are the emulator's.
    private static final String[][] FAILURES = {
        {"ResourceNotFound", "the input object does not exist"},
        {"InvalidArgument", "the template id is invalid"},
        {"ResourceAccessDenied", "CI may not write to the output bucket"},
        {"InternalError", "internal error, please retry"},
    };
    private static final String[] REGIONS = {"ap-chongqing", "ap-guangzhou", "ap-beijing", "ap-shanghai"};

    private final Random random;
    private final Clock clock;
    private final String[] workflows;
    private final String[] queues;

    JobSeeder(long seed, Clock clock) {
        this.random = new Random(seed);
        this.clock = clock;
        this.workflows = new String[] {id("w"), id("w"), id("w")};
        this.queues = new String[] {id("p"), id("p")};
    }

    List<EmulatedJob> jobs(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        OffsetDateTime now = now();
        List<EmulatedJob> jobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int age = random.nextInt(30 * 24 * 3600);
            String[] states = age > OPEN_AT_MOST_SECONDS ? FINAL_STATES : STATES;
            jobs.add(job(now.minusSeconds(age), states[random.nextInt(states.length)]));
        }
        return jobs;
    }

    /** A job submitted just now, as live mode adds them. */
    EmulatedJob submittedNow() {
        return job(now(), "Submitted");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(CHINA).withNano(0);
    }

    private EmulatedJob job(OffsetDateTime created, String state) {
        boolean workflow = random.nextBoolean();
        EmulatedJob.Builder b = EmulatedJob.builder()
                .jobId(id("b"))
                .type(workflow ? EmulatedJob.TYPE_WORKFLOW : EmulatedJob.TYPE_JOB)
                .name(NAMES[random.nextInt(NAMES.length)])
                .state(state)
                .creationTime(created)
                .inputPrefix("input/" + (1 + random.nextInt(9)) + "/")
                .timeInterval(created.minusDays(30).withHour(12).withMinute(0).withSecond(0),
                        created.plusDays(60).withHour(12).withMinute(0).withSecond(0), null);
        if (workflow) {
            b.workflowIds(workflows[random.nextInt(workflows.length)]);
        } else {
            String region = REGIONS[random.nextInt(REGIONS.length)];
            b.operationQueueId(queues[random.nextInt(queues.length)])
                    .userData("seeded job")
                    .callBack("https://www.callback.com")
                    .templateId(id("t1"))
                    .outputRegion(region)
                    .outputBucket("test-1234567890")
                    .outputObject("output/${InventoryTriggerJobId}/out.mp4")
                    .jobLevel(random.nextInt(3));
        }
        OffsetDateTime started = created.plusSeconds(1 + random.nextInt(60));
        OffsetDateTime ended = started.plusSeconds(10 + random.nextInt(600));
        switch (state) {
            // the product page's two Running jobs: not started yet; started, with an EndTime already
            case "Running" -> {
                if (random.nextBoolean()) {
                    b.startTime(started).endTime(random.nextBoolean() ? ended : null).progress(random.nextInt(100));
                }
            }
            case "Success" -> b.startTime(started).endTime(ended).progress(100);
            case "Failed" -> {
                String[] failure = FAILURES[random.nextInt(FAILURES.length)];
                b.startTime(started).endTime(ended).code(failure[0]).message(failure[1]);
            }
            case "Cancel" -> b.endTime(started);
            default -> { } // Submitted, Pause: not started yet
        }
        return b.build();
    }

    private String id(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 32; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}
