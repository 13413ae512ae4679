package io.github.tencentci.camel.parsing;

import java.util.Arrays;
import java.util.function.BiConsumer;

import javax.xml.stream.XMLStreamReader;

/**
 * A stack of namespace prefix bindings ({@code ""} is the default namespace): pushed per element, cut back to a
 * {@link #mark()} when the element ends. Lookups scan from the innermost binding; a CI response declares no
 * namespaces at all, so the stack is practically always empty and costs nothing.
 */
final class NamespaceBindings {

    private String[] pairs = new String[8]; // prefix, uri, prefix, uri, ...
    private int size;

    /** @return the current depth of the stack, for {@link #reset(int)} */
    int mark() {
        return size;
    }

    /** Drops every binding pushed since {@code mark}. */
    void reset(int mark) {
        Arrays.fill(pairs, mark, size, null);
        size = mark;
    }

    /** Pushes a binding; a {@code null} prefix or URI counts as {@code ""}. */
    void push(String prefix, String uri) {
        if (size == pairs.length) {
            pairs = Arrays.copyOf(pairs, size * 2);
        }
        pairs[size++] = prefix == null ? "" : prefix;
        pairs[size++] = uri == null ? "" : uri;
    }

    /** Pushes the bindings the reader's current start tag declares. */
    void pushDeclaredBy(XMLStreamReader reader) {
        for (int i = 0, n = reader.getNamespaceCount(); i < n; i++) {
            push(reader.getNamespacePrefix(i), reader.getNamespaceURI(i));
        }
    }

    /** @return the URI the prefix is bound to, {@code null} if it is not bound here */
    String uriOf(String prefix) {
        for (int i = size - 2; i >= 0; i -= 2) {
            if (pairs[i].equals(prefix)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    /**
     * Calls the action once per bound prefix with its innermost binding.
     *
     * @param action receives prefix and URI
     */
    void forEachInScope(BiConsumer<String, String> action) {
        for (int i = size - 2; i >= 0; i -= 2) {
            String prefix = pairs[i];
            if (innermostIndexOf(prefix) == i) {
                action.accept(prefix, pairs[i + 1]);
            }
        }
    }

    private int innermostIndexOf(String prefix) {
        for (int i = size - 2; i >= 0; i -= 2) {
            if (pairs[i].equals(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
