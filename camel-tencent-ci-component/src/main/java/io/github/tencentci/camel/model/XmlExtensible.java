package io.github.tencentci.camel.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlTransient;

import org.w3c.dom.Element;

/**
 * Base of every model class: keeps the child elements the class does not map, as DOM elements, so that new API
 * fields survive a parse and a re-marshal. Each subclass lists {@code otherElements} last in its
 * {@code propOrder}, so the kept elements are written after the known ones.
 * <p>
 * In JSON (Jackson) the kept elements appear as XML strings under {@code otherElements}: Jackson renders
 * {@link org.w3c.dom.Node} values that way without any extra module.
 */
@XmlTransient
public abstract class XmlExtensible {

    @XmlAnyElement
    private List<Element> otherElements;

    /**
     * The child elements this class does not map, in document order (a live list, as usual in JAXB).
     *
     * @return the unmapped child elements, never {@code null}
     */
    public List<Element> getOtherElements() {
        if (otherElements == null) {
            otherElements = new ArrayList<>();
        }
        return otherElements;
    }

    /**
     * Finds the first unmapped child element with the given local name, e.g. a media-task block of a
     * {@link JobParam} such as {@code Transcode}.
     *
     * @param  localName the element name
     * @return           the element, if present
     */
    public Optional<Element> findOtherElement(String localName) {
        if (otherElements == null) {
            return Optional.empty();
        }
        return otherElements.stream().filter(e -> localName.equals(localNameOf(e))).findFirst();
    }

    private static String localNameOf(Element element) {
        // null only for elements of a DOM built without namespace awareness
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
