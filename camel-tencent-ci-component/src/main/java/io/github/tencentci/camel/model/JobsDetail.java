package io.github.tencentci.camel.model;

import java.time.OffsetDateTime;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One batch job (or workflow run) as listed by {@code GET /inventorytriggerjob}: the body of each Exchange of the
 * {@code tencent-ci:jobs} consumer.
 * <p>
 * {@code getBody(String.class)} gives the job's XML (camel-jaxb), {@code marshal().json()} gives JSON with the
 * times as ISO-8601 strings.
 */
@XmlRootElement(name = "JobsDetail")
@XmlType(propOrder = {
        "code", "message", "type", "name", "jobId", "state", "tag", "progress", "queueId",
        "creationTime", "startTime", "endTime", "input", "operation", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class JobsDetail extends XmlExtensible {

    @XmlElement(name = "Code")
    private String code;
    @XmlElement(name = "Message")
    private String message;
    @XmlElement(name = "Type")
    private String type;
    @XmlElement(name = "Name")
    private String name;
    @XmlElement(name = "JobId")
    private String jobId;
    @XmlElement(name = "State")
    private String state;
    @XmlElement(name = "Tag")
    private String tag;
    @XmlElement(name = "Progress")
    private String progress;
    @XmlElement(name = "QueueId")
    private String queueId;
    @XmlElement(name = "CreationTime")
    private OffsetDateTime creationTime;
    @XmlElement(name = "StartTime")
    private OffsetDateTime startTime;
    @XmlElement(name = "EndTime")
    private OffsetDateTime endTime;
    @XmlElement(name = "Input")
    private JobInput input;
    @XmlElement(name = "Operation")
    private JobOperation operation;

    /**
     * Error code when {@link #getState()} is {@code Failed}; successful jobs carry {@code Success}.
     *
     * @return the code, may be {@code null}
     */
    public String getCode() {
        return code;
    }

    /**
     * @param code see {@link #getCode()}
     */
    public void setCode(String code) {
        this.code = code;
    }

    /**
     * Error message when {@link #getState()} is {@code Failed}; usually empty otherwise.
     *
     * @return the message, may be {@code null} or empty
     */
    public String getMessage() {
        return message;
    }

    /**
     * @param message see {@link #getMessage()}
     */
    public void setMessage(String message) {
        this.message = message;
    }

    /**
     * The kind of batch job: {@code Workflow} or {@code Job}.
     *
     * @return the type, may be {@code null}
     */
    public String getType() {
        return type;
    }

    /**
     * @param type see {@link #getType()}
     */
    public void setType(String type) {
        this.type = type;
    }

    /**
     * The name given to the batch job when it was created.
     *
     * @return the name, may be {@code null}
     */
    public String getName() {
        return name;
    }

    /**
     * @param name see {@link #getName()}
     */
    public void setName(String name) {
        this.name = name;
    }

    /**
     * The batch job's id, e.g. {@code b3deffea2f84911ec9cb15254008618d9}.
     *
     * @return the id, may be {@code null}
     */
    public String getJobId() {
        return jobId;
    }

    /**
     * @param jobId see {@link #getJobId()}
     */
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    /**
     * The state: {@code Submitted}, {@code Running}, {@code Success}, {@code Failed}, {@code Pause} or
     * {@code Cancel}.
     *
     * @return the state, may be {@code null}
     */
    public String getState() {
        return state;
    }

    /**
     * @param state see {@link #getState()}
     */
    public void setState(String state) {
        this.state = state;
    }

    /**
     * The job's tag (the kind of media task).
     *
     * @return the tag, may be {@code null}
     */
    public String getTag() {
        return tag;
    }

    /**
     * @param tag see {@link #getTag()}
     */
    public void setTag(String tag) {
        this.tag = tag;
    }

    /**
     * The progress as the API reports it (free text, e.g. a percentage).
     *
     * @return the progress, may be {@code null}
     */
    public String getProgress() {
        return progress;
    }

    /**
     * @param progress see {@link #getProgress()}
     */
    public void setProgress(String progress) {
        this.progress = progress;
    }

    /**
     * The queue the job runs in.
     *
     * @return the queue id, may be {@code null}
     */
    public String getQueueId() {
        return queueId;
    }

    /**
     * @param queueId see {@link #getQueueId()}
     */
    public void setQueueId(String queueId) {
        this.queueId = queueId;
    }

    /**
     * When the job was created.
     *
     * @return the creation time, {@code null} if absent
     */
    @JsonIgnore
    public OffsetDateTime getCreationTime() {
        return creationTime;
    }

    /**
     * @param creationTime see {@link #getCreationTime()}
     */
    public void setCreationTime(OffsetDateTime creationTime) {
        this.creationTime = creationTime;
    }

    /**
     * When the job started.
     *
     * @return the start time, {@code null} if the job has not started (the API sends {@code -})
     */
    @JsonIgnore
    public OffsetDateTime getStartTime() {
        return startTime;
    }

    /**
     * @param startTime see {@link #getStartTime()}
     */
    public void setStartTime(OffsetDateTime startTime) {
        this.startTime = startTime;
    }

    /**
     * When the job ended.
     *
     * @return the end time, {@code null} if the job has not ended (the API sends {@code -})
     */
    @JsonIgnore
    public OffsetDateTime getEndTime() {
        return endTime;
    }

    /**
     * @param endTime see {@link #getEndTime()}
     */
    public void setEndTime(OffsetDateTime endTime) {
        this.endTime = endTime;
    }

    /**
     * What the job reads.
     *
     * @return the input, may be {@code null}
     */
    public JobInput getInput() {
        return input;
    }

    /**
     * @param input see {@link #getInput()}
     */
    public void setInput(JobInput input) {
        this.input = input;
    }

    /**
     * What the job does and where it writes.
     *
     * @return the operation, may be {@code null}
     */
    public JobOperation getOperation() {
        return operation;
    }

    /**
     * @param operation see {@link #getOperation()}
     */
    public void setOperation(JobOperation operation) {
        this.operation = operation;
    }

    // Jackson views of the times: ISO strings, so that no jackson-datatype-jsr310 module is needed.

    @JsonProperty("creationTime")
    private String creationTimeIso() {
        return CiTimeFormat.formatIso(creationTime);
    }

    @JsonProperty("startTime")
    private String startTimeIso() {
        return CiTimeFormat.formatIso(startTime);
    }

    @JsonProperty("endTime")
    private String endTimeIso() {
        return CiTimeFormat.formatIso(endTime);
    }

    @Override
    public String toString() {
        return "JobsDetail[jobId=" + jobId + ", type=" + type + ", state=" + state + ", name=" + name
               + ", creationTime=" + CiTimeFormat.format(creationTime) + "]";
    }
}
