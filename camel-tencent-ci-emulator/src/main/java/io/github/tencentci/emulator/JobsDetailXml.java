package io.github.tencentci.emulator;

import java.time.OffsetDateTime;

import static io.github.tencentci.emulator.XmlText.element;

/**
 * Renders one job as a {@code <JobsDetail>} element in the element order of the product page's sample; groups
 * ({@code Input}, {@code Operation}, ...) whose fields are all unset are left out.
 */
final class JobsDetailXml {

    private JobsDetailXml() {
    }

    static String render(EmulatedJob.Builder j) {
        StringBuilder out = new StringBuilder(768);
        out.append("<JobsDetail>\n");
        element(out, "Code", j.code);
        element(out, "Type", j.type);
        element(out, "Message", j.message);
        element(out, "Name", j.name);
        element(out, "JobId", j.jobId);
        element(out, "State", j.state);
        element(out, "Tag", j.tag);
        element(out, "Progress", j.progress);
        element(out, "QueueId", j.queueId);
        element(out, "CreationTime", CiTime.format(j.creationTime));
        element(out, "StartTime", CiTime.format(j.startTime));
        element(out, "EndTime", CiTime.format(j.endTime));
        if (anySet(j.inputPrefix, j.inputManifest, j.inputUrlFile, j.inputObject)) {
            out.append("<Input>\n");
            element(out, "Prefix", j.inputPrefix);
            element(out, "Manifest", j.inputManifest);
            element(out, "UrlFile", j.inputUrlFile);
            element(out, "Object", j.inputObject);
            out.append("</Input>\n");
        }
        StringBuilder operation = new StringBuilder();
        renderOperation(j, operation);
        if (operation.length() > 0) {
            out.append("<Operation>\n").append(operation).append("</Operation>\n");
        }
        if (j.extraXml != null) {
            out.append(j.extraXml).append('\n');
        }
        return out.append("</JobsDetail>\n").toString();
    }

    private static void renderOperation(EmulatedJob.Builder j, StringBuilder out) {
        if (anySet(j.timeIntervalStart, j.timeIntervalEnd, j.timeIntervalDuration)) {
            out.append("<TimeInterval>\n");
            element(out, "Start", timeOrNull(j.timeIntervalStart));
            element(out, "End", timeOrNull(j.timeIntervalEnd));
            element(out, "Duration", j.timeIntervalDuration);
            out.append("</TimeInterval>\n");
        }
        element(out, "WorkflowIds", j.workflowIds);
        element(out, "QueueId", j.operationQueueId);
        element(out, "QueueType", j.queueType);
        element(out, "UserData", j.userData);
        element(out, "CallBack", j.callBack);
        element(out, "CallBackFormat", j.callBackFormat);
        element(out, "CallBackType", j.callBackType);
        if (anySet(j.mqMode, j.mqRegion, j.mqName)) {
            out.append("<CallBackMqConfig>\n");
            element(out, "MqMode", j.mqMode);
            element(out, "MqRegion", j.mqRegion);
            element(out, "MqName", j.mqName);
            out.append("</CallBackMqConfig>\n");
        }
        if (anySet(j.kafkaRegion, j.kafkaInstanceId, j.kafkaTopic)) {
            out.append("<CallBackKafkaConfig>\n");
            element(out, "Region", j.kafkaRegion);
            element(out, "InstanceId", j.kafkaInstanceId);
            element(out, "Topic", j.kafkaTopic);
            out.append("</CallBackKafkaConfig>\n");
        }
        if (anySet(j.templateId, j.transcodeTemplateId, j.jobParamXml) || !j.watermarkTemplateIds.isEmpty()) {
            out.append("<JobParam>\n");
            element(out, "TemplateId", j.templateId);
            j.watermarkTemplateIds.forEach(id -> element(out, "WatermarkTemplateId", id));
            element(out, "TranscodeTemplateId", j.transcodeTemplateId);
            if (j.jobParamXml != null) {
                out.append(j.jobParamXml).append('\n');
            }
            out.append("</JobParam>\n");
        }
        if (anySet(j.outputRegion, j.outputBucket, j.outputObject, j.outputSpriteObject, j.outputAuObject,
                j.outputBassObject, j.outputDrumObject, j.outputForce) || !j.outputStreamExtracts.isEmpty()) {
            out.append("<Output>\n");
            element(out, "Region", j.outputRegion);
            element(out, "Bucket", j.outputBucket);
            element(out, "Object", j.outputObject);
            element(out, "SpriteObject", j.outputSpriteObject);
            element(out, "AuObject", j.outputAuObject);
            element(out, "BassObject", j.outputBassObject);
            element(out, "DrumObject", j.outputDrumObject);
            for (EmulatedJob.StreamExtract extract : j.outputStreamExtracts) {
                out.append("<StreamExtract>\n");
                element(out, "Index", extract.index());
                element(out, "Object", extract.object());
                out.append("</StreamExtract>\n");
            }
            element(out, "Force", j.outputForce);
            out.append("</Output>\n");
        }
        element(out, "JobLevel", j.jobLevel);
        element(out, "Tag", j.operationTag);
        element(out, "FreeTranscode", j.freeTranscode);
    }

    private static String timeOrNull(OffsetDateTime time) {
        return time == null ? null : CiTime.format(time);
    }

    private static boolean anySet(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return true;
            }
        }
        return false;
    }
}
