package io.github.tencentci.camel;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The endpoint options the classes declare now, read from their annotations: what the generated metadata and URI
 * factory must list, no more and no less.
 */
final class DeclaredOptions {

    private DeclaredOptions() {
    }

    /**
     * The {@code @UriPath} and {@code @UriParam} fields of {@link TencentCiEndpoint} and its superclasses, nested
     * {@code @UriParams} beans followed.
     */
    static Set<String> ofEndpoint() {
        Set<String> options = new TreeSet<>();
        for (Class<?> type = TencentCiEndpoint.class; type != Object.class; type = type.getSuperclass()) {
            collect(type, options);
        }
        return options;
    }

    private static void collect(Class<?> type, Set<String> into) {
        for (Field field : type.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            UriPath path = field.getAnnotation(UriPath.class);
            if (param != null && field.getType().isAnnotationPresent(UriParams.class)) {
                for (Class<?> nested = field.getType(); nested != Object.class; nested = nested.getSuperclass()) {
                    collect(nested, into);
                }
            } else if (param != null) {
                into.add(param.name().isEmpty() ? field.getName() : param.name());
            } else if (path != null) {
                into.add(path.name().isEmpty() ? field.getName() : path.name());
            }
        }
    }
}
