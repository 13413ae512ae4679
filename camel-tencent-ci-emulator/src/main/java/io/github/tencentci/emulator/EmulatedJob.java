package io.github.tencentci.emulator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One batch job as the emulator serves it: an immutable value rendered as one {@code <JobsDetail>} element.
 * <p>
 * Build one with {@link #builder()}; every field of the reference's {@code JobsDetail} has a typed setter. Unset
 * (null) fields are left out of the XML, except {@code StartTime}/{@code EndTime}, which render CI's literal
 * {@code -} ("not yet"), and {@code Code}/{@code Message}, which default to {@code Success} and empty as on the real
 * service. {@link Builder#extraXml(String)} appends raw XML inside {@code JobsDetail}, to test that a client
 * tolerates elements it does not know.
 * <pre>{@code
 * EmulatedJob job = EmulatedJob.builder()
 *     .jobId("b3deffea2f84911ec9cb15254008618d9").type(EmulatedJob.TYPE_WORKFLOW).name("demo")
 *     .state("Running").creationTime(OffsetDateTime.parse("2022-06-27T15:23:10+08:00"))
 *     .inputPrefix("input").workflowIds("w7476ff3564ee45b7b490d64bccaba6cc")
 *     .build();
 * }</pre>
 */
public final class EmulatedJob {

    /** {@code Type} of a job run by a workflow. */
    public static final String TYPE_WORKFLOW = "Workflow";
    /** {@code Type} of a standalone job. */
    public static final String TYPE_JOB = "Job";
    /** The values {@code Type} can take. */
    public static final Set<String> TYPES = Set.of(TYPE_WORKFLOW, TYPE_JOB);
    /** The values {@code State} can take. */
    public static final Set<String> STATES = Set.of("Submitted", "Running", "Success", "Failed", "Pause", "Cancel");

    private final Builder data;
    // Rendered once: the listing serves the same bytes to every page walk (benign race: same value either way).
    private byte[] xml;

    private EmulatedJob(Builder data) {
        this.data = data;
    }

    /** @return a builder for a new job ({@code Type} Job, {@code State} Submitted, {@code Code} Success) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding a copy of this job's fields */
    public Builder toBuilder() {
        return new Builder(data);
    }

    /** @return a copy of this job in another state; times and codes are left as they are (see JobStore#setState) */
    public EmulatedJob withState(String state) {
        return toBuilder().state(state).build();
    }

    public String code() {
        return data.code;
    }

    public String message() {
        return data.message;
    }

    public String type() {
        return data.type;
    }

    public String name() {
        return data.name;
    }

    public String jobId() {
        return data.jobId;
    }

    public String state() {
        return data.state;
    }

    public String tag() {
        return data.tag;
    }

    public Integer progress() {
        return data.progress;
    }

    public String queueId() {
        return data.queueId;
    }

    public OffsetDateTime creationTime() {
        return data.creationTime;
    }

    /** @return the start time, or null for "not yet" */
    public OffsetDateTime startTime() {
        return data.startTime;
    }

    /** @return the end time, or null for "not yet" */
    public OffsetDateTime endTime() {
        return data.endTime;
    }

    /** @return {@code Operation/WorkflowIds}, or null */
    public String workflowIds() {
        return data.workflowIds;
    }

    /** @return {@code Operation/UserData}, or null */
    public String userData() {
        return data.userData;
    }

    /** @return {@code Input/Prefix}, or null */
    public String inputPrefix() {
        return data.inputPrefix;
    }

    /** @return this job's {@code <JobsDetail>} element, one element per line as the real service writes it */
    public String toXml() {
        return new String(xmlBytes(), StandardCharsets.UTF_8);
    }

    byte[] xmlBytes() {
        byte[] bytes = xml;
        if (bytes == null) {
            bytes = JobsDetailXml.render(data).getBytes(StandardCharsets.UTF_8);
            xml = bytes;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmulatedJob other && toXml().equals(other.toXml());
    }

    @Override
    public int hashCode() {
        return toXml().hashCode();
    }

    @Override
    public String toString() {
        return "EmulatedJob[" + data.jobId + ", " + data.type + ", " + data.state + ", " + CiTime.format(data.creationTime) + "]";
    }

    /**
     * Builds an {@link EmulatedJob}. {@code jobId} and {@code creationTime} are required; times are
     * {@link OffsetDateTime}s rendered at their own offset (CI itself answers in {@code +0800}).
     */
    public static final class Builder {
        // Copying by reflection keeps the ~50 fields declared once; the list is looked up once (it is costly).
        private static final Field[] FIELDS = Arrays.stream(Builder.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers())).toArray(Field[]::new);

        String code = "Success";
        String message = "";
        String type = TYPE_JOB;
        String name;
        String jobId;
        String state = "Submitted";
        String tag;
        Integer progress;
        String queueId;
        OffsetDateTime creationTime;
        OffsetDateTime startTime;
        OffsetDateTime endTime;
        String inputPrefix;
        String inputManifest;
        String inputUrlFile;
        String inputObject;
        OffsetDateTime timeIntervalStart;
        OffsetDateTime timeIntervalEnd;
        String timeIntervalDuration;
        String workflowIds;
        String operationQueueId;
        String queueType;
        String userData;
        Integer jobLevel;
        String operationTag;
        Boolean freeTranscode;
        String callBack;
        String callBackFormat;
        String callBackType;
        String mqMode;
        String mqRegion;
        String mqName;
        String kafkaRegion;
        String kafkaInstanceId;
        String kafkaTopic;
        String templateId;
        List<String> watermarkTemplateIds = new ArrayList<>();
        String transcodeTemplateId;
        String jobParamXml;
        String outputRegion;
        String outputBucket;
        String outputObject;
        String outputSpriteObject;
        String outputAuObject;
        String outputBassObject;
        String outputDrumObject;
        List<StreamExtract> outputStreamExtracts = new ArrayList<>();
        Boolean outputForce;
        String extraXml;

        private Builder() {
        }

        private Builder(Builder other) {
            // Every field is immutable or a list we copy, so a field-by-field copy is a deep copy.
            try {
                for (Field field : FIELDS) {
                    Object value = field.get(other);
                    field.set(this, value instanceof List<?> list ? new ArrayList<>(list) : value);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code Code}: {@code Success} by default; an error code when the job failed. */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** {@code Message}: empty by default; the failure reason when the job failed. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** {@code Type}: {@value #TYPE_JOB} (default) or {@value #TYPE_WORKFLOW}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** {@code JobId} (required), e.g. {@code b3deffea2f84911ec9cb15254008618d9}. */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /** {@code State}: one of {@link #STATES}; Submitted by default. */
        public Builder state(String state) {
            this.state = state;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        public Builder progress(Integer progress) {
            this.progress = progress;
            return this;
        }

        /** Top-level {@code QueueId}. */
        public Builder queueId(String queueId) {
            this.queueId = queueId;
            return this;
        }

        /** {@code CreationTime} (required): the listing sorts and filters on it. */
        public Builder creationTime(OffsetDateTime creationTime) {
            this.creationTime = creationTime;
            return this;
        }

        /** {@code StartTime}; null renders {@code -}. */
        public Builder startTime(OffsetDateTime startTime) {
            this.startTime = startTime;
            return this;
        }

        /** {@code EndTime}; null renders {@code -}. */
        public Builder endTime(OffsetDateTime endTime) {
            this.endTime = endTime;
            return this;
        }

        public Builder inputPrefix(String prefix) {
            this.inputPrefix = prefix;
            return this;
        }

        public Builder inputManifest(String manifest) {
            this.inputManifest = manifest;
            return this;
        }

        public Builder inputUrlFile(String urlFile) {
            this.inputUrlFile = urlFile;
            return this;
        }

        public Builder inputObject(String object) {
            this.inputObject = object;
            return this;
        }

        /** {@code Operation/TimeInterval}; any argument may be null. */
        public Builder timeInterval(OffsetDateTime start, OffsetDateTime end, String duration) {
            this.timeIntervalStart = start;
            this.timeIntervalEnd = end;
            this.timeIntervalDuration = duration;
            return this;
        }

        /** {@code Operation/WorkflowIds}: what the {@code workflowId} listing filter matches. */
        public Builder workflowIds(String workflowIds) {
            this.workflowIds = workflowIds;
            return this;
        }

        /** {@code Operation/QueueId}. */
        public Builder operationQueueId(String queueId) {
            this.operationQueueId = queueId;
            return this;
        }

        public Builder queueType(String queueType) {
            this.queueType = queueType;
            return this;
        }

        public Builder userData(String userData) {
            this.userData = userData;
            return this;
        }

        public Builder jobLevel(Integer jobLevel) {
            this.jobLevel = jobLevel;
            return this;
        }

        /** {@code Operation/Tag}. */
        public Builder operationTag(String tag) {
            this.operationTag = tag;
            return this;
        }

        public Builder freeTranscode(Boolean freeTranscode) {
            this.freeTranscode = freeTranscode;
            return this;
        }

        public Builder callBack(String callBack) {
            this.callBack = callBack;
            return this;
        }

        public Builder callBackFormat(String callBackFormat) {
            this.callBackFormat = callBackFormat;
            return this;
        }

        public Builder callBackType(String callBackType) {
            this.callBackType = callBackType;
            return this;
        }

        /** {@code Operation/CallBackMqConfig}. */
        public Builder callBackMqConfig(String mqMode, String mqRegion, String mqName) {
            this.mqMode = mqMode;
            this.mqRegion = mqRegion;
            this.mqName = mqName;
            return this;
        }

        /** {@code Operation/CallBackKafkaConfig}. */
        public Builder callBackKafkaConfig(String region, String instanceId, String topic) {
            this.kafkaRegion = region;
            this.kafkaInstanceId = instanceId;
            this.kafkaTopic = topic;
            return this;
        }

        /** {@code Operation/JobParam/TemplateId}. */
        public Builder templateId(String templateId) {
            this.templateId = templateId;
            return this;
        }

        /** Adds one {@code Operation/JobParam/WatermarkTemplateId} (the element repeats). */
        public Builder watermarkTemplateId(String watermarkTemplateId) {
            this.watermarkTemplateIds.add(Objects.requireNonNull(watermarkTemplateId, "watermarkTemplateId"));
            return this;
        }

        /** {@code Operation/JobParam/TranscodeTemplateId}. */
        public Builder transcodeTemplateId(String transcodeTemplateId) {
            this.transcodeTemplateId = transcodeTemplateId;
            return this;
        }

        /**
         * Raw XML appended inside {@code Operation/JobParam}: the media-task blocks ({@code <Transcode>},
         * {@code <Snapshot>}, ...), an open-ended set the emulator does not model. Written as given.
         */
        public Builder jobParamXml(String xml) {
            this.jobParamXml = xml;
            return this;
        }

        public Builder outputRegion(String region) {
            this.outputRegion = region;
            return this;
        }

        public Builder outputBucket(String bucket) {
            this.outputBucket = bucket;
            return this;
        }

        public Builder outputObject(String object) {
            this.outputObject = object;
            return this;
        }

        public Builder outputSpriteObject(String object) {
            this.outputSpriteObject = object;
            return this;
        }

        public Builder outputAuObject(String object) {
            this.outputAuObject = object;
            return this;
        }

        public Builder outputBassObject(String object) {
            this.outputBassObject = object;
            return this;
        }

        public Builder outputDrumObject(String object) {
            this.outputDrumObject = object;
            return this;
        }

        /** Adds one {@code Output/StreamExtract} {@code {Index, Object}} (the element repeats). */
        public Builder outputStreamExtract(int index, String object) {
            this.outputStreamExtracts.add(new StreamExtract(index, object));
            return this;
        }

        public Builder outputForce(Boolean force) {
            this.outputForce = force;
            return this;
        }

        /** Raw XML appended at the end of {@code JobsDetail}, written as given (e.g. an element clients don't know). */
        public Builder extraXml(String xml) {
            this.extraXml = xml;
            return this;
        }

        /**
         * @throws IllegalArgumentException when jobId or creationTime is missing, or type/state is not a CI value
         */
        public EmulatedJob build() {
            if (jobId == null || jobId.isBlank()) {
                throw new IllegalArgumentException("EmulatedJob needs a jobId");
            }
            if (creationTime == null) {
                throw new IllegalArgumentException("EmulatedJob " + jobId + " needs a creationTime");
            }
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("EmulatedJob " + jobId + ": type '" + type + "' is not one of " + TYPES);
            }
            if (!STATES.contains(state)) {
                throw new IllegalArgumentException("EmulatedJob " + jobId + ": state '" + state + "' is not one of " + STATES);
            }
            Builder frozen = new Builder(this);
            frozen.watermarkTemplateIds = List.copyOf(watermarkTemplateIds);
            frozen.outputStreamExtracts = List.copyOf(outputStreamExtracts);
            return new EmulatedJob(frozen);
        }
    }

    /** One {@code Output/StreamExtract} entry. */
    record StreamExtract(int index, String object) {
    }
}
