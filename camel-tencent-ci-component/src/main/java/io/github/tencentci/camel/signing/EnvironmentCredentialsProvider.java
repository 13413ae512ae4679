package io.github.tencentci.camel.signing;

import java.util.Map;
import java.util.function.Function;

/**
 * Reads credentials from the environment variables that Tencent Cloud's own tools use: {@value #ENV_SECRET_ID},
 * {@value #ENV_SECRET_KEY} and, for temporary credentials, {@value #ENV_SESSION_TOKEN}.
 */
public final class EnvironmentCredentialsProvider implements TencentCredentialsProvider {

    public static final String ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID";
    public static final String ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
    public static final String ENV_SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";

    private final Function<String, String> environment;

    public EnvironmentCredentialsProvider() {
        this(System::getenv);
    }

    /** For tests: reads "environment variables" from a map. */
    public EnvironmentCredentialsProvider(Map<String, String> environment) {
        this(environment::get);
    }

    private EnvironmentCredentialsProvider(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Whether both the secret id and key are set. */
    public boolean isAvailable() {
        return hasText(environment.apply(ENV_SECRET_ID)) && hasText(environment.apply(ENV_SECRET_KEY));
    }

    @Override
    public TencentCredentials getCredentials() {
        if (!isAvailable()) {
            throw new IllegalStateException("No Tencent Cloud credentials: set " + ENV_SECRET_ID + " and " + ENV_SECRET_KEY
                                            + " (and " + ENV_SESSION_TOKEN + " for temporary credentials)");
        }
        return new TencentCredentials(
                environment.apply(ENV_SECRET_ID), environment.apply(ENV_SECRET_KEY), environment.apply(ENV_SESSION_TOKEN));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "EnvironmentCredentialsProvider[" + ENV_SECRET_ID + ", " + ENV_SECRET_KEY + "]";
    }
}
