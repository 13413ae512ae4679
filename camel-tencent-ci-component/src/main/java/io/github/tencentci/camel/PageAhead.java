package io.github.tencentci.camel;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import io.github.tencentci.camel.parsing.JobPage;

/**
 * Reads the next page of a walk on a background thread while the route processes the current one, so that fetching
 * and parsing overlap with routing instead of adding to it.
 * <p>
 * At most one page is read ahead: memory stays bounded by two pages. A page read ahead is handed out only when the
 * walk asks for exactly that token; otherwise (a capped or stopped walk) it is dropped, never emitted. A failure
 * while reading ahead surfaces, unchanged, when the walk takes the page, so it fails the poll as a synchronous
 * read would. Used by one polling thread at a time.
 */
final class PageAhead {

    private final ExecutorService executor;
    private Future<JobPage> pending;
    private String pendingToken;

    PageAhead(ExecutorService executor) {
        this.executor = executor;
    }

    /** The page for {@code token}: the one read ahead if it is that one, else read now with {@code read}. */
    JobPage take(String token, Callable<JobPage> read) throws Exception {
        if (pending != null && Objects.equals(pendingToken, token)) {
            Future<JobPage> ahead = pending;
            pending = null;
            return await(ahead);
        }
        drop();
        return read.call();
    }

    /** Starts reading the page for {@code token} in the background. */
    void readAhead(String token, Callable<JobPage> read) {
        drop();
        pendingToken = token;
        pending = executor.submit(read);
    }

    /** Forgets a page read ahead that the walk will not take. */
    void drop() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
            pendingToken = null;
        }
    }

    private static JobPage await(Future<JobPage> ahead) throws Exception {
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
