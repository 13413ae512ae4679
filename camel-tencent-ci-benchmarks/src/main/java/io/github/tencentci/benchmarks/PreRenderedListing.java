package io.github.tencentci.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.tencentci.emulator.CiEmulator;
import io.github.tencentci.emulator.CommandLineArguments;
import io.github.tencentci.emulator.EmulatedJob;

/**
 * A loopback listing server whose pages are rendered once, before the first request, so that answering costs next to
 * nothing and a benchmark measures the client. The emulator renders each page per request and verifies each
 * signature, which hides client cost behind server cost on a 2-core machine.
 * <p>
 * The jobs are the emulator's seeded jobs (seed 42), {@code pageSize} to a page, as the emulator writes them.
 * {@code NextToken} is {@code p<page>}. Every request must carry a COS signature ({@code Authorization:
 * q-sign-algorithm=sha1...}), so clients pay for signing as against the real service; the server does not verify it
 * (that is the emulator's job, and what makes it expensive). A request without one is answered 403.
 * <p>
 * At most {@link #DISTINCT_JOBS} jobs are rendered (by default): a longer listing serves the rendered pages again, each copy with
 * its cycle number written over the first six hex digits of every {@code JobId} (so every job is new to an
 * idempotent consumer): a copy of the page and 100 small patches, a few microseconds a page. This keeps a
 * 1,000,000-job listing at the memory of 100,000 jobs.
 * <p>
 * One thread per connection (named {@code listing-server-*}, so the harness can leave them out of the client's CPU),
 * HTTP/1.1 keep-alive, {@code TCP_NODELAY}. Only what the contenders send is understood: {@code GET} with a query,
 * no request body.
 */
final class PreRenderedListing implements AutoCloseable {

    static final int DISTINCT_JOBS = 100_000;
    static final String THREAD_PREFIX = "listing-server-";

    private static final byte[] FORBIDDEN = ("HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/xml\r\n"
            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final int jobs;
    private final int pageSize;
    private final int pages;
    /** Each distinct page's body up to and including {@code <NextToken>}. */
    private final byte[][] responses;
    /** The whole HTTP responses of the first cycle of pages, ready to write. */
    private final byte[][] firstCycle;
    /** Where, in each distinct page's response, the six hex digits after each JobId's leading 'b' start. */
    private final int[][] jobIdOffsets;
    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong firstRequestNanos = new AtomicLong();
    private volatile CountDownLatch firstRequest = new CountDownLatch(1);
    private final List<Socket> connections = new ArrayList<>();
    private volatile boolean closed;

    private PreRenderedListing(int jobs, int pageSize, int port, int distinctLimit) throws IOException {
        if (jobs > distinctLimit && jobs % pageSize != 0) {
            throw new IllegalArgumentException("--jobs " + jobs + " must be a multiple of the page size " + pageSize
                    + " above " + distinctLimit + " jobs (the rendered pages are served again)");
        }
        this.jobs = jobs;
        this.pageSize = pageSize;
        this.pages = (jobs + pageSize - 1) / pageSize;
        int distinctJobs = Math.min(jobs, Math.max(1, distinctLimit / pageSize) * pageSize);
        int distinctPages = (distinctJobs + pageSize - 1) / pageSize;
        List<EmulatedJob> seeded;
        try (CiEmulator emulator = CiEmulator.builder().verifySignatures(false).start()) {
            emulator.jobs().seed(distinctJobs, 42L);
            // newest first, as the service and the emulator list them (the seeder makes them in random order of age)
            seeded = emulator.jobs().all();
        }
        responses = new byte[distinctPages][];
        jobIdOffsets = new int[distinctPages][];
        for (int page = 0; page < distinctPages; page++) {
            render(page, seeded.subList(page * pageSize, Math.min(distinctJobs, (page + 1) * pageSize)));
        }
        firstCycle = new byte[distinctPages][];
        for (int page = 0; page < distinctPages; page++) {
            firstCycle[page] = assemble(page);
        }
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        Thread acceptor = new Thread(this::accept, THREAD_PREFIX + "accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Renders the pages and starts serving them.
     *
     * @param port 0 for an ephemeral port
     */
    static PreRenderedListing start(int jobs, int pageSize, int port) throws IOException {
        return new PreRenderedListing(jobs, pageSize, port, DISTINCT_JOBS);
    }

    /** @param distinctJobs how many jobs to render at most; the pages of a longer listing come again */
    static PreRenderedListing start(int jobs, int pageSize, int port, int distinctJobs) throws IOException {
        return new PreRenderedListing(jobs, pageSize, port, distinctJobs);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int jobs() {
        return jobs;
    }

    /** Requests answered (or refused) so far. */
    int requests() {
        return requests.get();
    }

    /** Forgets the requests counted so far and the time of the first one. */
    void resetCounts() {
        requests.set(0);
        firstRequestNanos.set(0);
        firstRequest = new CountDownLatch(1);
    }

    /** Waits for the first request since {@link #resetCounts()}. @return its {@link System#nanoTime()} */
    long awaitFirstRequest(Duration timeout) throws InterruptedException {
        if (!firstRequest.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no request within " + timeout);
        }
        return firstRequestNanos.get();
    }

    /** {@link System#nanoTime()} when the first request since {@link #resetCounts()} arrived, 0 if none did. */
    long firstRequestNanos() {
        return firstRequestNanos.get();
    }

    private void render(int page, List<EmulatedJob> jobsOfPage) {
        StringBuilder body = new StringBuilder(1024 + jobsOfPage.size() * 1024)
                .append("<Response>\n<RequestId>prerendered-").append(page).append("</RequestId>\n");
        for (EmulatedJob job : jobsOfPage) {
            body.append(job.toXml());
        }
        // the last page of the whole listing, not of the distinct pages, ends the walk; decided when served
        body.append("<NextToken>");
        String head = body.toString();
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        responses[page] = bytes;
        byte[] marker = "<JobId>b".getBytes(StandardCharsets.US_ASCII);
        List<Integer> offsets = new ArrayList<>();
        for (int at = 0; at + marker.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + marker.length, marker, 0, marker.length)) {
                offsets.add(at + marker.length);
            }
        }
        jobIdOffsets[page] = offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The whole HTTP response of page {@code index} (0-based) of the first cycle. */
    private byte[] assemble(int index) {
        byte[] partial = responses[index];
        byte[] tail = tail(index);
        byte[] head = head(partial.length + tail.length);
        byte[] whole = Arrays.copyOf(head, head.length + partial.length + tail.length);
        System.arraycopy(partial, 0, whole, head.length, partial.length);
        System.arraycopy(tail, 0, whole, head.length + partial.length, tail.length);
        return whole;
    }

    /**
     * Writes the response of page {@code index} (0-based): ready-made in the first cycle; past it, the rendered
     * page written in pieces with the cycle number over the first six hex digits of each JobId (no page-sized copy,
     * so the server adds next to no allocation to what a benchmark in this JVM measures).
     */
    private void write(int index, OutputStream out) throws IOException {
        if (index < firstCycle.length) {
            out.write(firstCycle[index]);
            return;
        }
        int distinct = index % responses.length;
        byte[] partial = responses[distinct];
        byte[] tail = tail(index);
        out.write(head(partial.length + tail.length));
        byte[] digits = String.format(Locale.ROOT, "%06x", index / responses.length).getBytes(StandardCharsets.US_ASCII);
        int from = 0;
        for (int offset : jobIdOffsets[distinct]) {
            out.write(partial, from, offset - from);
            out.write(digits);
            from = offset + digits.length;
        }
        out.write(partial, from, partial.length - from);
        out.write(tail);
    }

    private byte[] tail(int index) {
        // the last page of the whole listing, not of the distinct pages, has no NextToken
        String next = index + 1 < pages ? "p" + (index + 1) : "";
        return (next + "</NextToken>\n</Response>\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] head(int contentLength) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " + contentLength
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                synchronized (connections) {
                    connections.add(socket);
                }
                Thread thread = new Thread(() -> serve(socket), THREAD_PREFIX + socket.getPort());
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("listing server: accept failed: " + e);
                }
            }
        }
    }

    /** Answers the requests of one connection. */
    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream();
             OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
            byte[] buffer = new byte[16 * 1024];
            while (true) {
                int length = readHead(in, buffer);
                if (length < 0) {
                    return;
                }
                requests.incrementAndGet();
                if (firstRequestNanos.compareAndSet(0, System.nanoTime())) {
                    firstRequest.countDown();
                }
                String head = new String(buffer, 0, length, StandardCharsets.US_ASCII);
                answer(head, out);
                out.flush();
            }
        } catch (SocketException e) {
            // the client closed the connection
        } catch (IOException e) {
            if (!closed) {
                System.err.println("listing server: " + e);
            }
        }
    }

    private void answer(String head, OutputStream out) throws IOException {
        if (!head.toLowerCase(Locale.ROOT).contains("\r\nauthorization: q-sign-algorithm=sha1&")) {
            out.write(FORBIDDEN);
            return;
        }
        String requestLine = head.substring(0, head.indexOf('\r'));
        int token = requestLine.indexOf("nextToken=p");
        int index = 0;
        if (token >= 0) {
            int from = token + "nextToken=p".length();
            int to = from;
            while (to < requestLine.length() && Character.isDigit(requestLine.charAt(to))) {
                to++;
            }
            index = Integer.parseInt(requestLine, from, to, 10);
        }
        if (!requestLine.contains("size=" + pageSize) || index >= pages) {
            out.write(BAD_REQUEST);
            return;
        }
        write(index, out);
    }

    /** Reads one request head (up to the blank line) into {@code buffer}; -1 when the connection ended. */
    private static int readHead(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        while (true) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                return -1;
            }
            length += n;
            if (length >= 4 && buffer[length - 4] == '\r' && buffer[length - 3] == '\n' && buffer[length - 2] == '\r'
                    && buffer[length - 1] == '\n') {
                return length;
            }
            if (length == buffer.length) {
                throw new IOException("request head longer than " + buffer.length + " bytes");
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        synchronized (connections) {
            for (Socket socket : connections) {
                socket.close();
            }
        }
    }

    @Override
    public String toString() {
        return "pre-rendered listing at " + baseUrl() + ", " + jobs + " jobs, " + pageSize + " per page";
    }

    /**
     * Serves a pre-rendered listing in a JVM of its own, for the runs whose client JVM must not hold it (e.g.
     * {@code -Xmx64m}):
     * {@code java -cp 'benchmarks.jar:lib/*' io.github.tencentci.benchmarks.PreRenderedListing --port 18080 --jobs 1000000}.
     */
    public static void main(String[] args) throws Exception {
        int port = 0;
        int jobs = 100_000;
        int pageSize = 100;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = CommandLineArguments.number(args, ++i, "--port", 0, 65535);
                case "--jobs" -> jobs = CommandLineArguments.number(args, ++i, "--jobs", 1, 10_000_000);
                case "--page-size" -> pageSize = CommandLineArguments.number(args, ++i, "--page-size", 1, 100);
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; allowed: --port, --jobs, --page-size");
            }
        }
        PreRenderedListing listing = start(jobs, pageSize, port);
        System.out.println("Serving " + listing + "; any SecretId/SecretKey is accepted. Ctrl-C stops.");
        Thread.currentThread().join();
    }
}
