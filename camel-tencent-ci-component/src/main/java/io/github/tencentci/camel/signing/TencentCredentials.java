package io.github.tencentci.camel.signing;

import java.util.Objects;

/**
 * A Tencent Cloud key pair, optionally with an STS session token. {@link #toString()} never shows the secret key
 * or the token, so a credentials object can be logged or put in an exception message safely.
 */
public final class TencentCredentials {

    private final String secretId;
    private final String secretKey;
    private final String sessionToken;

    /**
     * Permanent credentials.
     *
     * @throws IllegalArgumentException naming the field (never showing its value) if one is blank or has outer
     *                                  white space
     */
    public TencentCredentials(String secretId, String secretKey) {
        this(secretId, secretKey, null);
    }

    /**
     * Temporary (STS) credentials, or permanent ones if {@code sessionToken} is {@code null} or empty.
     *
     * @throws IllegalArgumentException naming the field (never showing its value) if one is blank or has outer
     *                                  white space
     */
    public TencentCredentials(String secretId, String secretKey, String sessionToken) {
        this.secretId = requireText(secretId, "secretId");
        this.secretKey = requireText(secretKey, "secretKey");
        this.sessionToken = sessionToken == null || sessionToken.isEmpty() ? null : requireText(sessionToken, "sessionToken");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        // a key read from a file or pasted often ends in a newline: it would sign, and every request would get a 403
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(name + " must not start or end with white space");
        }
        return value;
    }

    /** The key id, sent in clear as {@code q-ak}. */
    public String getSecretId() {
        return secretId;
    }

    /** The secret key; only the signer should read it. */
    public String getSecretKey() {
        return secretKey;
    }

    /** The STS token, or {@code null} for permanent credentials. */
    public String getSessionToken() {
        return sessionToken;
    }

    /** Whether these are STS credentials, whose token must travel in {@code x-ci-security-token}. */
    public boolean isTemporary() {
        return sessionToken != null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TencentCredentials other)) {
            return false;
        }
        return secretId.equals(other.secretId) && secretKey.equals(other.secretKey)
                && Objects.equals(sessionToken, other.sessionToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretId, secretKey, sessionToken);
    }

    @Override
    public String toString() {
        return "TencentCredentials[secretId=" + secretId + ", secretKey=******"
               + (sessionToken != null ? ", sessionToken=******" : "") + "]";
    }
}
