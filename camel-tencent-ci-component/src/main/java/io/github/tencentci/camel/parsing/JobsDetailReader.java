package io.github.tencentci.camel.parsing;

import java.time.OffsetDateTime;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.github.tencentci.camel.model.CallBackKafkaConfig;
import io.github.tencentci.camel.model.CallBackMqConfig;
import io.github.tencentci.camel.model.CiIntegerAdapter;
import io.github.tencentci.camel.model.CiTimeFormat;
import io.github.tencentci.camel.model.JobInput;
import io.github.tencentci.camel.model.JobOperation;
import io.github.tencentci.camel.model.JobOutput;
import io.github.tencentci.camel.model.JobParam;
import io.github.tencentci.camel.model.JobsDetail;
import io.github.tencentci.camel.model.StreamExtract;
import io.github.tencentci.camel.model.TimeInterval;
import io.github.tencentci.camel.model.XmlExtensible;

/**
 * Binds one {@code <JobsDetail>} from a StAX reader into the model, field for field as the JAXB annotations of the
 * model classes map it: the same object graph JAXB builds, several times faster (no per-element reflection, no
 * unmarshalling context per job). The JAXB annotations still serve the write side ({@code getBody(String.class)}).
 * <p>
 * Rules kept from JAXB: a child matches a field by local name in no namespace, in any order (a repeated single
 * field keeps the last value); text in a structured element is ignored; attributes of mapped elements are ignored;
 * every other child element is kept, as a DOM element, in the {@code otherElements} of its parent, in document
 * order. Times go through {@link CiTimeFormat#parse(String)} and integers through {@link CiIntegerAdapter}, so
 * {@code -} and empty mean {@code null}.
 * <p>
 * Unknown elements are read by {@link AnyElementReader}. One reader per page, not thread-safe. Each job's kept
 * elements live in a DOM document of their own, so jobs handed to different threads share no DOM state.
 */
final class JobsDetailReader {

    private final XMLStreamReader reader;
    private final CiIntegerAdapter integers = new CiIntegerAdapter();
    private final AnyElementReader others;
    private final NamespaceBindings inJob = new NamespaceBindings(); // declared from <JobsDetail> down

    /**
     * @param reader the page's reader; {@link #read()} is called with it on each {@code <JobsDetail>} start tag
     */
    JobsDetailReader(XMLStreamReader reader) {
        this.reader = reader;
        this.others = new AnyElementReader(reader);
    }

    /**
     * Reads the job whose start tag is the reader's current event and leaves the reader on its end tag.
     *
     * @return                            the job
     * @throws XMLStreamException         if the XML is not well-formed or ends early
     * @throws InvalidValueException      if a time or an integer does not parse; the reader is then on the end
     *                                    tag of the bad element
     */
    JobsDetail read() throws XMLStreamException, InvalidValueException {
        others.nextJob();
        inJob.reset(0);
        return readObject(new JobsDetail(), JobsDetailReader::jobsDetail);
    }

    /** Binds the child element the reader is on, if the target maps it; {@code false} keeps it as DOM. */
    @FunctionalInterface
    private interface Fields<T> {
        boolean bind(JobsDetailReader in, String name, T target) throws XMLStreamException, InvalidValueException;
    }

    // One method per model class: the element names are those of the class's @XmlElement annotations.

    private static boolean jobsDetail(JobsDetailReader in, String name, JobsDetail job)
            throws XMLStreamException, InvalidValueException {
        switch (name) {
            case "Code" -> job.setCode(in.text());
            case "Message" -> job.setMessage(in.text());
            case "Type" -> job.setType(in.text());
            case "Name" -> job.setName(in.text());
            case "JobId" -> job.setJobId(in.text());
            case "State" -> job.setState(in.text());
            case "Tag" -> job.setTag(in.text());
            case "Progress" -> job.setProgress(in.text());
            case "QueueId" -> job.setQueueId(in.text());
            case "CreationTime" -> job.setCreationTime(in.time());
            case "StartTime" -> job.setStartTime(in.time());
            case "EndTime" -> job.setEndTime(in.time());
            case "Input" -> job.setInput(in.readObject(new JobInput(), JobsDetailReader::input));
            case "Operation" -> job.setOperation(in.readObject(new JobOperation(), JobsDetailReader::operation));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean input(JobsDetailReader in, String name, JobInput input) throws XMLStreamException {
        switch (name) {
            case "Prefix" -> input.setPrefix(in.text());
            case "Manifest" -> input.setManifest(in.text());
            case "UrlFile" -> input.setUrlFile(in.text());
            case "Object" -> input.setObject(in.text());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean operation(JobsDetailReader in, String name, JobOperation operation)
            throws XMLStreamException, InvalidValueException {
        switch (name) {
            case "TimeInterval" -> operation.setTimeInterval(
                    in.readObject(new TimeInterval(), JobsDetailReader::timeInterval));
            case "WorkflowIds" -> operation.setWorkflowIds(in.text());
            case "QueueId" -> operation.setQueueId(in.text());
            case "QueueType" -> operation.setQueueType(in.text());
            case "UserData" -> operation.setUserData(in.text());
            case "JobLevel" -> operation.setJobLevel(in.integer());
            case "Tag" -> operation.setTag(in.text());
            case "FreeTranscode" -> operation.setFreeTranscode(in.text());
            case "CallBack" -> operation.setCallBack(in.text());
            case "CallBackFormat" -> operation.setCallBackFormat(in.text());
            case "CallBackType" -> operation.setCallBackType(in.text());
            case "CallBackMqConfig" -> operation.setCallBackMqConfig(
                    in.readObject(new CallBackMqConfig(), JobsDetailReader::mqConfig));
            case "CallBackKafkaConfig" -> operation.setCallBackKafkaConfig(
                    in.readObject(new CallBackKafkaConfig(), JobsDetailReader::kafkaConfig));
            case "JobParam" -> operation.setJobParam(in.readObject(new JobParam(), JobsDetailReader::jobParam));
            case "Output" -> operation.setOutput(in.readObject(new JobOutput(), JobsDetailReader::output));
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean timeInterval(JobsDetailReader in, String name, TimeInterval interval)
            throws XMLStreamException, InvalidValueException {
        switch (name) {
            case "Start" -> interval.setStart(in.time());
            case "End" -> interval.setEnd(in.time());
            case "Duration" -> interval.setDuration(in.text());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean mqConfig(JobsDetailReader in, String name, CallBackMqConfig config)
            throws XMLStreamException {
        switch (name) {
            case "MqMode" -> config.setMqMode(in.text());
            case "MqRegion" -> config.setMqRegion(in.text());
            case "MqName" -> config.setMqName(in.text());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean kafkaConfig(JobsDetailReader in, String name, CallBackKafkaConfig config)
            throws XMLStreamException {
        switch (name) {
            case "Region" -> config.setRegion(in.text());
            case "InstanceId" -> config.setInstanceId(in.text());
            case "Topic" -> config.setTopic(in.text());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean jobParam(JobsDetailReader in, String name, JobParam param) throws XMLStreamException {
        switch (name) {
            case "TemplateId" -> param.setTemplateId(in.text());
            case "WatermarkTemplateId" -> param.getWatermarkTemplateId().add(in.text());
            case "TranscodeTemplateId" -> param.setTranscodeTemplateId(in.text());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean output(JobsDetailReader in, String name, JobOutput output)
            throws XMLStreamException, InvalidValueException {
        switch (name) {
            case "Region" -> output.setRegion(in.text());
            case "Bucket" -> output.setBucket(in.text());
            case "Object" -> output.setObject(in.text());
            case "SpriteObject" -> output.setSpriteObject(in.text());
            case "AuObject" -> output.setAuObject(in.text());
            case "BassObject" -> output.setBassObject(in.text());
            case "DrumObject" -> output.setDrumObject(in.text());
            case "StreamExtract" -> output.getStreamExtract().add(
                    in.readObject(new StreamExtract(), JobsDetailReader::streamExtract));
            case "Force" -> output.setForce(in.text());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean streamExtract(JobsDetailReader in, String name, StreamExtract extract)
            throws XMLStreamException {
        switch (name) {
            case "Index" -> extract.setIndex(in.text());
            case "Object" -> extract.setObject(in.text());
            default -> {
                return false;
            }
        }
        return true;
    }

    // The generic part: walking a structured element, leaf values, and keeping unknown elements.

    /** Reads the children of the element the reader is on, up to and including its end tag. */
    private <T extends XmlExtensible> T readObject(T target, Fields<T> fields)
            throws XMLStreamException, InvalidValueException {
        int mark = inJob.mark();
        inJob.pushDeclaredBy(reader); // what kept elements below will declare
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String namespace = reader.getNamespaceURI();
                boolean unqualified = namespace == null || namespace.isEmpty();
                if (!unqualified || !fields.bind(this, reader.getLocalName(), target)) {
                    target.getOtherElements().add(others.read(inJob));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                inJob.reset(mark);
                return target;
            }
            // text, comments and processing instructions between fields mean nothing to JAXB either
        }
    }

    /**
     * The text of the leaf element the reader is on, leaving the reader on its end tag: what
     * {@link XMLStreamReader#getElementText()} gives, without its per-call buffer for the usual case of one text
     * event (the factory coalesces), which made reading allocate more than JAXB did.
     */
    private String text() throws XMLStreamException {
        int event = nextInLeaf();
        if (event == XMLStreamConstants.END_ELEMENT) {
            return "";
        }
        String first = reader.getText();
        event = nextInLeaf();
        if (event == XMLStreamConstants.END_ELEMENT) {
            return first;
        }
        StringBuilder text = new StringBuilder(first); // text split by a comment or processing instruction
        while (event != XMLStreamConstants.END_ELEMENT) {
            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            event = nextInLeaf();
        }
        return text.toString();
    }

    /** The next text or end event of a leaf element, skipping comments; anything else is an error, as JAXB has it. */
    private int nextInLeaf() throws XMLStreamException {
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // skipped, as getElementText does
                }
                default -> throw new XMLStreamException(event == XMLStreamConstants.START_ELEMENT
                        ? "element <" + reader.getLocalName() + "> inside a text-only element"
                        : "text-only element not closed", FixedLocation.of(reader.getLocation()));
            }
        }
    }

    private OffsetDateTime time() throws XMLStreamException, InvalidValueException {
        String text = text();
        try {
            return CiTimeFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(e.getMessage(), FixedLocation.of(reader.getLocation()), e);
        }
    }

    private Integer integer() throws XMLStreamException, InvalidValueException {
        String text = text();
        try {
            return integers.unmarshal(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(e.getMessage(), FixedLocation.of(reader.getLocation()), e);
        }
    }
}
