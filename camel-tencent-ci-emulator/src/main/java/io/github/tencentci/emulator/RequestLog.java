package io.github.tencentci.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every request the emulator received, in arrival order, with its answer. Thread-safe. A request is recorded before
 * its response is sent, so it is visible here as soon as the client has the response.
 */
public final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    RequestLog() {
    }

    synchronized void record(RecordedRequest request) {
        requests.add(request);
    }

    /** @return a snapshot of all recorded requests, oldest first */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized int count() {
        return requests.size();
    }

    /** @return the most recent request, or null when none was received */
    public synchronized RecordedRequest last() {
        return requests.isEmpty() ? null : requests.get(requests.size() - 1);
    }

    public synchronized void clear() {
        requests.clear();
    }
}
