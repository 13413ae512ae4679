package io.github.tencentci.camel.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The parameters of a batch job: {@code Operation/JobParam}.
 * <p>
 * Besides the template ids, the API sends one block per media-task kind (Transcode, Snapshot, Animation, ...), an
 * open-ended set that grows with the product; those blocks are kept as DOM elements, see
 * {@link #findOtherElement(String)}.
 */
@XmlType(propOrder = {
        "templateId", "watermarkTemplateId", "transcodeTemplateId", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class JobParam extends XmlExtensible {

    @XmlElement(name = "TemplateId")
    private String templateId;
    @XmlElement(name = "WatermarkTemplateId")
    private List<String> watermarkTemplateId;
    @XmlElement(name = "TranscodeTemplateId")
    private String transcodeTemplateId;

    /**
     * The id of the template the job applies.
     *
     * @return the value, may be {@code null}
     */
    public String getTemplateId() {
        return templateId;
    }

    /**
     * @param templateId see {@link #getTemplateId()}
     */
    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    /**
     * The ids of the watermark templates (repeated element; a live list, as usual in JAXB).
     *
     * @return the values in document order, never {@code null}
     */
    public List<String> getWatermarkTemplateId() {
        if (watermarkTemplateId == null) {
            watermarkTemplateId = new ArrayList<>();
        }
        return watermarkTemplateId;
    }

    /**
     * The id of the transcoding template.
     *
     * @return the value, may be {@code null}
     */
    public String getTranscodeTemplateId() {
        return transcodeTemplateId;
    }

    /**
     * @param transcodeTemplateId see {@link #getTranscodeTemplateId()}
     */
    public void setTranscodeTemplateId(String transcodeTemplateId) {
        this.transcodeTemplateId = transcodeTemplateId;
    }
}
