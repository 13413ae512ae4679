package io.github.tencentci.camel.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Decides which listed jobs to emit, so that each delivery key (by default {@code <JobId>:<State>}) reaches the route
 * once when all goes well and again after a failure.
 * <p>
 * A key is recorded in the repository only when its exchange <em>completes</em>: a failed exchange, a crash or a kill
 * in the middle of a batch leaves it unrecorded, so the next poll (of this node or, with a shared repository, of the
 * next leader) emits it again. Keys whose exchanges are still in flight are held in memory so that an overlapping
 * poll or a job listed on two pages does not emit them twice. {@link JobDeliveryOnCompletion} reports the outcome of
 * each exchange back here.
 */
public final class JobDeliveryTracker {

    private final IdempotentRepository repository;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public JobDeliveryTracker(IdempotentRepository repository) {
        this.repository = repository;
    }

    /**
     * Claims a key for emission.
     *
     * @return {@code false} when it was delivered before or is in flight now: skip it
     */
    public boolean claim(String key) {
        if (!inFlight.add(key)) {
            return false;
        }
        if (repository.contains(key)) {
            inFlight.remove(key);
            return false;
        }
        return true;
    }

    /** The exchange for this key completed: remember it as delivered. */
    public void delivered(String key) {
        try {
            repository.add(key);
            repository.confirm(key);
        } finally {
            inFlight.remove(key);
        }
    }

    /** The exchange for this key failed: release it so that the next poll emits it again. */
    public void released(String key) {
        inFlight.remove(key);
    }

    public IdempotentRepository getRepository() {
        return repository;
    }
}
