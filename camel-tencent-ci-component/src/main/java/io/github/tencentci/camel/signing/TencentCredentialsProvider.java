package io.github.tencentci.camel.signing;

/**
 * Supplies the credentials for the next request. The consumer asks before every request, so an implementation can
 * rotate temporary (STS) credentials while routes run; it should cache and refresh ahead of expiry rather than call a
 * token service every time.
 */
@FunctionalInterface
public interface TencentCredentialsProvider {

    /**
     * @return the credentials to sign the next request with, never {@code null}
     */
    TencentCredentials getCredentials();
}
