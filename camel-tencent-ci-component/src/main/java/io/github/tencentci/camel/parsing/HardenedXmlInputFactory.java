package io.github.tencentci.camel.parsing;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * The one StAX factory every parser of CI responses uses: no DTDs, no external entities (XXE-safe), coalescing
 * (so an element's text comes as one event, CDATA included).
 * <p>
 * It is the JDK's built-in implementation on purpose, not whatever {@code XMLInputFactory.newInstance()} finds on
 * the class path, so that the security settings above are known to be honoured.
 */
public final class HardenedXmlInputFactory {

    private static final XMLInputFactory INSTANCE = create();

    private HardenedXmlInputFactory() {
    }

    /**
     * The shared factory. Do not change its properties: it is shared by every parser in the JVM.
     *
     * @return the hardened factory (creating readers from it is thread-safe)
     */
    public static XMLInputFactory get() {
        return INSTANCE;
    }

    private static XMLInputFactory create() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // belt and braces: even if a DTD slipped through, nothing external may be fetched
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
