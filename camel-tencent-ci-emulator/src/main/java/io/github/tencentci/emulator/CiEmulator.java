package io.github.tencentci.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process stand-in for Tencent Cloud Infinite's batch-job listing API, {@code GET /inventorytriggerjob}, for
 * testing clients (such as Camel routes using {@code tencent-ci:jobs}) without the cloud: a small HTTP server (the
 * JDK's {@code com.sun.net.httpserver}) on {@code 127.0.0.1} that answers with CI's parameters, pagination, error
 * bodies and signature check. {@code docs/emulator.md} says what it does and which parts are documented service
 * behaviour.
 * <p>
 * Tests shape what it serves through {@link #jobs()}, script misbehaviour through {@link #faults()}, and check what
 * the client sent through {@link #takeRequest()} and {@link #requests()}.
 * <pre>{@code
 * try (CiEmulator ci = CiEmulator.builder().credentials("AKIDexample", "secretKeyExample").start()) {
 *     ci.jobs().seed(50, 42L);
 *     ci.faults().enqueue(Fault.error(503, "ServiceUnavailable", "try again"));
 *     // point the client at ci.baseUrl() with those credentials, run it, then:
 *     assertThat(ci.takeRequest().status()).isEqualTo(503);
 * }
 * }</pre>
 * Limitation: the JDK server always writes the {@code Date} response header from the host's system clock, so a
 * clock set with {@link Builder#clock(Clock)} or {@link #setClockSkew(Duration)} governs signature windows, job
 * times and {@link RecordedRequest#time()}, but not {@code Date}.
 */
public final class CiEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CiEmulator.class);

    static {
        // The JDK server writes headers and body separately; with Nagle on, small answers can wait for a delayed
        // ACK (tens of ms each), which page walks and retry tests feel. Read once per JVM; a user's choice wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How long {@link #takeRequest()} waits. */
    public static final Duration DEFAULT_TAKE_TIMEOUT = Duration.ofSeconds(10);

    private final HttpServer server;
    private final ExecutorService executor;
    private final SkewableClock clock;
    private final JobStore jobs;
    private final FaultScript faults = new FaultScript();
    private final RequestLog requests = new RequestLog();
    private Runnable liveModeStop;

    private CiEmulator(Builder builder) throws IOException {
        this.clock = new SkewableClock(builder.clock);
        this.jobs = new JobStore(clock);
        SignatureVerifier verifier = builder.verifySignatures
                ? new SignatureVerifier(builder.credentials, builder.sessionToken, builder.strictSigning) : null;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port);
        if (builder.tls != null) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(builder.tls));
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 0);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ci-emulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new EmulatorHandler(jobs, faults, requests, verifier, clock));
        server.start();
        LOG.info("Tencent CI emulator listening on {} (signatures {})", baseUrl(),
                !builder.verifySignatures ? "not verified" : builder.strictSigning ? "verified strictly" : "verified");
    }

    /** @return a builder: ephemeral port, system UTC clock, signatures verified */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code http://127.0.0.1:PORT}, or {@code https://...} when built with {@link Builder#tls(SSLContext)} */
    public String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the jobs the listing serves */
    public JobStore jobs() {
        return jobs;
    }

    /** @return the faults scripted for the next listing requests */
    public FaultScript faults() {
        return faults;
    }

    /** @return every request received so far */
    public RequestLog requests() {
        return requests;
    }

    /**
     * Waits up to {@link #DEFAULT_TAKE_TIMEOUT} for the next request not taken yet, as OkHttp MockWebServer's
     * {@code takeRequest}: requests are taken once each, in arrival order, whatever {@link #requests()} shows.
     *
     * @throws AssertionError when none arrives in time; its message says how long it waited and how many were taken
     */
    public RecordedRequest takeRequest() {
        return takeRequest(DEFAULT_TAKE_TIMEOUT);
    }

    /**
     * Waits up to {@code timeout} for the next request not taken yet.
     *
     * @throws AssertionError when none arrives in time; its message says how long it waited and how many were taken
     */
    public RecordedRequest takeRequest(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive, was " + timeout);
        }
        return requests.take(timeout);
    }

    /** @return the emulator's clock: the configured clock shifted by the current skew */
    public Clock clock() {
        return clock;
    }

    /**
     * Shifts the emulator's clock against the configured one, e.g. {@code Duration.ofMinutes(-30)} to make fresh
     * signatures look like they come from the future (SignatureExpired). {@code Duration.ZERO} undoes it.
     */
    public void setClockSkew(Duration skew) {
        clock.setSkew(Objects.requireNonNull(skew, "skew"));
    }

    /** Starts moving jobs through their states (replacing any live mode already running). */
    public synchronized void startLiveMode(LiveMode mode) {
        stopLiveMode();
        liveModeStop = mode.start(jobs, clock);
        LOG.info("Live mode started: {}", mode);
    }

    /** Stops live mode; jobs stay where they are. Does nothing when it is not running. */
    public synchronized void stopLiveMode() {
        if (liveModeStop != null) {
            liveModeStop.run();
            liveModeStop = null;
        }
    }

    /** Stops live mode and the server; open connections are dropped. */
    @Override
    public void close() {
        stopLiveMode();
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Tencent CI emulator on port {} stopped", port());
    }

    /** Configures and starts a {@link CiEmulator}. */
    public static final class Builder {
        private int port;
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private String sessionToken;
        private Clock clock = Clock.systemUTC();
        private boolean verifySignatures = true;
        private boolean strictSigning;
        private SSLContext tls;

        private Builder() {
        }

        /** Port to bind on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Accepts requests signed with this key pair; call again to accept several. */
        public Builder credentials(String secretId, String secretKey) {
            if (secretId == null || secretId.isBlank() || secretKey == null || secretKey.isEmpty()) {
                throw new IllegalArgumentException("credentials need a non-blank secretId and a non-empty secretKey");
            }
            credentials.put(secretId, secretKey);
            return this;
        }

        /**
         * Makes the credentials temporary: every request must then carry this token, in {@code x-ci-security-token}
         * or {@code x-cos-security-token}, signed or not (as the service takes it); with {@link #strictSigning}, in
         * {@code x-ci-security-token} and signed.
         */
        public Builder sessionToken(String sessionToken) {
            this.sessionToken = sessionToken;
            return this;
        }

        /** The emulator's clock (default system UTC): signature windows, job state times, request log times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Serves HTTPS with this context (its key manager holds the server certificate), so a client's TLS settings
         * can be tested; the default is plain HTTP.
         */
        public Builder tls(SSLContext tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** Whether to check the Authorization header (default true). */
        public Builder verifySignatures(boolean verifySignatures) {
            this.verifySignatures = verifySignatures;
            return this;
        }

        /**
         * Whether to refuse, with 403 AccessDenied, what the service accepts but a careful client does not send: an
         * unsigned {@code host}, an unsigned query parameter, a session token that is not a signed
         * {@code x-ci-security-token}. Default false: only what the signature lists is verified, as the service
         * does, so requests signed by the official SDKs pass unchanged. A client's own tests turn it on, so that a
         * client that forgets to sign something fails them.
         */
        public Builder strictSigning(boolean strictSigning) {
            this.strictSigning = strictSigning;
            return this;
        }

        /**
         * @throws IllegalStateException when signatures are verified but no credentials were given
         * @throws UncheckedIOException  when the port cannot be bound
         */
        public CiEmulator start() {
            if (verifySignatures && credentials.isEmpty()) {
                throw new IllegalStateException("CiEmulator verifies signatures but has no credentials:"
                        + " call credentials(secretId, secretKey) or verifySignatures(false)");
            }
            try {
                return new CiEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the CI emulator on 127.0.0.1:" + port, e);
            }
        }

        @Override
        public String toString() {
            // Never the keys or the token.
            return "CiEmulator.Builder[port " + port + ", secretIds " + credentials.keySet() + ", token "
                    + (sessionToken != null ? "set" : "none") + ", verifySignatures " + verifySignatures + ", strictSigning " + strictSigning + "]";
        }
    }
}
