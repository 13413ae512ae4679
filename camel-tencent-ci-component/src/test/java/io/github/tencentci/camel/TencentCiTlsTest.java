package io.github.tencentci.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import io.github.tencentci.emulator.CiEmulator;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTPS to an emulator with a self-signed certificate (made with the JDK's keytool): trusted through
 * {@code sslContextParameters} the listing works; without it the handshake is refused and reported, never bypassed.
 */
class TencentCiTlsTest extends EmulatorTestSupport {

    private static final String PASSWORD = "changeit";
    private Path keyStore;

    @Override
    protected void doPreSetup() throws Exception {
        keyStore = Files.createTempDirectory("ci-tls").resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ci", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        emulator = CiEmulator.builder().strictSigning(true).port(0).credentials(SECRET_ID, SECRET_KEY).tls(tls).start();
    }

    @Test
    void listsOverHttpsWhenTheCertificateIsTrustedThroughSslContextParameters() throws Exception {
        KeyStoreParameters trusted = new KeyStoreParameters();
        trusted.setResource("file:" + keyStore);
        trusted.setPassword(PASSWORD);
        trusted.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trusted);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        context.getRegistry().bind("ciTls", ssl);
        addJobs(2, "Failed");

        assertThat(emulator.baseUrl()).startsWith("https://");
        startRoute(jobsUri("sslContextParameters=#ciTls"));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:jobs").getReceivedCounter() == 2);
        assertThat(takeRequest().status()).isEqualTo(200);
    }

    @Test
    void anUntrustedCertificateFailsThePollWithTheHandshakeError() throws Exception {
        addJobs(1, "Failed");
        startBridgedRoute(jobsUri("bridgeErrorHandler=true"));

        await().atMost(Duration.ofSeconds(10)).until(() -> getMockEndpoint("mock:errors").getReceivedCounter() >= 1);
        Throwable cause = getMockEndpoint("mock:errors").getReceivedExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(cause).isInstanceOf(SSLHandshakeException.class);
        assertThat(getMockEndpoint("mock:jobs").getReceivedCounter()).isZero();
        assertThat(emulator.requests().count()).isZero();
    }
}
