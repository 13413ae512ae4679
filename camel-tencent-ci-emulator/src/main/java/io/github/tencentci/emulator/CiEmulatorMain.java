package io.github.tencentci.emulator;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link CiEmulator} from the command line until the process is killed:
 * <pre>
 * java -jar camel-tencent-ci-emulator.jar [--port 8080] [--jobs 20] [--live] [--secret-id ID] [--secret-key KEY]
 * </pre>
 * It prints its URL and the key pair to sign with. Without {@code --secret-id}/{@code --secret-key} it makes up a
 * pair: this is a local fake, and printing its own credentials is how a user learns them.
 */
public final class CiEmulatorMain {

    static final String USAGE = "usage: java -jar camel-tencent-ci-emulator.jar [--port 8080] [--jobs 20] [--live]"
            + " [--secret-id ID] [--secret-key KEY]";

    private CiEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // the command line's logger is slf4j-simple (target/lib): times on its lines, unless the user set otherwise
        System.setProperty("org.slf4j.simpleLogger.showDateTime",
                System.getProperty("org.slf4j.simpleLogger.showDateTime", "true"));
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat",
                System.getProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS"));
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(USAGE);
            return;
        }
        CiEmulator emulator = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "ci-emulator-shutdown"));
        stopped.await();
    }

    /** Starts the emulator the options describe and prints how to reach it. */
    static CiEmulator start(Options options, PrintStream out) {
        CiEmulator emulator = CiEmulator.builder()
                .port(options.port)
                .credentials(options.secretId, options.secretKey)
                .start();
        emulator.jobs().seed(options.jobs, 42L);
        if (options.live) {
            emulator.startLiveMode(LiveMode.defaults());
        }
        out.println("Tencent CI emulator: " + emulator.baseUrl() + EmulatorHandler.LISTING_PATH);
        out.println("secretId:  " + options.secretId);
        out.println("secretKey: " + options.secretKey);
        out.println(options.jobs + " jobs" + (options.live ? ", live mode" : "") + "; stop with Ctrl-C");
        return emulator;
    }

    /** The parsed command line. */
    static final class Options {
        int port = 8080;
        int jobs = 20;
        boolean live;
        boolean help;
        String secretId = "AKID" + randomText(32);
        String secretKey = randomText(32);

        static Options parse(String... args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> options.port = CommandLineArguments.number(args, ++i, "--port", 0, 65535);
                    case "--jobs" -> options.jobs = CommandLineArguments.number(args, ++i, "--jobs", 0, 1_000_000);
                    case "--live" -> options.live = true;
                    case "--secret-id" -> options.secretId = CommandLineArguments.value(args, ++i, "--secret-id");
                    case "--secret-key" -> options.secretKey = CommandLineArguments.value(args, ++i, "--secret-key");
                    case "--help", "-h" -> options.help = true;
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            return options;
        }

        private static String randomText(int length) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            SecureRandom random = new SecureRandom();
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return sb.toString();
        }
    }
}
