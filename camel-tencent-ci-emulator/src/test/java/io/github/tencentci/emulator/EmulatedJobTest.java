package io.github.tencentci.emulator;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatedJobTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2022-06-27T15:23:10+08:00");

    @Test
    void rendersTheProductPageSampleExactly() {
        EmulatedJob workflow = EmulatedJob.builder().type(EmulatedJob.TYPE_WORKFLOW).name("demo")
                .jobId("b3deffea2f84911ec9cb15254008618d9").state("Running").creationTime(CREATED)
                .inputPrefix("input")
                .timeInterval(OffsetDateTime.parse("2022-02-01T12:00:00+08:00"), OffsetDateTime.parse("2022-05-01T12:00:00+08:00"), null)
                .workflowIds("w7476ff3564ee45b7b490d64bccaba6cc").build();
        EmulatedJob job = EmulatedJob.builder().type(EmulatedJob.TYPE_JOB).name("demo")
                .jobId("be8f65004eb8511eaaed4f377124a303c").state("Running").creationTime(CREATED)
                .startTime(OffsetDateTime.parse("2022-06-27T15:23:11+08:00")).endTime(OffsetDateTime.parse("2022-06-27T15:25:10+08:00"))
                .inputPrefix("input")
                .timeInterval(OffsetDateTime.parse("2022-02-01T12:00:00+08:00"), OffsetDateTime.parse("2022-05-01T12:00:00+08:00"), null)
                .operationQueueId("p893bcda225bf4945a378da6662e81a89").userData("this is my inventorytriggerjob")
                .callBack("https://www.callback.com").templateId("t1460606b9752148c4ab182f55163ba7cd")
                .outputRegion("ap-chongqing").outputBucket("test-1234567890").outputObject("output/${InventoryTriggerJobId}/out.mp4")
                .jobLevel(0).build();

        assertThat(workflow.toXml()).isEqualTo("""
                <JobsDetail>
                <Code>Success</Code>
                <Type>Workflow</Type>
                <Message/>
                <Name>demo</Name>
                <JobId>b3deffea2f84911ec9cb15254008618d9</JobId>
                <State>Running</State>
                <CreationTime>2022-06-27T15:23:10+0800</CreationTime>
                <StartTime>-</StartTime>
                <EndTime>-</EndTime>
                <Input>
                <Prefix>input</Prefix>
                </Input>
                <Operation>
                <TimeInterval>
                <Start>2022-02-01T12:00:00+0800</Start>
                <End>2022-05-01T12:00:00+0800</End>
                </TimeInterval>
                <WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds>
                </Operation>
                </JobsDetail>
                """);
        assertThat(job.toXml()).isEqualTo("""
                <JobsDetail>
                <Code>Success</Code>
                <Type>Job</Type>
                <Message/>
                <Name>demo</Name>
                <JobId>be8f65004eb8511eaaed4f377124a303c</JobId>
                <State>Running</State>
                <CreationTime>2022-06-27T15:23:10+0800</CreationTime>
                <StartTime>2022-06-27T15:23:11+0800</StartTime>
                <EndTime>2022-06-27T15:25:10+0800</EndTime>
                <Input>
                <Prefix>input</Prefix>
                </Input>
                <Operation>
                <TimeInterval>
                <Start>2022-02-01T12:00:00+0800</Start>
                <End>2022-05-01T12:00:00+0800</End>
                </TimeInterval>
                <QueueId>p893bcda225bf4945a378da6662e81a89</QueueId>
                <UserData>this is my inventorytriggerjob</UserData>
                <CallBack>https://www.callback.com</CallBack>
                <JobParam>
                <TemplateId>t1460606b9752148c4ab182f55163ba7cd</TemplateId>
                </JobParam>
                <Output>
                <Region>ap-chongqing</Region>
                <Bucket>test-1234567890</Bucket>
                <Object>output/${InventoryTriggerJobId}/out.mp4</Object>
                </Output>
                <JobLevel>0</JobLevel>
                </Operation>
                </JobsDetail>
                """);
    }

    @Test
    void rendersEveryFieldEscaped() {
        String xml = EmulatedJob.builder().jobId("b1").creationTime(CREATED).state("Failed").code("InvalidInput")
                .message("no <object> & no luck").tag("Transcode").progress(40).queueId("pq").name("n")
                .inputManifest("m.csv").inputUrlFile("urls.txt").inputObject("in.mp4")
                .timeInterval(null, null, "3600").queueType("SpeedTranscoding").operationTag("t").freeTranscode(true)
                .callBackFormat("JSON").callBackType("Kafka").callBackMqConfig("Queue", "bj", "mq1")
                .callBackKafkaConfig("ap-guangzhou", "ckafka-1", "topic1")
                .watermarkTemplateId("wm1").watermarkTemplateId("wm2").transcodeTemplateId("tt")
                .jobParamXml("<Transcode><Container><Format>mp4</Format></Container></Transcode>")
                .outputSpriteObject("s.jpg").outputAuObject("au.mp3").outputBassObject("b.mp3").outputDrumObject("d.mp3")
                .outputStreamExtract(0, "s0.mp4").outputStreamExtract(1, "s1.aac").outputForce(false)
                .extraXml("<FutureField>x</FutureField>").build().toXml();

        assertThat(xml).contains("<Code>InvalidInput</Code>", "<Message>no &lt;object&gt; &amp; no luck</Message>",
                "<Tag>Transcode</Tag>", "<Progress>40</Progress>", "<QueueId>pq</QueueId>", "<Manifest>m.csv</Manifest>",
                "<UrlFile>urls.txt</UrlFile>", "<Object>in.mp4</Object>", "<TimeInterval>\n<Duration>3600</Duration>\n</TimeInterval>",
                "<QueueType>SpeedTranscoding</QueueType>", "<FreeTranscode>true</FreeTranscode>",
                "<CallBackFormat>JSON</CallBackFormat>", "<CallBackType>Kafka</CallBackType>",
                "<CallBackMqConfig>\n<MqMode>Queue</MqMode>\n<MqRegion>bj</MqRegion>\n<MqName>mq1</MqName>\n</CallBackMqConfig>",
                "<CallBackKafkaConfig>\n<Region>ap-guangzhou</Region>\n<InstanceId>ckafka-1</InstanceId>\n<Topic>topic1</Topic>",
                "<WatermarkTemplateId>wm1</WatermarkTemplateId>\n<WatermarkTemplateId>wm2</WatermarkTemplateId>",
                "<TranscodeTemplateId>tt</TranscodeTemplateId>\n<Transcode><Container>",
                "<SpriteObject>s.jpg</SpriteObject>", "<AuObject>au.mp3</AuObject>", "<BassObject>b.mp3</BassObject>",
                "<DrumObject>d.mp3</DrumObject>", "<StreamExtract>\n<Index>1</Index>\n<Object>s1.aac</Object>\n</StreamExtract>",
                "<Force>false</Force>", "<Operation>", "<Tag>t</Tag>\n<FreeTranscode>",
                "<FutureField>x</FutureField>\n</JobsDetail>");
    }

    @Test
    void isImmutableAndCopiesThroughItsBuilder() {
        EmulatedJob.Builder builder = EmulatedJob.builder().jobId("b1").creationTime(CREATED).watermarkTemplateId("wm1");
        EmulatedJob job = builder.build();
        builder.watermarkTemplateId("wm2").name("changed");

        EmulatedJob running = job.toBuilder().state("Running").build();

        assertThat(job.toXml()).doesNotContain("wm2", "changed");
        assertThat(running.state()).isEqualTo("Running");
        assertThat(job.state()).isEqualTo("Submitted");
        assertThat(running.toBuilder().state("Submitted").build()).isEqualTo(job);
    }

    @Test
    void refusesIncompleteOrInvalidJobs() {
        assertThatThrownBy(() -> EmulatedJob.builder().creationTime(CREATED).build()).hasMessageContaining("jobId");
        assertThatThrownBy(() -> EmulatedJob.builder().jobId("b1").build()).hasMessageContaining("creationTime");
        assertThatThrownBy(() -> EmulatedJob.builder().jobId("b1").creationTime(CREATED).type("Task").build())
                .hasMessageContaining("type 'Task'");
        assertThatThrownBy(() -> EmulatedJob.builder().jobId("b1").creationTime(CREATED).state("Done").build())
                .hasMessageContaining("state 'Done'");
    }
}
