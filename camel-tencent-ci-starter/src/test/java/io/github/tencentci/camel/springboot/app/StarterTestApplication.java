package io.github.tencentci.camel.springboot.app;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The smallest application using the starter: one route whose URI carries no connection option, so everything it
 * knows about Tencent CI comes from {@code camel.component.tencent-ci.*}.
 */
@SpringBootApplication
public class StarterTestApplication {

    @Bean
    RouteBuilder jobsRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("tencent-ci:jobs?initialDelay=0&delay=100").routeId("jobs").to("mock:jobs");
            }
        };
    }
}
