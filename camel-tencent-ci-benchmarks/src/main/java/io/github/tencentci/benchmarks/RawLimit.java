package io.github.tencentci.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.stax.WstxInputFactory;
import io.github.tencentci.camel.signing.CosPercentEncoder;
import io.github.tencentci.camel.signing.CosSigner;
import io.github.tencentci.camel.signing.TencentCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * The raw limit: HttpClient 5 and a bare StAX walk over the same pages, no Camel, no binding, nothing kept. Jobs are
 * counted by their {@code <JobsDetail>} start tags; only {@code NextToken} is read as text.
 * <p>
 * The StAX parser is named, not looked up: {@code XMLInputFactory.newFactory()} would find Woodstox, which the
 * component brings onto the class path, and silently move the limit the targets are stated against (issue 15 measured
 * it on the JDK's parser). {@link #jdk()} is that limit; {@link #woodstox()} is the same walk on the component's
 * parser, to tell what the parser gains from what the component's own work costs.
 */
final class RawLimit implements Contender {

    private final XMLInputFactory xml;
    private final String parserName;
    private final CosSigner signer = new CosSigner();
    private final Runnable perJob;
    private CloseableHttpClient http;

    /** The raw limit of issue 15: the JDK's built-in StAX parser. */
    static RawLimit jdk() {
        return jdk(() -> {
        });
    }

    /** @param perJob called on every {@code <JobsDetail>} start tag, on the reading thread */
    static RawLimit jdk(Runnable perJob) {
        return new RawLimit(XMLInputFactory.newDefaultFactory(), "StAX", perJob);
    }

    /** The same walk on Woodstox, the parser the component uses. */
    static RawLimit woodstox() {
        return new RawLimit(new WstxInputFactory(), "Woodstox", () -> {
        });
    }

    private RawLimit(XMLInputFactory xml, String parserName, Runnable perJob) {
        this.xml = xml;
        this.parserName = parserName;
        this.perJob = perJob;
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    }

    @Override
    public String name() {
        return "raw limit (HttpClient 5 + " + parserName + ")";
    }

    @Override
    public void prepare(ListingService service) {
        http = HttpClients.createDefault();
    }

    @Override
    public long readAll(ListingService service) throws IOException {
        TencentCredentials credentials = new TencentCredentials(service.secretId(), service.secretKey());
        Map<String, String> host = Map.of("host", service.hostAndPort());
        long jobs = 0;
        String token = null;
        do {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("size", Integer.toString(service.pageSize()));
            if (token != null) {
                params.put("nextToken", token);
            }
            StringBuilder uri = new StringBuilder(service.baseUrl()).append(ListingService.PATH);
            char separator = '?';
            for (Map.Entry<String, String> p : params.entrySet()) {
                uri.append(separator).append(p.getKey()).append('=').append(CosPercentEncoder.encode(p.getValue()));
                separator = '&';
            }
            HttpGet get = new HttpGet(URI.create(uri.toString()));
            get.setHeader("Authorization", signer.authorization(credentials, "GET", ListingService.PATH, params, host));
            Page page = http.execute(get, response -> {
                if (response.getCode() != 200) {
                    throw new IOException("HTTP " + response.getCode());
                }
                try (InputStream body = response.getEntity().getContent()) {
                    return walk(body);
                }
            });
            jobs += page.jobs;
            token = page.nextToken.isEmpty() ? null : page.nextToken;
        } while (token != null);
        return jobs;
    }

    private Page walk(InputStream body) throws IOException {
        try {
            XMLStreamReader reader = xml.createXMLStreamReader(body);
            int jobs = 0;
            String next = "";
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if ("JobsDetail".equals(name)) {
                        jobs++;
                        perJob.run();
                    } else if ("NextToken".equals(name)) {
                        next = reader.getElementText().strip();
                    }
                }
            }
            reader.close();
            return new Page(jobs, next);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private record Page(int jobs, String nextToken) {
    }
}
