package io.github.tencentci.emulator;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the emulator needs of a request: method, decoded path, query parameters and headers.
 * <p>
 * The query is decoded as servers commonly do, {@code +} included as a space: a client that forgets to send the
 * {@code +} of {@code +0800} as {@code %2B} then gets a 400, as it would from a real server.
 *
 * @param params  decoded query parameters in request order; a repeated name keeps its first value; a name without
 *                {@code =} has the value ""
 * @param headers header values by lower-case name; repeated headers joined with {@code ,}
 * @param malformedQuery why the query could not be decoded, or null
 */
record IncomingRequest(String method, String path, String rawQuery, Map<String, String> params,
                       Map<String, String> headers, String malformedQuery) {

    static IncomingRequest of(HttpExchange exchange) {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        String malformed = null;
        try {
            parseQuery(rawQuery, params);
        } catch (IllegalArgumentException e) {
            params.clear();
            malformed = "the query string is not valid percent-encoded UTF-8: " + e.getMessage();
        }
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
        }
        return new IncomingRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), rawQuery,
                Collections.unmodifiableMap(params), Collections.unmodifiableMap(headers), malformed);
    }

    private static void parseQuery(String rawQuery, Map<String, String> params) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
