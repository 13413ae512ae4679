package io.github.tencentci.camel.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.tencentci.camel.TencentCiConfiguration;
import io.github.tencentci.camel.http.HttpClientConfigurer;
import io.github.tencentci.camel.signing.TencentCredentialsProvider;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Lets {@code application.properties} name a Spring bean for the component's object options:
 * {@code camel.component.tencent-ci.credentials-provider=#bean:stsCredentials} (or {@code #stsCredentials}). A value
 * without the leading {@code #} is left to Spring's other converters.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class TencentCiComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public TencentCiComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    /** Every object-typed option of {@link TencentCiComponentConfiguration}. */
    static final Set<Class<?>> BEAN_TYPES = Set.of(TencentCiConfiguration.class, TencentCredentialsProvider.class,
            HttpClientConfigurer.class, CloseableHttpClient.class, SSLContextParameters.class);

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> pairs = new LinkedHashSet<>();
        BEAN_TYPES.forEach(type -> pairs.add(new ConvertiblePair(String.class, type)));
        return pairs;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            return null;
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
