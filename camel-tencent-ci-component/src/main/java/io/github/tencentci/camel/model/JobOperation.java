package io.github.tencentci.camel.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a batch job does: {@code JobsDetail/Operation}.
 */
@XmlType(propOrder = {
        "timeInterval", "workflowIds", "queueId", "queueType", "userData", "jobLevel", "tag",
        "freeTranscode", "callBack", "callBackFormat", "callBackType", "callBackMqConfig",
        "callBackKafkaConfig", "jobParam", "output", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class JobOperation extends XmlExtensible {

    @XmlElement(name = "TimeInterval")
    private TimeInterval timeInterval;
    @XmlElement(name = "WorkflowIds")
    private String workflowIds;
    @XmlElement(name = "QueueId")
    private String queueId;
    @XmlElement(name = "QueueType")
    private String queueType;
    @XmlElement(name = "UserData")
    private String userData;
    @XmlElement(name = "JobLevel")
    @XmlJavaTypeAdapter(CiIntegerAdapter.class)
    private Integer jobLevel;
    @XmlElement(name = "Tag")
    private String tag;
    @XmlElement(name = "FreeTranscode")
    private String freeTranscode;
    @XmlElement(name = "CallBack")
    private String callBack;
    @XmlElement(name = "CallBackFormat")
    private String callBackFormat;
    @XmlElement(name = "CallBackType")
    private String callBackType;
    @XmlElement(name = "CallBackMqConfig")
    private CallBackMqConfig callBackMqConfig;
    @XmlElement(name = "CallBackKafkaConfig")
    private CallBackKafkaConfig callBackKafkaConfig;
    @XmlElement(name = "JobParam")
    private JobParam jobParam;
    @XmlElement(name = "Output")
    private JobOutput output;

    /**
     * The creation-time window of the objects the job processes.
     *
     * @return the value, may be {@code null}
     */
    public TimeInterval getTimeInterval() {
        return timeInterval;
    }

    /**
     * @param timeInterval see {@link #getTimeInterval()}
     */
    public void setTimeInterval(TimeInterval timeInterval) {
        this.timeInterval = timeInterval;
    }

    /**
     * The workflow(s) the job triggers ({@code Type} {@code Workflow}).
     *
     * @return the value, may be {@code null}
     */
    public String getWorkflowIds() {
        return workflowIds;
    }

    /**
     * @param workflowIds see {@link #getWorkflowIds()}
     */
    public void setWorkflowIds(String workflowIds) {
        this.workflowIds = workflowIds;
    }

    /**
     * The queue the job runs in.
     *
     * @return the value, may be {@code null}
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
     * The kind of queue.
     *
     * @return the value, may be {@code null}
     */
    public String getQueueType() {
        return queueType;
    }

    /**
     * @param queueType see {@link #getQueueType()}
     */
    public void setQueueType(String queueType) {
        this.queueType = queueType;
    }

    /**
     * Free text given by the user at creation, passed through to callbacks.
     *
     * @return the value, may be {@code null}
     */
    public String getUserData() {
        return userData;
    }

    /**
     * @param userData see {@link #getUserData()}
     */
    public void setUserData(String userData) {
        this.userData = userData;
    }

    /**
     * The job priority (an empty element counts as absent).
     *
     * @return the priority, {@code null} if absent
     */
    public Integer getJobLevel() {
        return jobLevel;
    }

    /**
     * @param jobLevel see {@link #getJobLevel()}
     */
    public void setJobLevel(Integer jobLevel) {
        this.jobLevel = jobLevel;
    }

    /**
     * The kind of media task.
     *
     * @return the value, may be {@code null}
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
     * Whether the free transcoding quota is used, as sent.
     *
     * @return the value, may be {@code null}
     */
    public String getFreeTranscode() {
        return freeTranscode;
    }

    /**
     * @param freeTranscode see {@link #getFreeTranscode()}
     */
    public void setFreeTranscode(String freeTranscode) {
        this.freeTranscode = freeTranscode;
    }

    /**
     * The callback URL for job-completion notices.
     *
     * @return the value, may be {@code null}
     */
    public String getCallBack() {
        return callBack;
    }

    /**
     * @param callBack see {@link #getCallBack()}
     */
    public void setCallBack(String callBack) {
        this.callBack = callBack;
    }

    /**
     * The callback payload format ({@code XML} or {@code JSON}).
     *
     * @return the value, may be {@code null}
     */
    public String getCallBackFormat() {
        return callBackFormat;
    }

    /**
     * @param callBackFormat see {@link #getCallBackFormat()}
     */
    public void setCallBackFormat(String callBackFormat) {
        this.callBackFormat = callBackFormat;
    }

    /**
     * The callback channel ({@code Url}, {@code TDMQ}, {@code Kafka}).
     *
     * @return the value, may be {@code null}
     */
    public String getCallBackType() {
        return callBackType;
    }

    /**
     * @param callBackType see {@link #getCallBackType()}
     */
    public void setCallBackType(String callBackType) {
        this.callBackType = callBackType;
    }

    /**
     * The TDMQ callback settings.
     *
     * @return the value, may be {@code null}
     */
    public CallBackMqConfig getCallBackMqConfig() {
        return callBackMqConfig;
    }

    /**
     * @param callBackMqConfig see {@link #getCallBackMqConfig()}
     */
    public void setCallBackMqConfig(CallBackMqConfig callBackMqConfig) {
        this.callBackMqConfig = callBackMqConfig;
    }

    /**
     * The Kafka callback settings.
     *
     * @return the value, may be {@code null}
     */
    public CallBackKafkaConfig getCallBackKafkaConfig() {
        return callBackKafkaConfig;
    }

    /**
     * @param callBackKafkaConfig see {@link #getCallBackKafkaConfig()}
     */
    public void setCallBackKafkaConfig(CallBackKafkaConfig callBackKafkaConfig) {
        this.callBackKafkaConfig = callBackKafkaConfig;
    }

    /**
     * The job parameters.
     *
     * @return the value, may be {@code null}
     */
    public JobParam getJobParam() {
        return jobParam;
    }

    /**
     * @param jobParam see {@link #getJobParam()}
     */
    public void setJobParam(JobParam jobParam) {
        this.jobParam = jobParam;
    }

    /**
     * Where the job writes.
     *
     * @return the value, may be {@code null}
     */
    public JobOutput getOutput() {
        return output;
    }

    /**
     * @param output see {@link #getOutput()}
     */
    public void setOutput(JobOutput output) {
        this.output = output;
    }
}
