package io.github.tencentci.camel.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where job-completion notices go when {@code CallBackType} is {@code Kafka}: {@code Operation/CallBackKafkaConfig}.
 */
@XmlType(propOrder = {
        "region", "instanceId", "topic", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CallBackKafkaConfig extends XmlExtensible {

    @XmlElement(name = "Region")
    private String region;
    @XmlElement(name = "InstanceId")
    private String instanceId;
    @XmlElement(name = "Topic")
    private String topic;

    /**
     * The CKafka region.
     *
     * @return the value, may be {@code null}
     */
    public String getRegion() {
        return region;
    }

    /**
     * @param region see {@link #getRegion()}
     */
    public void setRegion(String region) {
        this.region = region;
    }

    /**
     * The CKafka instance id.
     *
     * @return the value, may be {@code null}
     */
    public String getInstanceId() {
        return instanceId;
    }

    /**
     * @param instanceId see {@link #getInstanceId()}
     */
    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    /**
     * The topic.
     *
     * @return the value, may be {@code null}
     */
    public String getTopic() {
        return topic;
    }

    /**
     * @param topic see {@link #getTopic()}
     */
    public void setTopic(String topic) {
        this.topic = topic;
    }
}
