package io.github.tencentci.emulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CiEmulatorMainTest {

    @Test
    void parsesOptions() {
        CiEmulatorMain.Options options = CiEmulatorMain.Options.parse("--port", "0", "--jobs", "7", "--live",
                "--secret-id", "AKIDme", "--secret-key", "myKey");

        assertThat(options.port).isZero();
        assertThat(options.jobs).isEqualTo(7);
        assertThat(options.live).isTrue();
        assertThat(options.secretId).isEqualTo("AKIDme");
        assertThat(options.secretKey).isEqualTo("myKey");
    }

    @Test
    void makesUpCredentialsAndRefusesBadOptions() {
        assertThat(CiEmulatorMain.Options.parse().secretId).matches("AKID[A-Za-z0-9]{32}");
        assertThatThrownBy(() -> CiEmulatorMain.Options.parse("--port", "x")).hasMessageContaining("--port 'x'");
        assertThatThrownBy(() -> CiEmulatorMain.Options.parse("--jobs")).hasMessageContaining("--jobs needs a value");
        assertThatThrownBy(() -> CiEmulatorMain.Options.parse("--verbose")).hasMessageContaining("'--verbose'");
    }

    @Test
    void startsSeededAndPrintsHowToConnect() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CiEmulatorMain.Options options = CiEmulatorMain.Options.parse("--port", "0", "--jobs", "12",
                "--secret-id", CiClient.SECRET_ID, "--secret-key", CiClient.SECRET_KEY);
        try (CiEmulator emulator = CiEmulatorMain.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String out = printed.toString(StandardCharsets.UTF_8);

            assertThat(out).contains(emulator.baseUrl() + "/inventorytriggerjob", CiClient.SECRET_ID, CiClient.SECRET_KEY);
            assertThat(emulator.jobs().size()).isEqualTo(12);
            assertThat(new CiClient(emulator).list(Map.of()).statusCode()).isEqualTo(200);
        }
    }
}
