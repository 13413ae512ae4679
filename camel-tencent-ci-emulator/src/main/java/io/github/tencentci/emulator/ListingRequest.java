package io.github.tencentci.emulator;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of {@code GET /inventorytriggerjob}, validated as the emulator's contract says: a bad value is a
 * 400 InvalidArgument whose message names the parameter, the value and what is allowed. An empty value counts as
 * absent (the product page's own sample sends {@code size=&states=}); unknown parameters are ignored.
 */
record ListingRequest(JobQuery query, int size, String nextToken) {

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 100;
    private static final String ALL_STATES = "All";

    static ListingRequest parse(Map<String, String> params) {
        JobQuery query = new JobQuery(
                states(value(params, "states")),
                type(value(params, "type")),
                ascending(value(params, "orderByTime")),
                time(params, "startCreationTime"),
                time(params, "endCreationTime"),
                value(params, "workflowId"),
                value(params, "jobId"),
                value(params, "name"));
        return new ListingRequest(query, size(value(params, "size")), value(params, "nextToken"));
    }

    private static String value(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static int size(String text) {
        if (text == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(text.trim());
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // falls through to the common message
        }
        throw CiError.invalidArgument("size '" + text + "' is invalid: an integer from 1 to " + MAX_SIZE + " is allowed");
    }

    private static Set<String> states(String text) {
        if (text == null) {
            return Set.of();
        }
        Set<String> states = new LinkedHashSet<>();
        for (String state : text.split(",", -1)) {
            if (ALL_STATES.equals(state)) {
                return Set.of();
            }
            if (!EmulatedJob.STATES.contains(state)) {
                throw CiError.invalidArgument("states '" + text + "' holds the unknown state '" + state
                        + "': allowed are All, Submitted, Running, Success, Failed, Pause, Cancel (comma separated)");
            }
            states.add(state);
        }
        return Set.copyOf(states);
    }

    private static String type(String text) {
        if (text == null || EmulatedJob.TYPES.contains(text)) {
            return text;
        }
        throw CiError.invalidArgument("type '" + text + "' is invalid: allowed are Workflow and Job");
    }

    private static boolean ascending(String text) {
        if (text == null || "Desc".equals(text)) {
            return false;
        }
        if ("Asc".equals(text)) {
            return true;
        }
        throw CiError.invalidArgument("orderByTime '" + text + "' is invalid: allowed are Asc and Desc");
    }

    private static Instant time(Map<String, String> params, String name) {
        String text = value(params, name);
        if (text == null) {
            return null;
        }
        try {
            return CiTime.parse(text).toInstant();
        } catch (IllegalArgumentException e) {
            throw CiError.invalidArgument(name + " " + e.getMessage());
        }
    }
}
