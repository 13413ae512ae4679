package io.github.tencentci.camel.model;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static io.github.tencentci.camel.model.XmlFixtures.count;
import static io.github.tencentci.camel.model.XmlFixtures.marshal;
import static io.github.tencentci.camel.model.XmlFixtures.sameXml;
import static io.github.tencentci.camel.model.XmlFixtures.text;
import static io.github.tencentci.camel.model.XmlFixtures.unmarshal;
import static io.github.tencentci.camel.model.XmlFixtures.xpath;
import static org.assertj.core.api.Assertions.assertThat;

class JobsDetailXmlTest {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    @Test
    void bindsEveryFieldOfTheReference() {
        JobsDetail job = unmarshal(text("full-job.xml"));

        assertThat(job.getCode()).isEqualTo("InvalidArgument");
        assertThat(job.getMessage()).isEqualTo("the template does not exist");
        assertThat(job.getType()).isEqualTo("Job");
        assertThat(job.getName()).isEqualTo("full demo");
        assertThat(job.getJobId()).isEqualTo("be8f65004eb8511eaaed4f377124a303c");
        assertThat(job.getState()).isEqualTo("Failed");
        assertThat(job.getTag()).isEqualTo("Transcode");
        assertThat(job.getProgress()).isEqualTo("100%");
        assertThat(job.getQueueId()).isEqualTo("p893bcda225bf4945a378da6662e81a89");
        assertThat(job.getCreationTime()).isEqualTo(OffsetDateTime.of(2022, 6, 27, 15, 23, 10, 0, BEIJING));
        assertThat(job.getStartTime()).isEqualTo(OffsetDateTime.of(2022, 6, 27, 15, 23, 11, 0, BEIJING));
        assertThat(job.getEndTime()).isEqualTo(OffsetDateTime.of(2022, 6, 27, 15, 25, 10, 0, BEIJING));
        assertThat(job.getOtherElements()).isEmpty();

        JobInput input = job.getInput();
        assertThat(input.getPrefix()).isEqualTo("input/");
        assertThat(input.getManifest()).endsWith("/manifest.json");
        assertThat(input.getUrlFile()).endsWith("/urls.txt");
        assertThat(input.getObject()).isEqualTo("input/a.mp4");

        JobOperation operation = job.getOperation();
        assertThat(operation.getTimeInterval().getStart()).isEqualTo(OffsetDateTime.of(2022, 2, 1, 12, 0, 0, 0, BEIJING));
        assertThat(operation.getTimeInterval().getEnd()).isEqualTo(OffsetDateTime.of(2022, 5, 1, 12, 0, 0, 0, BEIJING));
        assertThat(operation.getTimeInterval().getDuration()).isEqualTo("86400");
        assertThat(operation.getWorkflowIds()).isEqualTo("w7476ff3564ee45b7b490d64bccaba6cc");
        assertThat(operation.getQueueId()).isEqualTo("p893bcda225bf4945a378da6662e81a89");
        assertThat(operation.getQueueType()).isEqualTo("SpeedTranscoding");
        assertThat(operation.getUserData()).isEqualTo("this is my inventorytriggerjob");
        assertThat(operation.getJobLevel()).isEqualTo(2);
        assertThat(operation.getTag()).isEqualTo("Transcode");
        assertThat(operation.getFreeTranscode()).isEqualTo("true");
        assertThat(operation.getCallBack()).isEqualTo("https://www.callback.com");
        assertThat(operation.getCallBackFormat()).isEqualTo("JSON");
        assertThat(operation.getCallBackType()).isEqualTo("Kafka");
        assertThat(operation.getCallBackMqConfig().getMqMode()).isEqualTo("Queue");
        assertThat(operation.getCallBackMqConfig().getMqRegion()).isEqualTo("Shanghai");
        assertThat(operation.getCallBackMqConfig().getMqName()).isEqualTo("mq-queue");
        assertThat(operation.getCallBackKafkaConfig().getRegion()).isEqualTo("ap-chongqing");
        assertThat(operation.getCallBackKafkaConfig().getInstanceId()).isEqualTo("ckafka-8abc1234");
        assertThat(operation.getCallBackKafkaConfig().getTopic()).isEqualTo("ci-jobs");

        JobParam param = operation.getJobParam();
        assertThat(param.getTemplateId()).isEqualTo("t1460606b9752148c4ab182f55163ba7cd");
        assertThat(param.getWatermarkTemplateId())
                .containsExactly("t1wm0000000000000000000000000000a1", "t1wm0000000000000000000000000000b2");
        assertThat(param.getTranscodeTemplateId()).isEqualTo("t1tc00000000000000000000000000000c");
        // the media-task blocks are open-ended: kept as DOM, in document order
        assertThat(param.getOtherElements()).extracting(e -> e.getLocalName()).containsExactly("Transcode", "Snapshot");
        assertThat(param.findOtherElement("Transcode")).get()
                .satisfies(e -> assertThat(e.getElementsByTagName("Codec").item(0).getTextContent()).isEqualTo("H.264"));
        assertThat(param.findOtherElement("Animation")).isEmpty();

        JobOutput output = operation.getOutput();
        assertThat(output.getRegion()).isEqualTo("ap-chongqing");
        assertThat(output.getBucket()).isEqualTo("test-1234567890");
        assertThat(output.getObject()).isEqualTo("output/${InventoryTriggerJobId}/out.mp4");
        assertThat(output.getSpriteObject()).isEqualTo("output/sprite-${Number}.jpg");
        assertThat(output.getAuObject()).isEqualTo("output/audio.mp3");
        assertThat(output.getBassObject()).isEqualTo("output/bass.mp3");
        assertThat(output.getDrumObject()).isEqualTo("output/drum.mp3");
        assertThat(output.getStreamExtract()).extracting(StreamExtract::getIndex, StreamExtract::getObject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0", "output/stream-0.mp4"),
                        org.assertj.core.groups.Tuple.tuple("1", "output/stream-1.aac"));
        assertThat(output.getForce()).isEqualTo("false");
    }

    @Test
    void everyFieldRoundTrips() {
        String fixture = text("full-job.xml");

        String again = marshal(unmarshal(fixture));

        assertThat(sameXml(fixture, again)).as("re-marshalled:%n%s", again).isTrue();
        assertThat(sameXml(fixture, again.replace("86400", "86401"))).as("the comparison itself").isFalse();
    }

    @Test
    void unknownElementsAtEveryLevelAreKeptAndWrittenBack() {
        String fixture = text("unknown-elements.xml");
        JobsDetail job = unmarshal(fixture);

        assertThat(job.findOtherElement("FutureTop")).get()
                .satisfies(e -> assertThat(e.getAttribute("attr")).isEqualTo("1"));
        assertThat(job.getInput().findOtherElement("FutureInput")).isPresent();
        assertThat(job.getOperation().findOtherElement("FutureOperation")).isPresent();
        assertThat(job.getOperation().getTimeInterval().findOtherElement("FutureInterval")).isPresent();
        assertThat(job.getOperation().getCallBackMqConfig().findOtherElement("FutureMq")).isPresent();
        assertThat(job.getOperation().getCallBackKafkaConfig().findOtherElement("FutureKafka")).isPresent();
        assertThat(job.getOperation().getJobParam().findOtherElement("FutureTask")).isPresent();
        assertThat(job.getOperation().getOutput().findOtherElement("FutureOutput")).isPresent();
        assertThat(job.getOperation().getOutput().getStreamExtract().get(0).findOtherElement("FutureStream")).isPresent();
        // known siblings are still bound
        assertThat(job.getJobId()).isEqualTo("j-unknown");
        assertThat(job.getOperation().getJobParam().getTemplateId()).isEqualTo("t1");

        String again = marshal(job);

        assertThat(xpath(again, "/JobsDetail/FutureTop/Inner")).isEqualTo("x");
        assertThat(xpath(again, "/JobsDetail/FutureTop/@attr")).isEqualTo("1");
        assertThat(xpath(again, "/JobsDetail/Input/FutureInput")).isEqualTo("fi");
        assertThat(xpath(again, "/JobsDetail/Operation/TimeInterval/FutureInterval")).isEqualTo("fti");
        assertThat(xpath(again, "/JobsDetail/Operation/CallBackMqConfig/FutureMq")).isEqualTo("fmq");
        assertThat(xpath(again, "/JobsDetail/Operation/CallBackKafkaConfig/FutureKafka")).isEqualTo("fk");
        assertThat(xpath(again, "/JobsDetail/Operation/JobParam/FutureTask/Knob")).isEqualTo("7");
        assertThat(xpath(again, "/JobsDetail/Operation/Output/StreamExtract/FutureStream")).isEqualTo("fs");
        assertThat(xpath(again, "/JobsDetail/Operation/Output/FutureOutput")).isEqualTo("fo");
        assertThat(xpath(again, "/JobsDetail/Operation/FutureOperation")).isEqualTo("fop");
        // kept elements come after the known ones
        assertThat(xpath(again, "name(/JobsDetail/*[last()])")).isEqualTo("FutureTop");
        assertThat(xpath(again, "name(/JobsDetail/*[1])")).isEqualTo("JobId");
    }

    @Test
    void dashTimesAreAbsentAndEmptyJobLevelIsAbsent() {
        JobsDetail job = unmarshal("<JobsDetail><CreationTime>2022-06-27T15:23:10+0800</CreationTime>"
                                   + "<StartTime>-</StartTime><EndTime> - </EndTime>"
                                   + "<Operation><TimeInterval><Start>-</Start><End/></TimeInterval>"
                                   + "<JobLevel/></Operation></JobsDetail>");

        assertThat(job.getCreationTime()).isNotNull();
        assertThat(job.getStartTime()).isNull();
        assertThat(job.getEndTime()).isNull();
        assertThat(job.getOperation().getTimeInterval().getStart()).isNull();
        assertThat(job.getOperation().getTimeInterval().getEnd()).isNull();
        assertThat(job.getOperation().getJobLevel()).isNull();
        // absent times are not written back at all
        assertThat(count(marshal(job), "/JobsDetail/StartTime")).isZero();
    }

    @Test
    void isoTimesAreReadAndWrittenInTheApiNotation() {
        JobsDetail job = unmarshal("<JobsDetail><CreationTime>2022-06-27T07:23:10Z</CreationTime></JobsDetail>");

        assertThat(job.getCreationTime()).isEqualTo(OffsetDateTime.of(2022, 6, 27, 7, 23, 10, 0, ZoneOffset.UTC));
        assertThat(xpath(marshal(job), "/JobsDetail/CreationTime")).isEqualTo("2022-06-27T07:23:10+0000");
    }

    @Test
    void toStringIsShortAndNamesTheJob() {
        JobsDetail job = unmarshal(text("full-job.xml"));

        assertThat(job).hasToString("JobsDetail[jobId=be8f65004eb8511eaaed4f377124a303c, type=Job, state=Failed,"
                                    + " name=full demo, creationTime=2022-06-27T15:23:10+0800]");
    }
}
