package io.github.tencentci.emulator;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One batch job as the emulator serves it: an immutable value rendered as one {@code <JobsDetail>} element.
 * <p>
 * Build one with {@link #builder()}; every field of the reference's {@code JobsDetail} has a setter. Unset fields
 * are left out of the XML, except {@code StartTime}/{@code EndTime}, which render CI's literal {@code -} ("not
 * yet"), and {@code Code}/{@code Message}, which default to {@code Success} and empty as on the real service.
 * {@link Builder#extraXml(String)} appends raw XML, to test that a client tolerates elements it does not know.
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

    /** The last step of a path whose value is raw XML, written as given. */
    private static final String RAW = "#raw";
    /**
     * Every field by its element path, in the order of the product page's sample: rendering walks this list and
     * opens and closes the groups ({@code Input}, {@code Operation/Output}, ...) around the fields that are set.
     */
    private static final List<String> PATHS = List.of("Code", "Type", "Message", "Name", "JobId", "State", "Tag",
            "Progress", "QueueId", "CreationTime", "StartTime", "EndTime",
            "Input/Prefix", "Input/Manifest", "Input/UrlFile", "Input/Object",
            "Operation/TimeInterval/Start", "Operation/TimeInterval/End", "Operation/TimeInterval/Duration",
            "Operation/WorkflowIds", "Operation/QueueId", "Operation/QueueType", "Operation/UserData",
            "Operation/CallBack", "Operation/CallBackFormat", "Operation/CallBackType",
            "Operation/CallBackMqConfig/MqMode", "Operation/CallBackMqConfig/MqRegion", "Operation/CallBackMqConfig/MqName",
            "Operation/CallBackKafkaConfig/Region", "Operation/CallBackKafkaConfig/InstanceId",
            "Operation/CallBackKafkaConfig/Topic",
            "Operation/JobParam/TemplateId", "Operation/JobParam/WatermarkTemplateId",
            "Operation/JobParam/TranscodeTemplateId", "Operation/JobParam/" + RAW,
            "Operation/Output/Region", "Operation/Output/Bucket", "Operation/Output/Object",
            "Operation/Output/SpriteObject", "Operation/Output/AuObject", "Operation/Output/BassObject",
            "Operation/Output/DrumObject", "Operation/Output/StreamExtract", "Operation/Output/Force",
            "Operation/JobLevel", "Operation/Tag", "Operation/FreeTranscode", RAW);

    private final Map<String, Object> fields;
    // Rendered once: the listing serves the same bytes to every page walk (benign race: same value either way).
    private byte[] xml;

    private EmulatedJob(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** @return a builder for a new job ({@code Type} Job, {@code State} Submitted, {@code Code} Success) */
    public static Builder builder() {
        return new Builder(Map.of("Code", "Success", "Message", "", "Type", TYPE_JOB, "State", "Submitted"));
    }

    /** @return a builder holding a copy of this job's fields */
    public Builder toBuilder() {
        return new Builder(fields);
    }

    public String jobId() {
        return (String) fields.get("JobId");
    }

    public String type() {
        return (String) fields.get("Type");
    }

    public String name() {
        return (String) fields.get("Name");
    }

    public String state() {
        return (String) fields.get("State");
    }

    public String code() {
        return (String) fields.get("Code");
    }

    public String message() {
        return (String) fields.get("Message");
    }

    public OffsetDateTime creationTime() {
        return (OffsetDateTime) fields.get("CreationTime");
    }

    /** @return the start time, or null for "not yet" */
    public OffsetDateTime startTime() {
        return (OffsetDateTime) fields.get("StartTime");
    }

    /** @return the end time, or null for "not yet" */
    public OffsetDateTime endTime() {
        return (OffsetDateTime) fields.get("EndTime");
    }

    /** @return {@code Operation/WorkflowIds}, or null */
    public String workflowIds() {
        return (String) fields.get("Operation/WorkflowIds");
    }

    /** @return this job's {@code <JobsDetail>} element, one element per line as the real service writes it */
    public String toXml() {
        return new String(xmlBytes(), StandardCharsets.UTF_8);
    }

    byte[] xmlBytes() {
        byte[] bytes = xml;
        if (bytes == null) {
            bytes = render().getBytes(StandardCharsets.UTF_8);
            xml = bytes;
        }
        return bytes;
    }

    private String render() {
        StringBuilder out = new StringBuilder(768).append("<JobsDetail>\n");
        List<String> open = new ArrayList<>();
        for (String path : PATHS) {
            Object value = fields.get(path);
            if (value == null && (path.equals("StartTime") || path.equals("EndTime"))) {
                value = CiTime.NOT_YET;
            }
            if (value == null || value instanceof List<?> list && list.isEmpty()) {
                continue;
            }
            List<String> steps = List.of(path.split("/"));
            List<String> groups = steps.subList(0, steps.size() - 1);
            int shared = 0;
            while (shared < open.size() && shared < groups.size() && open.get(shared).equals(groups.get(shared))) {
                shared++;
            }
            close(out, open, shared);
            for (String group : groups.subList(shared, groups.size())) {
                out.append('<').append(group).append(">\n");
                open.add(group);
            }
            String name = steps.get(steps.size() - 1);
            for (Object item : value instanceof List<?> list ? list : List.of(value)) {
                element(out, name, item);
            }
        }
        close(out, open, 0);
        return out.append("</JobsDetail>\n").toString();
    }

    private static void close(StringBuilder out, List<String> open, int keep) {
        while (open.size() > keep) {
            out.append("</").append(open.remove(open.size() - 1)).append(">\n");
        }
    }

    /** {@code <name>value</name>}, {@code <name/>} when empty; a map value's entries become child elements. */
    private static void element(StringBuilder out, String name, Object value) {
        if (name.equals(RAW)) {
            out.append(value).append('\n');
        } else if (value instanceof Map<?, ?> children) {
            out.append('<').append(name).append(">\n");
            children.forEach((child, text) -> element(out, (String) child, text));
            out.append("</").append(name).append(">\n");
        } else {
            String text = value instanceof OffsetDateTime time ? CiTime.format(time) : value.toString();
            out.append('<').append(name).append(text.isEmpty() ? "/>\n"
                    : ">" + XmlText.escape(text) + "</" + name + ">\n");
        }
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
        return "EmulatedJob[" + jobId() + ", " + type() + ", " + state() + ", " + CiTime.format(creationTime()) + "]";
    }

    /**
     * Builds an {@link EmulatedJob}. {@code jobId} and {@code creationTime} are required; times are
     * {@link OffsetDateTime}s rendered at their own offset (CI itself answers in {@code +0800}). A null value
     * unsets a field.
     */
    public static final class Builder {
        private final Map<String, Object> fields = new HashMap<>();

        private Builder(Map<String, Object> fields) {
            fields.forEach((path, value) -> this.fields.put(path, value instanceof List<?> list ? new ArrayList<>(list) : value));
        }

        private Builder set(String path, Object value) {
            fields.put(path, value);
            return this;
        }

        @SuppressWarnings("unchecked")
        private Builder add(String path, Object value) {
            ((List<Object>) fields.computeIfAbsent(path, p -> new ArrayList<>())).add(value);
            return this;
        }

        /** {@code Code}: {@code Success} by default; an error code when the job failed. */
        public Builder code(String code) { return set("Code", code); }
        /** {@code Message}: empty by default; the failure reason when the job failed. */
        public Builder message(String message) { return set("Message", message); }
        /** {@code Type}: {@value #TYPE_JOB} (default) or {@value #TYPE_WORKFLOW}. */
        public Builder type(String type) { return set("Type", type); }
        public Builder name(String name) { return set("Name", name); }
        /** {@code JobId} (required), e.g. {@code b3deffea2f84911ec9cb15254008618d9}. */
        public Builder jobId(String jobId) { return set("JobId", jobId); }
        /** {@code State}: one of {@link #STATES}; Submitted by default. */
        public Builder state(String state) { return set("State", state); }
        public Builder tag(String tag) { return set("Tag", tag); }
        public Builder progress(Integer progress) { return set("Progress", progress); }
        /** Top-level {@code QueueId}. */
        public Builder queueId(String queueId) { return set("QueueId", queueId); }
        /** {@code CreationTime} (required): the listing sorts and filters on it. */
        public Builder creationTime(OffsetDateTime creationTime) { return set("CreationTime", creationTime); }
        /** {@code StartTime}; null renders {@code -}. */
        public Builder startTime(OffsetDateTime startTime) { return set("StartTime", startTime); }
        /** {@code EndTime}; null renders {@code -}. */
        public Builder endTime(OffsetDateTime endTime) { return set("EndTime", endTime); }
        public Builder inputPrefix(String prefix) { return set("Input/Prefix", prefix); }
        public Builder inputManifest(String manifest) { return set("Input/Manifest", manifest); }
        public Builder inputUrlFile(String urlFile) { return set("Input/UrlFile", urlFile); }
        public Builder inputObject(String object) { return set("Input/Object", object); }

        /** {@code Operation/TimeInterval}; any argument may be null. */
        public Builder timeInterval(OffsetDateTime start, OffsetDateTime end, String duration) {
            return set("Operation/TimeInterval/Start", start).set("Operation/TimeInterval/End", end)
                    .set("Operation/TimeInterval/Duration", duration);
        }

        /** {@code Operation/WorkflowIds}: what the {@code workflowId} listing filter matches. */
        public Builder workflowIds(String workflowIds) { return set("Operation/WorkflowIds", workflowIds); }
        /** {@code Operation/QueueId}. */
        public Builder operationQueueId(String queueId) { return set("Operation/QueueId", queueId); }
        public Builder queueType(String queueType) { return set("Operation/QueueType", queueType); }
        public Builder userData(String userData) { return set("Operation/UserData", userData); }
        public Builder jobLevel(Integer jobLevel) { return set("Operation/JobLevel", jobLevel); }
        /** {@code Operation/Tag}. */
        public Builder operationTag(String tag) { return set("Operation/Tag", tag); }
        public Builder freeTranscode(Boolean freeTranscode) { return set("Operation/FreeTranscode", freeTranscode); }
        public Builder callBack(String callBack) { return set("Operation/CallBack", callBack); }
        public Builder callBackFormat(String format) { return set("Operation/CallBackFormat", format); }
        public Builder callBackType(String type) { return set("Operation/CallBackType", type); }

        /** {@code Operation/CallBackMqConfig}. */
        public Builder callBackMqConfig(String mqMode, String mqRegion, String mqName) {
            return set("Operation/CallBackMqConfig/MqMode", mqMode).set("Operation/CallBackMqConfig/MqRegion", mqRegion)
                    .set("Operation/CallBackMqConfig/MqName", mqName);
        }

        /** {@code Operation/CallBackKafkaConfig}. */
        public Builder callBackKafkaConfig(String region, String instanceId, String topic) {
            return set("Operation/CallBackKafkaConfig/Region", region)
                    .set("Operation/CallBackKafkaConfig/InstanceId", instanceId).set("Operation/CallBackKafkaConfig/Topic", topic);
        }

        /** {@code Operation/JobParam/TemplateId}. */
        public Builder templateId(String templateId) { return set("Operation/JobParam/TemplateId", templateId); }

        /** Adds one {@code Operation/JobParam/WatermarkTemplateId} (the element repeats). */
        public Builder watermarkTemplateId(String id) {
            return add("Operation/JobParam/WatermarkTemplateId", Objects.requireNonNull(id, "watermarkTemplateId"));
        }

        /** {@code Operation/JobParam/TranscodeTemplateId}. */
        public Builder transcodeTemplateId(String id) { return set("Operation/JobParam/TranscodeTemplateId", id); }

        /**
         * Raw XML appended inside {@code Operation/JobParam}: the media-task blocks ({@code <Transcode>},
         * {@code <Snapshot>}, ...), an open-ended set the emulator does not model. Written as given.
         */
        public Builder jobParamXml(String xml) { return set("Operation/JobParam/" + RAW, xml); }
        public Builder outputRegion(String region) { return set("Operation/Output/Region", region); }
        public Builder outputBucket(String bucket) { return set("Operation/Output/Bucket", bucket); }
        public Builder outputObject(String object) { return set("Operation/Output/Object", object); }
        public Builder outputSpriteObject(String object) { return set("Operation/Output/SpriteObject", object); }
        public Builder outputAuObject(String object) { return set("Operation/Output/AuObject", object); }
        public Builder outputBassObject(String object) { return set("Operation/Output/BassObject", object); }
        public Builder outputDrumObject(String object) { return set("Operation/Output/DrumObject", object); }

        /** Adds one {@code Output/StreamExtract} {@code {Index, Object}} (the element repeats). */
        public Builder outputStreamExtract(int index, String object) {
            Map<String, Object> extract = new LinkedHashMap<>();
            extract.put("Index", index);
            extract.put("Object", object);
            return add("Operation/Output/StreamExtract", extract);
        }

        public Builder outputForce(Boolean force) { return set("Operation/Output/Force", force); }
        /** Raw XML appended at the end of {@code JobsDetail}, written as given (e.g. an element clients don't know). */
        public Builder extraXml(String xml) { return set(RAW, xml); }

        /**
         * @throws IllegalArgumentException when jobId or creationTime is missing, or type/state is not a CI value
         */
        public EmulatedJob build() {
            String jobId = (String) fields.get("JobId");
            if (jobId == null || jobId.isBlank()) {
                throw new IllegalArgumentException("EmulatedJob needs a jobId");
            }
            if (fields.get("CreationTime") == null) {
                throw new IllegalArgumentException("EmulatedJob " + jobId + " needs a creationTime");
            }
            if (!TYPES.contains(String.valueOf(fields.get("Type")))) {
                throw new IllegalArgumentException("EmulatedJob " + jobId + ": type '" + fields.get("Type") + "' is not one of " + TYPES);
            }
            if (!STATES.contains(String.valueOf(fields.get("State")))) {
                throw new IllegalArgumentException("EmulatedJob " + jobId + ": state '" + fields.get("State") + "' is not one of " + STATES);
            }
            Map<String, Object> frozen = new HashMap<>();
            fields.forEach((path, value) -> frozen.put(path, value instanceof List<?> list ? List.copyOf(list) : value));
            return new EmulatedJob(frozen);
        }
    }
}
