package io.github.tencentci.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.xml.bind.JAXBContext;

import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.signing.CosPercentEncoder;
import io.github.tencentci.camel.signing.CosSigner;
import io.github.tencentci.camel.signing.TencentCredentials;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.converter.jaxb.JaxbDataFormat;
import org.apache.camel.language.xpath.XPathBuilder;

/**
 * What a user would write without the component: {@code timer → http (a signing processor) → split(xpath) →
 * unmarshal(jaxb)}, looping over {@code NextToken}. The signing processor is the component's signer (the cheapest
 * a user could get), and JAXB binds into the same model, so the difference is the route's shape, not the parts.
 */
final class HandWrittenRoute implements Contender {

    private static final String MORE = "morePages";
    private static final String TOKEN = "nextToken";

    private RouteRun run;

    @Override
    public String name() {
        return "hand-written route (timer, http, split(xpath), jaxb)";
    }

    @Override
    public void prepare(ListingService service) throws Exception {
        CosSigner signer = new CosSigner();
        TencentCredentials credentials = new TencentCredentials(service.secretId(), service.secretKey());
        JaxbDataFormat jaxb = new JaxbDataFormat(JAXBContext.newInstance(JobsDetail.class));
        String http = service.baseUrl() + ListingService.PATH;
        run = new RouteRun((routes, sink) -> routes.from("timer:ci-jobs?repeatCount=1&delay=0")
                .routeId(RouteRun.ROUTE_ID).autoStartup(false)
                .setProperty(MORE, routes.constant(true))
                .loopDoWhile(routes.exchangeProperty(MORE))
                    .process(exchange -> sign(exchange, service, signer, credentials))
                    .to(http)
                    .convertBodyTo(String.class)
                    .setProperty(TOKEN, XPathBuilder.xpath("/Response/NextToken/text()", String.class))
                    .process(exchange -> exchange.setProperty(MORE,
                            !exchange.getProperty(TOKEN, "", String.class).isBlank()))
                    .split(XPathBuilder.xpath("/Response/JobsDetail"))
                        .unmarshal(jaxb)
                        .process(sink)
                    .end()
                .end());
    }

    private static void sign(Exchange exchange, ListingService service, CosSigner signer, TencentCredentials credentials) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("size", Integer.toString(service.pageSize()));
        String token = exchange.getProperty(TOKEN, String.class);
        if (token != null && !token.isBlank()) {
            params.put("nextToken", token);
        }
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                .append(CosPercentEncoder.encode(v)));
        Message message = exchange.getMessage();
        message.removeHeaders("*"); // the last page's response headers would otherwise be sent as request headers
        message.setBody(null); // a body would turn the GET into a POST
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        message.setHeader(Exchange.HTTP_QUERY, query.toString());
        message.setHeader("Authorization", signer.authorization(credentials, "GET", ListingService.PATH, params,
                Map.of("host", service.hostAndPort())));
    }

    @Override
    public long readAll(ListingService service) throws Exception {
        return run.runUntil(service.jobs(), Duration.ofMinutes(30));
    }

    @Override
    public void close() {
        run.close();
    }
}
