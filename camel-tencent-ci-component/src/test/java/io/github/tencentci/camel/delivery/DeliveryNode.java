package io.github.tencentci.camel.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.tencentci.camel.TestFixtures;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One consumer node as a user would run it: {@code tencent-ci:jobs} with a persistent idempotent repository, writing
 * the delivery key of every exchange to a sink file (one line each) before the exchange completes. After the
 * {@code haltAfter}-th exchange has reached the sink it calls {@code onHalt} inside that exchange (a test stops or
 * blocks the node there, mid-batch).
 */
final class DeliveryNode implements AutoCloseable {

    static final String SECRET_ID = TestFixtures.SECRET_ID;
    static final String SECRET_KEY = TestFixtures.SECRET_KEY;
    static final int PAGE_SIZE = 20;

    private final CamelContext context = new DefaultCamelContext();
    private final AtomicInteger delivered = new AtomicInteger();

    DeliveryNode(String emulatorUrl, RepositorySpec repository, Path sink, int haltAfter, Consumer<CamelContext> onHalt)
            throws Exception {
        context.getRegistry().bind("repo", repository.open());
        context.getShutdownStrategy().setTimeout(10);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-ci:jobs?endpoint=" + emulatorUrl + "&secretId=" + SECRET_ID + "&secretKey=RAW(" + SECRET_KEY
                     + ")&size=" + PAGE_SIZE + "&initialDelay=0&delay=50&idempotentRepository=#repo")
                        .routeId("jobs")
                        .process(exchange -> {
                            String key = exchange.getProperty(DeliveryKeys.KEY_PROPERTY, String.class);
                            Files.writeString(sink, key + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                            if (delivered.incrementAndGet() == haltAfter) {
                                onHalt.accept(context);
                            }
                        });
            }
        });
    }

    DeliveryNode start() {
        context.start();
        return this;
    }

    CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        context.stop();
    }

    /**
     * Runs a node in its own JVM, for tests that kill it: args emulator URL, repository spec, sink file, and the
     * number of exchanges after which the node blocks inside the route (0 for never). Prints {@code STARTED} and
     * {@code BLOCKED} on standard output.
     */
    public static void main(String[] args) throws Exception {
        int blockAfter = Integer.parseInt(args[3]);
        DeliveryNode node = new DeliveryNode(args[0], RepositorySpec.parse(args[1]), Path.of(args[2]), blockAfter, ctx -> {
            System.out.println("BLOCKED");
            System.out.flush();
            try {
                new java.util.concurrent.CountDownLatch(1).await(); // until the test kills this JVM
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        node.start();
        System.out.println("STARTED");
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
