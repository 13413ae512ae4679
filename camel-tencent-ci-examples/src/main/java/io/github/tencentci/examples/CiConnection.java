package io.github.tencentci.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the {@code tencent-ci} component connects to: the real Tencent CI service of one bucket, or an emulator.
 * Rendered as {@code camel.component.tencent-ci.*} properties, so the routes themselves carry no connection details
 * and run unchanged against either.
 */
public final class CiConnection {

    /** Environment variable holding the SecretId; its presence switches the examples to the real service. */
    public static final String SECRET_ID_ENV = "TENCENTCLOUD_SECRET_ID";
    /** Environment variable holding the SecretKey. */
    public static final String SECRET_KEY_ENV = "TENCENTCLOUD_SECRET_KEY";
    /** Environment variable holding the STS session token of temporary credentials (optional). */
    public static final String SESSION_TOKEN_ENV = "TENCENTCLOUD_SESSION_TOKEN";
    /** Environment variable naming the bucket, e.g. {@code examplebucket-1250000000}. */
    public static final String BUCKET_ENV = "TENCENTCI_BUCKET";
    /** Environment variable naming the region, e.g. {@code ap-chongqing}. */
    public static final String REGION_ENV = "TENCENTCI_REGION";
    /** Environment variable overriding the service base URL, e.g. a standalone emulator (optional). */
    public static final String ENDPOINT_ENV = "TENCENTCI_ENDPOINT";

    private static final String PREFIX = "camel.component.tencent-ci.";

    private final Map<String, String> options;
    private final String description;

    private CiConnection(Map<String, String> options, String description) {
        this.options = options;
        this.description = description;
    }

    /**
     * The connection to an emulator (or any stand-in) listening at {@code baseUrl}. Bucket and region are
     * placeholders: the endpoint replaces the host they would form.
     */
    public static CiConnection toEmulator(String baseUrl, String secretId, String secretKey) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("bucket", "examplebucket-1250000000");
        options.put("region", "ap-chongqing");
        options.put("endpoint", baseUrl);
        options.put("secretId", secretId);
        options.put("secretKey", secretKey);
        return new CiConnection(options, "the Tencent CI emulator at " + baseUrl);
    }

    /**
     * Whether the environment asks for the real service, i.e. sets {@value #SECRET_ID_ENV}.
     */
    public static boolean isConfiguredIn(Map<String, String> env) {
        return isSet(env, SECRET_ID_ENV);
    }

    /**
     * The connection to the real service the environment describes.
     *
     * @throws IllegalArgumentException naming every required variable that is missing
     */
    public static CiConnection fromEnvironment(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(SECRET_ID_ENV, SECRET_KEY_ENV, BUCKET_ENV, REGION_ENV)) {
            if (!isSet(env, name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("To poll the real Tencent CI service set " + missing
                                               + " (required: " + SECRET_ID_ENV + ", " + SECRET_KEY_ENV + ", "
                                               + BUCKET_ENV + ", " + REGION_ENV + "; optional: " + SESSION_TOKEN_ENV
                                               + ", " + ENDPOINT_ENV + "), or unset " + SECRET_ID_ENV
                                               + " to run the demo against the built-in emulator");
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("bucket", env.get(BUCKET_ENV).strip());
        options.put("region", env.get(REGION_ENV).strip());
        options.put("secretId", env.get(SECRET_ID_ENV).strip());
        options.put("secretKey", env.get(SECRET_KEY_ENV).strip());
        if (isSet(env, SESSION_TOKEN_ENV)) {
            options.put("sessionToken", env.get(SESSION_TOKEN_ENV).strip());
        }
        String where = "Tencent CI, bucket " + options.get("bucket") + " in " + options.get("region");
        if (isSet(env, ENDPOINT_ENV)) {
            options.put("endpoint", env.get(ENDPOINT_ENV).strip());
            where += " via " + options.get("endpoint");
        }
        return new CiConnection(options, where);
    }

    /** The {@code camel.component.tencent-ci.*} properties that configure the component for this connection. */
    public Properties componentProperties() {
        Properties properties = new Properties();
        options.forEach((name, value) -> properties.setProperty(PREFIX + name, value));
        return properties;
    }

    /** Where this connection goes, without credentials, for the startup log. */
    @Override
    public String toString() {
        return description;
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
