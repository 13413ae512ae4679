package io.github.tencentci.camel.springboot;

import io.github.tencentci.camel.TencentCiComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Copies the {@code camel.component.tencent-ci.*} properties onto the {@code tencent-ci} component when Camel creates
 * it. Written by hand in the shape of the auto-configurations camel-spring-boot generates for Camel's own components
 * (its generator only serves {@code org.apache.camel} artifacts); switched off with
 * {@code camel.component.tencent-ci.enabled=false} or, for the customizer alone,
 * {@code camel.component.tencent-ci.customizer.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, TencentCiComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.tencent-ci" })
@AutoConfigureAfter({ CamelAutoConfiguration.class, TencentCiComponentConverter.class })
public class TencentCiComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final TencentCiComponentConfiguration configuration;

    public TencentCiComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                               TencentCiComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureTencentCiComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                // only the properties that are set (non-null) are copied, through the component's generated configurer
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.tencent-ci.customizer")
                       && target instanceof TencentCiComponent;
            }
        };
    }
}
