package io.github.tencentci.camel.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Test fixtures (under src/test/resources/io/github/tencentci/camel/parsing) and XML helpers. */
public final class XmlFixtures {

    private static final String DIR = "/io/github/tencentci/camel/parsing/";
    private static final JAXBContext CONTEXT = context();

    private XmlFixtures() {
    }

    public static String text(String fixture) {
        try (InputStream in = XmlFixtures.class.getResourceAsStream(DIR + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static JobsDetail unmarshal(String xml) {
        try {
            return (JobsDetail) CONTEXT.createUnmarshaller().unmarshal(new StringReader(xml));
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String marshal(JobsDetail job) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            StringWriter out = new StringWriter();
            marshaller.marshal(job, out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document with whitespace-only text dropped, so that indentation does not count in comparisons. */
    public static Document canonical(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            dropWhitespace(document.getDocumentElement());
            document.normalizeDocument();
            return document;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean sameXml(String a, String b) {
        return canonical(a).getDocumentElement().isEqualNode(canonical(b).getDocumentElement());
    }

    public static String xpath(String xml, String expression) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(expression, canonical(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static int count(String xml, String expression) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(expression, canonical(xml), XPathConstants.NODESET)).getLength();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void dropWhitespace(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else {
                dropWhitespace(child);
            }
            child = next;
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(JobsDetail.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
