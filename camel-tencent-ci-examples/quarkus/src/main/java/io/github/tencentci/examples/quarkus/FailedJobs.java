package io.github.tencentci.examples.quarkus;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.tencentci.camel.TencentCiConstants;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Body;
import org.apache.camel.Header;

/**
 * The most recent failed jobs as JSON, by JobId, oldest first: what a dashboard or a REST resource of the
 * application would show. A CDI bean the route hands each failed job to.
 */
@ApplicationScoped
public class FailedJobs {

    static final int KEEP = 100;

    private final Map<String, String> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEEP;
        }
    };

    public synchronized void add(@Header(TencentCiConstants.JOB_ID) String jobId, @Body String json) {
        recent.put(jobId, json);
    }

    /** A copy of the failed jobs kept, JobId to JSON. */
    public synchronized Map<String, String> recent() {
        return new LinkedHashMap<>(recent);
    }
}
