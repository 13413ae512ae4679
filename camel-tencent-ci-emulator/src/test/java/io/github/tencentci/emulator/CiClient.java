package io.github.tencentci.emulator;

import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.COSSigner;
import com.qcloud.cos.http.HttpMethodName;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A test client for the emulator: real HTTP over loopback with {@link HttpClient}, signed by the official COS SDK's
 * {@link COSSigner} unless a test brings its own Authorization header.
 */
final class CiClient {

    static final String SECRET_ID = "AKIDexample";
    static final String SECRET_KEY = "secretKeyExample";

    private final CiEmulator emulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CiClient(CiEmulator emulator) {
        this.emulator = emulator;
    }

    static Map<String, String> params(String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return params;
    }

    String host() {
        return "127.0.0.1:" + emulator.port();
    }

    /** GET /inventorytriggerjob with these parameters, signed by the SDK for the next 10 minutes. */
    HttpResponse<String> list(Map<String, String> params) {
        return get("/inventorytriggerjob", params, sdkAuthorization(params, SECRET_ID, SECRET_KEY, 10 * 60, true));
    }

    String sdkAuthorization(Map<String, String> params, String secretId, String secretKey, long validSeconds,
                            boolean signHost) {
        Instant now = emulator.clock().instant();
        return sdkAuthorization(params, secretId, secretKey, now.minusSeconds(60), now.plusSeconds(validSeconds), signHost);
    }

    /** The SDK's signHost only governs a host it adds itself, so for signHost=false no Host is passed at all. */
    String sdkAuthorization(Map<String, String> params, String secretId, String secretKey, Instant start, Instant end,
                            boolean signHost) {
        return new COSSigner().buildAuthorizationStr(HttpMethodName.GET, "/inventorytriggerjob",
                signHost ? Map.of("Host", host()) : Map.of(), params, new BasicCOSCredentials(secretId, secretKey),
                Date.from(start), Date.from(end), signHost);
    }

    /** Any request to {@code path}, signed by the SDK (host and these parameters) for the next 10 minutes. */
    String sdkAuthorization(HttpMethodName method, String path, Map<String, String> params) {
        Instant now = emulator.clock().instant();
        return new COSSigner().buildAuthorizationStr(method, path, Map.of("Host", host()), params,
                new BasicCOSCredentials(SECRET_ID, SECRET_KEY), Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(600)), true);
    }

    HttpResponse<String> get(String path, Map<String, String> params, String authorization, String... headers) {
        return send("GET", path + query(params), authorization, headers);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String authorization, String... headers) {
        return sendWithBody(method, pathAndQuery, null, authorization, headers);
    }

    /** @param body the request body, or null for none */
    HttpResponse<String> sendWithBody(String method, String pathAndQuery, String body, String authorization,
                                      String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return "?" + params.entrySet().stream()
                .map(e -> TestSigner.encode(e.getKey()) + "=" + TestSigner.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The text of the first element with this name in an XML body, or null. */
    static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        if (start < 0) {
            return xml.contains("<" + name + "/>") ? "" : null;
        }
        int end = xml.indexOf("</" + name + ">", start);
        return xml.substring(start + name.length() + 2, end);
    }
}
