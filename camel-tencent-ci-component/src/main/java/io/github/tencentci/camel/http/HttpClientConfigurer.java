package io.github.tencentci.camel.http;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Customises the HttpClient 5 builder before the component builds its client, in the style of camel-http's
 * configurer: add interceptors, metrics, a custom DNS resolver, and so on.
 */
@FunctionalInterface
public interface HttpClientConfigurer {

    void configureHttpClient(HttpClientBuilder builder);
}
