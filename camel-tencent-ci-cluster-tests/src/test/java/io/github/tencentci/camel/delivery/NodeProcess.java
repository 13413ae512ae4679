package io.github.tencentci.camel.delivery;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A {@link ClusterNode} running in a JVM of its own, so that a test can kill it with {@code kill -9}
 * ({@link Process#destroyForcibly()}). Collects the lines the node prints on standard output (its signals); its log
 * goes to {@code <name>.log} in the given folder.
 */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(output::add);
            } catch (Exception e) {
                // the node was killed: its output ends here
            }
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@link ClusterNode#main} with the given settings in a new JVM on this JVM's class path. */
    static NodeProcess start(String name, Map<String, String> settings, Path logDir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; the nodes do little work
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterNode.class.getName());
        settings.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command)
                .redirectError(logDir.resolve(name + ".log").toFile())
                .start();
        return new NodeProcess(name, process);
    }

    String name() {
        return name;
    }

    /** Waits until the node printed a line starting with {@code prefix}, and returns it. */
    String awaitLine(String prefix, Duration atMost) {
        await().atMost(atMost).until(() -> line(prefix).isPresent() || !process.isAlive());
        return line(prefix).orElseThrow(() -> new AssertionError(
                name + " ended (exit " + process.exitValue() + ") without printing " + prefix + "; output: " + output));
    }

    Optional<String> line(String prefix) {
        return output.stream().filter(l -> l.startsWith(prefix)).findFirst();
    }

    /** {@code kill -9}: no shutdown hook, no finally block, no completion runs in the node. */
    Instant kill() throws InterruptedException {
        Instant killedAt = Instant.now();
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not die");
        }
        return killedAt;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
