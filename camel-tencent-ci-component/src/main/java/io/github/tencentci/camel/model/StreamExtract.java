package io.github.tencentci.camel.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One stream-extraction output of a job: {@code Output/StreamExtract}.
 */
@XmlType(propOrder = {
        "index", "object", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class StreamExtract extends XmlExtensible {

    @XmlElement(name = "Index")
    private String index;
    @XmlElement(name = "Object")
    private String object;

    /**
     * The index of the extracted stream.
     *
     * @return the value, may be {@code null}
     */
    public String getIndex() {
        return index;
    }

    /**
     * @param index see {@link #getIndex()}
     */
    public void setIndex(String index) {
        this.index = index;
    }

    /**
     * The object key the stream is written to.
     *
     * @return the value, may be {@code null}
     */
    public String getObject() {
        return object;
    }

    /**
     * @param object see {@link #getObject()}
     */
    public void setObject(String object) {
        this.object = object;
    }
}
