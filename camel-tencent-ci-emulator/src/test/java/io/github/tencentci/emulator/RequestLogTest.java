package io.github.tencentci.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.tencentci.emulator.CiClient.SECRET_ID;
import static io.github.tencentci.emulator.CiClient.SECRET_KEY;
import static io.github.tencentci.emulator.CiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest {

    @Test
    void recordsEveryRequestWithItsAnswer() {
        Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        try (CiEmulator emulator = CiEmulator.builder().credentials(SECRET_ID, SECRET_KEY).clock(fixed).start()) {
            CiClient client = new CiClient(emulator);
            RequestLog log = emulator.requests();

            client.list(params("size", "5", "name", "a b"));
            client.list(params("size", "0"));
            client.get("/inventorytriggerjob", Map.of(), null);

            assertThat(log.count()).isEqualTo(3);
            RecordedRequest ok = log.all().get(0);
            assertThat(ok.method()).isEqualTo("GET");
            assertThat(ok.path()).isEqualTo("/inventorytriggerjob");
            assertThat(ok.rawQuery()).isEqualTo("size=5&name=a%20b");
            assertThat(ok.params()).containsExactly(Map.entry("size", "5"), Map.entry("name", "a b"));
            assertThat(ok.headers()).containsKeys("host", "authorization");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.errorCode()).isNull();
            assertThat(ok.time()).isEqualTo(fixed.instant());
            assertThat(ok.requestId()).isNotBlank();
            assertThat(log.all().get(1).status()).isEqualTo(400);
            assertThat(log.all().get(1).errorCode()).isEqualTo("InvalidArgument");
            assertThat(log.last().errorCode()).isEqualTo("MissingAuthorization");
            assertThat(log.last().toString()).isEqualTo("GET /inventorytriggerjob -> 401 MissingAuthorization");
            assertThat(log.all().get(0).toString()).doesNotContain("q-signature");

            log.clear();
            assertThat(log.count()).isZero();
            assertThat(log.last()).isNull();
        }
    }
}
