package io.github.tencentci.camel;

import java.time.OffsetDateTime;
import java.util.List;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.EmulatedJob;
import io.github.tencentci.emulator.RecordedRequest;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.builder.RouteBuilder;

/**
 * Starts a fresh emulator before the Camel context of each test, over real HTTP on loopback.
 */
public abstract class EmulatorTestSupport extends CamelTestSupport {

    protected static final String SECRET_ID = TestFixtures.SECRET_ID;
    protected static final String SECRET_KEY = TestFixtures.SECRET_KEY;
    protected static final OffsetDateTime T0 = TestFixtures.T0;

    protected CiEmulator emulator;
    /** Takes the emulator's requests for {@link #takeRequest()} and {@link #awaitFurtherRequests(int)}. */
    protected RequestTaker requests;

    @Override
    protected void doPreSetup() throws Exception {
        emulator = CiEmulator.builder().strictSigning(true).port(0).credentials(SECRET_ID, SECRET_KEY).start();
    }

    /** The emulator's requests are taken through {@link #requests}, made for whichever emulator the test started. */
    @Override
    protected void doPostSetup() throws Exception {
        requests = new RequestTaker(emulator);
    }

    /** The next request not taken yet, waiting for it ({@link RequestTaker#take()}). */
    protected RecordedRequest takeRequest() {
        return requests.take();
    }

    /** The next {@code count} requests, oldest first, waiting for each. */
    protected List<RecordedRequest> takeRequests(int count) {
        return requests.take(count);
    }

    /**
     * Waits until {@code count} more requests arrived after those received so far, e.g. to let several more polls
     * run before asserting that they added nothing; returns them.
     */
    protected List<RecordedRequest> awaitFurtherRequests(int count) {
        return requests.awaitFurther(count);
    }

    @Override
    protected void doPostTearDown() {
        // after the context stopped, so no poll meets a closed emulator
        if (emulator != null) {
            emulator.close();
        }
    }

    /**
     * Starts a route from {@code uri} into {@code mock:jobs} whose errors, poll failures included when the URI sets
     * {@code bridgeErrorHandler=true}, go to {@code mock:errors}.
     */
    protected void startBridgedRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).to("mock:errors");
                from(uri).routeId("jobs").to("mock:jobs");
            }
        });
    }

    /** Starts a route from {@code uri} into {@code mock:jobs}. */
    protected void startRoute(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("jobs").to("mock:jobs");
            }
        });
    }

    /** A consumer URI against the emulator, polling every 50 ms unless the options say otherwise. */
    protected String jobsUri(String options) {
        String uri = "tencent-ci:jobs?endpoint=" + emulator.baseUrl() + "&secretId=" + SECRET_ID + "&secretKey=RAW(" + SECRET_KEY
                     + ")&initialDelay=0" + (options.isEmpty() ? "" : "&" + options);
        return options.contains("delay=") ? uri : uri + "&delay=50";
    }

    protected static EmulatedJob job(String jobId, String state, int minutesAfterT0) {
        return EmulatedJob.builder()
                .jobId(jobId)
                .name("job-" + jobId)
                .type("Job")
                .state(state)
                .creationTime(T0.plusMinutes(minutesAfterT0))
                .build();
    }

    protected void addJobs(int count, String state) {
        for (int i = 0; i < count; i++) {
            emulator.jobs().add(job(String.format("j%05d", i), state, i));
        }
    }
}
