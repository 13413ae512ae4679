package io.github.tencentci.camel.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
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
 * read would. Used by one walk at a time.
 */
final class PageAhead {

    /** Reads one page. */
    @FunctionalInterface
    interface PageRead {
        JobPage read() throws IOException;
    }

    private final ExecutorService executor;
    private Future<JobPage> pending;
    private String pendingToken;

    PageAhead(ExecutorService executor) {
        this.executor = executor;
    }

    /** The page for {@code token}: the one read ahead if it is that one, else read now with {@code read}. */
    JobPage take(String token, PageRead read) throws IOException {
        if (pending != null && Objects.equals(pendingToken, token)) {
            Future<JobPage> ahead = pending;
            pending = null;
            return await(ahead);
        }
        drop();
        return read.read();
    }

    /** Starts reading the page for {@code token} in the background. */
    void readAhead(String token, PageRead read) {
        drop();
        pendingToken = token;
        pending = executor.submit(read::read);
    }

    /** Forgets a page read ahead that the walk will not take. */
    void drop() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
            pendingToken = null;
        }
    }

    private static JobPage await(Future<JobPage> ahead) throws IOException {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a page read ahead");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }
}
