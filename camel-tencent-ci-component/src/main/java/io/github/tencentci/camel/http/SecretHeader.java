package io.github.tencentci.camel.http;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A request header whose value is a secret or a credential derived from one (the session token, the Authorization
 * signature). It goes on the wire as any header, but {@link #toString()}, which HttpClient and most diagnostics use
 * to print headers, masks the value.
 */
public final class SecretHeader extends BasicHeader {

    /** The header that carries the session token of temporary (STS) credentials. */
    public static final String SECURITY_TOKEN = "x-ci-security-token";

    private static final long serialVersionUID = 1L;

    public SecretHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": ******";
    }
}
