package io.github.tencentci.camel.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a batch job writes: {@code Operation/Output}.
 */
@XmlType(propOrder = {
        "region", "bucket", "object", "spriteObject", "auObject", "bassObject", "drumObject",
        "streamExtract", "force", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class JobOutput extends XmlExtensible {

    @XmlElement(name = "Region")
    private String region;
    @XmlElement(name = "Bucket")
    private String bucket;
    @XmlElement(name = "Object")
    private String object;
    @XmlElement(name = "SpriteObject")
    private String spriteObject;
    @XmlElement(name = "AuObject")
    private String auObject;
    @XmlElement(name = "BassObject")
    private String bassObject;
    @XmlElement(name = "DrumObject")
    private String drumObject;
    @XmlElement(name = "StreamExtract")
    private List<StreamExtract> streamExtract;
    @XmlElement(name = "Force")
    private String force;

    /**
     * The region of the output bucket.
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
     * The output bucket.
     *
     * @return the value, may be {@code null}
     */
    public String getBucket() {
        return bucket;
    }

    /**
     * @param bucket see {@link #getBucket()}
     */
    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    /**
     * The output object key (may hold placeholders such as <code>${InventoryTriggerJobId}</code>).
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

    /**
     * The output key of sprite images.
     *
     * @return the value, may be {@code null}
     */
    public String getSpriteObject() {
        return spriteObject;
    }

    /**
     * @param spriteObject see {@link #getSpriteObject()}
     */
    public void setSpriteObject(String spriteObject) {
        this.spriteObject = spriteObject;
    }

    /**
     * The output key of the separated audio.
     *
     * @return the value, may be {@code null}
     */
    public String getAuObject() {
        return auObject;
    }

    /**
     * @param auObject see {@link #getAuObject()}
     */
    public void setAuObject(String auObject) {
        this.auObject = auObject;
    }

    /**
     * The output key of the separated bass track.
     *
     * @return the value, may be {@code null}
     */
    public String getBassObject() {
        return bassObject;
    }

    /**
     * @param bassObject see {@link #getBassObject()}
     */
    public void setBassObject(String bassObject) {
        this.bassObject = bassObject;
    }

    /**
     * The output key of the separated drum track.
     *
     * @return the value, may be {@code null}
     */
    public String getDrumObject() {
        return drumObject;
    }

    /**
     * @param drumObject see {@link #getDrumObject()}
     */
    public void setDrumObject(String drumObject) {
        this.drumObject = drumObject;
    }

    /**
     * The stream-extraction outputs (repeated element; a live list, as usual in JAXB).
     *
     * @return the values in document order, never {@code null}
     */
    public List<StreamExtract> getStreamExtract() {
        if (streamExtract == null) {
            streamExtract = new ArrayList<>();
        }
        return streamExtract;
    }

    /**
     * Whether the output format is forced ({@code true}/{@code false}, as sent).
     *
     * @return the value, may be {@code null}
     */
    public String getForce() {
        return force;
    }

    /**
     * @param force see {@link #getForce()}
     */
    public void setForce(String force) {
        this.force = force;
    }
}
