package io.github.tencentci.camel.parsing;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The one StAX factory every parser of CI responses uses: no DTDs, no external entities (XXE-safe), coalescing
 * (so an element's text comes as one event, CDATA included), namespace-aware.
 * <p>
 * It is Woodstox, named here rather than found by {@code XMLInputFactory.newInstance()}, so that the settings below
 * are known to be honoured whatever else is on the class path. Woodstox rather than the JDK's built-in parser
 * because reading the listing is most of the consumer's work: on a page of 100 jobs the whole binder on Woodstox
 * costs what a bare walk over the page costs on the JDK's parser, and makes a sixth less garbage
 * ({@code docs/performance.md}, issue 15). Camel itself builds on the same version.
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
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // belt and braces: even if a DTD or an entity slipped through, nothing external may be fetched
        XMLResolver refuse = (publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed in a CI response: " + systemId);
        };
        factory.setXMLResolver(refuse);
        factory.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
        factory.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
        return factory;
    }
}
