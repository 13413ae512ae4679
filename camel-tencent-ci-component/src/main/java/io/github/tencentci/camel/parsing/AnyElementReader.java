package io.github.tencentci.camel.parsing;

import java.util.Arrays;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the element a StAX reader is on into a DOM {@link Element}, as JAXB builds the elements it keeps for an
 * {@code @XmlAnyElement} list: attributes, text and children preserved, comments and processing instructions
 * dropped, whitespace-only text before a child element dropped, adjacent text merged into one node.
 * <p>
 * Namespace declarations follow JAXB's DOM building too (its SAX-to-DOM serializer): the kept element declares
 * every binding in scope from {@code <JobsDetail>} down to itself, each element declares what its start tag
 * declares, and an element whose own prefix is bound only outside the job (on {@code <Response>}) declares it; a
 * declaration the DOM already has in scope is not repeated.
 * <p>
 * One per job and not thread-safe: the job's elements share a DOM document created on first use, which no other
 * job sees.
 */
final class AnyElementReader {

    private static final DocumentBuilderFactory DOM = domFactory();

    private final XMLStreamReader reader;
    private final StringBuilder text = new StringBuilder();
    private final NamespaceBindings domScope = new NamespaceBindings();
    private Document document;

    AnyElementReader(XMLStreamReader reader) {
        this.reader = reader;
    }

    /**
     * Reads the element whose start tag is the reader's current event and leaves the reader on its end tag.
     *
     * @param  inJob the bindings declared from {@code <JobsDetail>} down to (not including) this element
     * @return       the element, owned by this job's document
     */
    Element read(NamespaceBindings inJob) throws XMLStreamException {
        Document owner = document();
        domScope.reset(0);
        domScope.push("", ""); // a fresh DOM starts with the empty default namespace in scope
        Element root = startElement(owner);
        int mark = inJob.mark();
        inJob.pushDeclaredBy(reader);
        inJob.forEachInScope((prefix, uri) -> declare(root, prefix, uri));
        inJob.reset(mark);
        completeStartTag(root);

        Node parent = root;
        text.setLength(0);
        int[] marks = new int[8];
        int depth = 0;
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!isWhitespace(text)) {
                        appendText(owner, parent);
                    }
                    text.setLength(0);
                    if (depth == marks.length) {
                        marks = Arrays.copyOf(marks, depth * 2);
                    }
                    marks[depth++] = domScope.mark();
                    Element child = startElement(owner);
                    for (int i = 0, n = reader.getNamespaceCount(); i < n; i++) {
                        declare(child, reader.getNamespacePrefix(i), reader.getNamespaceURI(i));
                    }
                    completeStartTag(child);
                    parent.appendChild(child);
                    parent = child;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    appendText(owner, parent);
                    text.setLength(0);
                    if (depth == 0) {
                        return root;
                    }
                    domScope.reset(marks[--depth]);
                    parent = parent.getParentNode();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                default -> {
                    // comments and processing instructions are not kept, as with JAXB
                }
            }
        }
    }

    /**
     * A kept element of this job's document that holds just text: how a mapped element whose text does not fit its
     * field is kept (an element in no namespace, since only those are mapped).
     */
    Element textElement(String localName, String content) {
        Element element = document().createElementNS(null, localName);
        if (!content.isEmpty()) {
            element.appendChild(document.createTextNode(content));
        }
        return element;
    }

    /** Forgets the document: the next job's elements get one of their own. */
    void nextJob() {
        document = null;
    }

    private Element startElement(Document owner) {
        String namespace = emptyToNull(reader.getNamespaceURI());
        return owner.createElementNS(namespace, qualifiedName(reader.getPrefix(), reader.getLocalName()));
    }

    /** The element's own prefix if the DOM lacks it, then its attributes. */
    private void completeStartTag(Element element) {
        String namespace = reader.getNamespaceURI();
        if (namespace != null && !namespace.isEmpty()) {
            declare(element, nullToEmpty(reader.getPrefix()), namespace);
        }
        for (int i = 0, n = reader.getAttributeCount(); i < n; i++) {
            element.setAttributeNS(emptyToNull(reader.getAttributeNamespace(i)),
                    qualifiedName(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                    reader.getAttributeValue(i));
        }
    }

    private void declare(Element element, String prefix, String uri) {
        String p = nullToEmpty(prefix);
        String u = nullToEmpty(uri);
        if (p.startsWith(XMLConstants.XML_NS_PREFIX) || u.equals(domScope.uriOf(p))) {
            return;
        }
        domScope.push(p, u);
        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                p.isEmpty() ? XMLConstants.XMLNS_ATTRIBUTE : XMLConstants.XMLNS_ATTRIBUTE + ':' + p, u);
    }

    private void appendText(Document owner, Node parent) {
        if (text.length() > 0) {
            parent.appendChild(owner.createTextNode(text.toString()));
        }
    }

    private Document document() {
        if (document == null) {
            try {
                document = DOM.newDocumentBuilder().newDocument();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("The JDK's DOM builder is not available", e);
            }
        }
        return document;
    }

    private static boolean isWhitespace(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String qualifiedName(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ':' + local;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static DocumentBuilderFactory domFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory;
    }
}
