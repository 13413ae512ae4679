package io.github.tencentci.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Failed Tencent CI jobs to Kafka, as a Spring Boot application. Everything is set in {@code application.properties}
 * (or anything else Spring reads: environment variables, command line): the component through
 * {@code camel.component.tencent-ci.*} (the starter), Kafka through {@code camel.component.kafka.*}, the route's own
 * settings under {@code failedjobs.*}. Without credentials it polls the built-in emulator
 * ({@link DemoEmulatorConfiguration}).
 */
@SpringBootApplication
public class FailedJobsApplication {

    public static void main(String[] args) {
        SpringApplication.run(FailedJobsApplication.class, args);
    }
}
