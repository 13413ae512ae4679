package io.github.tencentci.benchmarks;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import io.github.tencentci.emulator.EmulatedJob;

/**
 * The listing every contender reads: where it is, the key pair it accepts and how many jobs it serves.
 *
 * @param baseUrl   {@code http://127.0.0.1:PORT} of an emulator
 * @param secretId  the SecretId the emulator accepts
 * @param secretKey the SecretKey the emulator accepts
 * @param jobs      how many jobs the unfiltered listing holds
 * @param pageSize  jobs per page every contender asks for
 */
public record ListingService(String baseUrl, String secretId, String secretKey, int jobs, int pageSize) {

    /** The bucket named in SDK requests; the emulator ignores it, the SDK needs one. */
    static final String BUCKET = "examplebucket-1250000000";
    static final String PATH = "/inventorytriggerjob";

    /**
     * Jobs in the order the service lists them without parameters (and the emulator with it): newest first, ties by
     * JobId. The seeder makes them in random order of age; served that way, neighbouring jobs of a page would lie up
     * to 30 days apart, unlike any real listing, where a page spans minutes to hours.
     */
    static List<EmulatedJob> inListingOrder(List<EmulatedJob> jobs) {
        return jobs.stream().sorted(Comparator.comparing((EmulatedJob job) -> job.creationTime().toInstant())
                .thenComparing(EmulatedJob::jobId).reversed()).toList();
    }

    /** @return {@code 127.0.0.1:PORT}, the Host every contender signs */
    public String hostAndPort() {
        return URI.create(baseUrl).getRawAuthority();
    }

    @Override
    public String toString() {
        return "ListingService[" + baseUrl + ", " + jobs + " jobs, " + pageSize + " per page]"; // never the key
    }
}
