package io.github.tencentci.camel.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Tells the {@link JobDeliveryTracker} how the exchange of a claimed key ended: completed, the key is remembered as
 * delivered; failed, it is released so that the next poll emits the job again.
 */
public final class JobDeliveryOnCompletion extends SynchronizationAdapter {

    private final JobDeliveryTracker tracker;
    private final String key;

    public JobDeliveryOnCompletion(JobDeliveryTracker tracker, String key) {
        this.tracker = tracker;
        this.key = key;
    }

    @Override
    public void onComplete(Exchange exchange) {
        tracker.delivered(key);
    }

    @Override
    public void onFailure(Exchange exchange) {
        tracker.released(key);
    }
}
