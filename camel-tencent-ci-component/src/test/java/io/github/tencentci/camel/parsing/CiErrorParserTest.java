package io.github.tencentci.camel.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.tencentci.camel.model.XmlFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

class CiErrorParserTest {

    private final CiErrorParser parser = new CiErrorParser();

    @Test
    void readsAllFourFields() {
        CiError error = parser.parse(stream("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n"
                                            + "  <Code>SlowDown</Code>\n  <Message>Please reduce your request rate.</Message>\n"
                                            + "  <RequestId>NjJiZDU1ZmZf</RequestId>\n  <TraceId>OGVmYzZiMmQ3</TraceId>\n</Error>"));

        assertThat(error).isEqualTo(new CiError("SlowDown", "Please reduce your request rate.", "NjJiZDU1ZmZf",
                "OGVmYzZiMmQ3"));
    }

    @Test
    void missingOrEmptyFieldsAreNullAndUnknownOnesIgnored() {
        CiError error = parser.parse(stream("<Error><Resource>/x</Resource><Code>AccessDenied</Code><Message/>"
                                            + "<Detail><Code>nested, not the error code</Code></Detail></Error>"));

        assertThat(error).isEqualTo(new CiError("AccessDenied", null, null, null));
    }

    @Test
    void aTruncatedBodyKeepsWhatCameBeforeTheCut() {
        CiError error = parser.parse(stream("<Error><Code>InternalError</Code><RequestId>r-1</RequestId><Mess"));

        assertThat(error).isEqualTo(new CiError("InternalError", null, "r-1", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "Bad Gateway",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "{\"Code\":\"SlowDown\"}",
            "<Error><Code>x</Error>" })
    void garbageGivesNoFieldsRatherThanAnException(String body) {
        CiError error = parser.parse(stream(body));

        assertThat(error).isEqualTo(CiError.empty());
    }

    @Test
    void nullOrFailingStreamGivesAnEmptyError() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThat(parser.parse(null)).isEqualTo(CiError.empty());
        assertThat(parser.parse(failing)).isEqualTo(CiError.empty());
        assertThat(parser.parse(new ByteArrayInputStream(new byte[] { (byte) 0xff, (byte) 0xfe, 0, 0 })))
                .isEqualTo(CiError.empty());
    }

    @Test
    void externalEntitiesNeverLeakFileContent(@TempDir Path dir) throws Exception {
        String marker = "SECRET-MARKER-c41d";
        Path secret = Files.writeString(dir.resolve("secret.txt"), marker, StandardCharsets.UTF_8);

        CiError error = parser.parse(stream("<!DOCTYPE Error [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                                            + "<Error><Code>&xxe;</Code><Message>m &xxe;</Message></Error>"));

        assertThat(error.toString()).doesNotContain(marker);
    }
}
