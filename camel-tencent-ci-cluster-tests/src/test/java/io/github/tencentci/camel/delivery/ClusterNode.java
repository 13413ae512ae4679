package io.github.tencentci.camel.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;

/**
 * One node of a cluster as a user runs it, in a JVM of its own: {@code master:jobs:tencent-ci:jobs} with a
 * coordination service ({@link ClusterServiceSpec}) and a shared repository ({@link SharedRepositorySpec}).
 * <p>
 * Every exchange writes its delivery key to the node's sink file (one line each, flushed to the OS before the exchange
 * goes on, so a kill loses none) and then passes the slow step: after the {@code blockAfter}-th exchange the slow step
 * prints {@code BLOCKED <key> <index in page>/<page size>} and waits until the JVM is killed. The exchange in the slow
 * step has done its work (it is in the sink) but has not completed, so it is not in the repository: the exchange a
 * crash leaves in flight.
 * <p>
 * Arguments are {@code key=value}: {@code emulator}, {@code secretId}, {@code secretKey}, {@code name},
 * {@code cluster}, {@code repository}, {@code sink}, {@code blockAfter} (0: never). Prints {@code STARTED} once the
 * CamelContext runs.
 */
final class ClusterNode {

    static final int PAGE_SIZE = 20;

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String name = settings.get("name");
        Path sink = Path.of(settings.get("sink"));
        int blockAfter = Integer.parseInt(settings.get("blockAfter"));
        AtomicInteger delivered = new AtomicInteger();

        CamelContext context = new DefaultCamelContext();
        context.addService(ClusterServiceSpec.parse(settings.get("cluster")).create(name));
        IdempotentRepository repository = SharedRepositorySpec.parse(settings.get("repository")).open(context);
        context.getRegistry().bind("delivered", repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:jobs:tencent-ci:jobs?endpoint=" + settings.get("emulator") + "&secretId=" + settings.get("secretId")
                     + "&secretKey=RAW(" + settings.get("secretKey") + ")&size=" + PAGE_SIZE
                     + "&initialDelay=0&delay=50&idempotentRepository=#delivered")
                        .routeId("jobs")
                        .process(exchange -> {
                            String key = exchange.getProperty(DeliveryKeys.KEY_PROPERTY, String.class);
                            Files.writeString(sink, key + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                            if (delivered.incrementAndGet() == blockAfter) {
                                blockUntilKilled(exchange, key);
                            }
                        });
            }
        });
        context.start();
        signal("STARTED");
        new CountDownLatch(1).await();
    }

    /** The slow step: deterministic, because the test kills the JVM when it sees the signal, not after a sleep. */
    private static void blockUntilKilled(Exchange exchange, String key) throws InterruptedException {
        signal("BLOCKED " + key + " " + exchange.getProperty(Exchange.BATCH_INDEX) + "/"
               + exchange.getProperty(Exchange.BATCH_SIZE));
        new CountDownLatch(1).await();
    }

    private static void signal(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
