package io.github.tencentci.camel.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import io.github.tencentci.camel.parsing.JobPage;

/**
 * Reads the next pages of a walk on a background thread while the route processes the current one, so that fetching
 * and parsing overlap with routing instead of adding to it.
 * <p>
 * Two ways, chosen by the walk for each read:
 * <ul>
 * <li>one page: the page for a token, and nothing after it (a capped walk, which may stop after any page, must not
 * spend a request on a page it will not take);</li>
 * <li>reading on: each page read is followed at once by the next one (by its {@code NextToken}), one page beyond the
 * one the walk has not taken yet at most. The reading thread then never waits for the walk to come back for the next
 * page, which was two thread wake-ups per page with the reader idle in between (a fifth of its time, issue 15).</li>
 * </ul>
 * Memory stays bounded: the page the walk handles, one read and not yet taken, one being read. A page read ahead is
 * handed out only when the walk asks for exactly its token; otherwise (a capped or stopped walk, a new leg) it is
 * dropped, never emitted: a walk stopped while reading on can have cost one request it did not use. Reading on stops
 * at a {@code NextToken} it has followed before, where the walk's loop guard ends the walk. A
 * failure while reading ahead surfaces, unchanged, when the walk takes that page, so it fails the poll as a
 * synchronous read would; nothing is read after a failed page. Used by one walk at a time.
 */
final class PageAhead {

    /** Reads one page of a leg of the walk. */
    @FunctionalInterface
    interface PageRead {
        /**
         * @param token  the page's token, {@code null} for the first page of a leg
         * @param number its number in the walk, for messages
         */
        JobPage read(String token, int number) throws IOException;
    }

    private final ExecutorService executor;
    /** What is being read ahead now; {@code null} when nothing is. */
    private Reading reading;

    PageAhead(ExecutorService executor) {
        this.executor = executor;
    }

    /** The page for {@code token}: the one read ahead if it is that one, else read now with {@code read}. */
    JobPage take(String token, int number, PageRead read) throws IOException {
        CompletableFuture<JobPage> ahead = reading == null ? null : reading.take(token);
        if (ahead != null) {
            return await(ahead);
        }
        drop();
        return read.read(token, number);
    }

    /**
     * Starts reading the page for {@code token} in the background, unless it is being read already (reading on).
     *
     * @param readOn whether to read on after it, page after page, until the leg's last page or {@link #drop()}
     */
    void readAhead(String token, int number, boolean readOn, PageRead read) {
        if (reading != null && reading.readOn == readOn && reading.isNext(token)) {
            return;
        }
        drop();
        reading = new Reading(token, number, readOn, read);
        reading.task = executor.submit(reading::run);
    }

    /** Forgets the pages read ahead that the walk will not take, and stops reading. */
    void drop() {
        if (reading != null) {
            reading.cancel();
            reading = null;
        }
    }

    /** One background read, of one page or reading on; its state is shared by the walk's and the reader's thread. */
    private static final class Reading {

        /** A page read, or being read, that the walk has not taken yet. */
        private record Slot(String token, int number, CompletableFuture<JobPage> page) {
        }

        private final boolean readOn;
        private final PageRead read;
        /** The page this reading starts with (the walk may take it from {@link #slots} before it is read). */
        private final Slot start;
        /** Guarded by this; in walk order: at most one page read and not taken, then the one being read. */
        private final Deque<Slot> slots = new ArrayDeque<>(2);
        /** The tokens this reading has read or queued: one handed out again is not followed (the walk ends there). */
        private final TokenTrail tokens = new TokenTrail();
        private boolean cancelled;
        private Future<?> task;

        Reading(String token, int number, boolean readOn, PageRead read) {
            this.readOn = readOn;
            this.read = read;
            start = new Slot(token, number, new CompletableFuture<>());
            slots.add(start);
            if (token != null) { // a leg's first page
                tokens.add(token);
            }
        }

        /** @return the page for {@code token} if it is the next one read or being read, else {@code null} */
        synchronized CompletableFuture<JobPage> take(String token) {
            Slot next = slots.peekFirst();
            if (cancelled || next == null || !Objects.equals(next.token(), token)) {
                return null;
            }
            slots.pollFirst();
            notifyAll(); // room for the reader to go on
            return next.page();
        }

        /** Whether the page for {@code token} is the next one read or being read. */
        synchronized boolean isNext(String token) {
            Slot next = slots.peekFirst();
            return !cancelled && next != null && Objects.equals(next.token(), token);
        }

        void cancel() {
            synchronized (this) {
                cancelled = true;
                notifyAll();
            }
            if (task != null) {
                task.cancel(true);
            }
        }

        void run() {
            Slot slot = isCancelled() ? null : start;
            while (slot != null) {
                JobPage page;
                try {
                    page = read.read(slot.token(), slot.number());
                } catch (IOException | RuntimeException | Error e) {
                    slot.page().completeExceptionally(e);
                    return;
                }
                Slot following = null;
                synchronized (this) {
                    // queued before the page is handed over, so that the walk, told of this page, finds the next one
                    if (readOn && !cancelled && !page.isLastPage() && tokens.add(page.nextToken())) {
                        following = new Slot(page.nextToken(), slot.number() + 1, new CompletableFuture<>());
                        slots.addLast(following);
                    }
                }
                slot.page().complete(page);
                slot = following == null ? null : awaitRoomFor(following);
            }
        }

        private synchronized boolean isCancelled() {
            return cancelled;
        }

        /** Waits until at most one page before {@code slot} is untaken. @return it, or {@code null} when cancelled */
        private synchronized Slot awaitRoomFor(Slot slot) {
            try {
                while (!cancelled && slots.size() > 2) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return cancelled ? null : slot;
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
