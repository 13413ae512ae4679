package io.github.tencentci.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.tencentci.emulator.CiEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-rendered listing serves what the emulator serves for the same seeded jobs, in the same order (newest
 * first), so that a benchmark against it reads pages shaped like the service's.
 */
class PreRenderedListingTest {

    private static final Pattern JOB_ID = Pattern.compile("<JobId>([^<]+)</JobId>");
    private static final Pattern CREATION_TIME = Pattern.compile("<CreationTime>([^<]+)</CreationTime>");

    @Test
    void pagesListTheSeededJobsInTheEmulatorsOrder() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String prerendered;
        try (PreRenderedListing listing = PreRenderedListing.start(300, 100, 0)) {
            prerendered = http.send(HttpRequest.newBuilder(URI.create(listing.baseUrl() + "/inventorytriggerjob?size=100"))
                    .header("Authorization", "q-sign-algorithm=sha1&q-ak=AKIDbenchmark").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        String emulated;
        try (CiEmulator emulator = CiEmulator.builder().verifySignatures(false).start()) {
            emulator.jobs().seed(300, 42L);
            emulated = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/inventorytriggerjob?size=100"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        List<String> ids = all(JOB_ID, prerendered);
        assertThat(ids).hasSize(100).containsExactlyElementsOf(all(JOB_ID, emulated));
        // newest first: a page spans a stretch of time, not random days of the seeded month
        List<String> times = all(CREATION_TIME, prerendered);
        assertThat(times).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(b.replaceFirst("(\\d\\d)(\\d\\d)$", "$1:$2"))
                .compareTo(java.time.OffsetDateTime.parse(a.replaceFirst("(\\d\\d)(\\d\\d)$", "$1:$2"))));
    }

    private static List<String> all(Pattern pattern, String xml) {
        Matcher m = pattern.matcher(xml);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
