package io.github.tencentci.benchmarks;

import java.net.URI;

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

    /** @return {@code 127.0.0.1:PORT}, the Host every contender signs */
    public String hostAndPort() {
        return URI.create(baseUrl).getRawAuthority();
    }

    @Override
    public String toString() {
        return "ListingService[" + baseUrl + ", " + jobs + " jobs, " + pageSize + " per page]"; // never the key
    }
}
