package io.github.tencentci.camel.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where job-completion notices go when {@code CallBackType} is {@code TDMQ}: {@code Operation/CallBackMqConfig}.
 */
@XmlType(propOrder = {
        "mqMode", "mqRegion", "mqName", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CallBackMqConfig extends XmlExtensible {

    @XmlElement(name = "MqMode")
    private String mqMode;
    @XmlElement(name = "MqRegion")
    private String mqRegion;
    @XmlElement(name = "MqName")
    private String mqName;

    /**
     * The TDMQ mode, e.g. {@code Queue}.
     *
     * @return the value, may be {@code null}
     */
    public String getMqMode() {
        return mqMode;
    }

    /**
     * @param mqMode see {@link #getMqMode()}
     */
    public void setMqMode(String mqMode) {
        this.mqMode = mqMode;
    }

    /**
     * The TDMQ region.
     *
     * @return the value, may be {@code null}
     */
    public String getMqRegion() {
        return mqRegion;
    }

    /**
     * @param mqRegion see {@link #getMqRegion()}
     */
    public void setMqRegion(String mqRegion) {
        this.mqRegion = mqRegion;
    }

    /**
     * The TDMQ queue or topic name.
     *
     * @return the value, may be {@code null}
     */
    public String getMqName() {
        return mqName;
    }

    /**
     * @param mqName see {@link #getMqName()}
     */
    public void setMqName(String mqName) {
        this.mqName = mqName;
    }
}
