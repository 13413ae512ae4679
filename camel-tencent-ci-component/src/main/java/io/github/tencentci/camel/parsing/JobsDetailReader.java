package io.github.tencentci.camel.parsing;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

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
 * Where this differs from JAXB: a mapped element whose content does not fit its field (a time or an integer that
 * does not parse, a text field that holds elements) does not fail. The field stays {@code null}, the element is kept
 * unchanged among {@code otherElements} (so the job's XML still carries the original text), and one WARN per job and
 * field names the job, the field and the text. One odd value in one job must never stop the jobs behind it: a page
 * that failed for it would fail again at every poll.
 * <p>
 * Unknown elements are read by {@link AnyElementReader}. One reader per page, not thread-safe. Each job's kept
 * elements live in a DOM document of their own, so jobs handed to different threads share no DOM state.
 */
final class JobsDetailReader {

    private static final Logger LOG = LoggerFactory.getLogger(JobsDetailReader.class);

    private final XMLStreamReader reader;
    private final IntFunction<String> labels;
    private final CiIntegerAdapter integers = new CiIntegerAdapter();
    /** The structured elements from {@code <JobsDetail>} down to the one being read, for naming an odd field. */
    private final Deque<String> path = new ArrayDeque<>();
    /** The object whose fields are being bound: where an element that does not fit its field is kept. */
    private XmlExtensible owner;
    private final AnyElementReader others;
    private final NamespaceBindings inJob = new NamespaceBindings(); // declared from <JobsDetail> down
    private final TextCache texts = new TextCache();
    /** Time fields: CreationTime, StartTime, EndTime, TimeInterval Start and End. */
    private static final int TIME_FIELDS = 5;
    /** Longest time text remembered: the API's notations are 20 to 25 characters. */
    private static final int RECENT_LENGTH = 25;
    /** The last time read of each field, as text and as value, so that a repeated time is not parsed again. */
    private final char[] recentTexts = new char[TIME_FIELDS * RECENT_LENGTH];
    private final int[] recentLengths = { -1, -1, -1, -1, -1 };
    private final OffsetDateTime[] recentTimes = new OffsetDateTime[TIME_FIELDS];

    /**
     * @param reader the page's reader; {@link #read(int)} is called with it on each {@code <JobsDetail>} start tag
     * @param labels how to name a job in a warning if it has no JobId, by its index, e.g. {@code JobsDetail #3}
     */
    JobsDetailReader(XMLStreamReader reader, IntFunction<String> labels) {
        this.reader = reader;
        this.labels = labels;
        this.others = new AnyElementReader(reader);
    }

    /**
     * Reads the job whose start tag is the reader's current event and leaves the reader on its end tag. Values that
     * do not fit their fields are kept as elements and logged, see the class comment.
     *
     * @param  index              the job's place in the page, from 0, for {@code labels}
     * @return                    the job
     * @throws XMLStreamException if the XML is not well-formed or ends early
     */
    JobsDetail read(int index) throws XMLStreamException {
        others.nextJob();
        inJob.reset(0);
        path.clear();
        oddFields = null;
        JobsDetail job = readObject(new JobsDetail(), JobsDetailReader::jobsDetail);
        if (oddFields != null) {
            String id = job.getJobId() != null ? "job " + job.getJobId() : labels.apply(index);
            for (String odd : oddFields) {
                LOG.warn("CI {}: {}; the field is left empty and the element kept as it came (see the job's XML)", id, odd);
            }
        }
        return job;
    }

    /** What did not fit in the job being read, or {@code null}: rare, so not allocated per job. */
    private List<String> oddFields;

    /** Binds the child element the reader is on, if the target maps it; {@code false} keeps it as DOM. */
    @FunctionalInterface
    private interface Fields<T> {
        boolean bind(JobsDetailReader in, String name, T target) throws XMLStreamException;
    }

    // One method per model class: the element names are those of the class's @XmlElement annotations.

    private static boolean jobsDetail(JobsDetailReader in, String name, JobsDetail job)
            throws XMLStreamException {
        switch (name) {
            case "Code" -> job.setCode(in.text());
            case "Message" -> job.setMessage(in.text());
            case "Type" -> job.setType(in.text());
            case "Name" -> job.setName(in.text());
            case "JobId" -> job.setJobId(in.text(false)); // unique: not worth caching
            case "State" -> job.setState(in.text());
            case "Tag" -> job.setTag(in.text());
            case "Progress" -> job.setProgress(in.text());
            case "QueueId" -> job.setQueueId(in.text());
            case "CreationTime" -> job.setCreationTime(in.time(0));
            case "StartTime" -> job.setStartTime(in.time(1));
            case "EndTime" -> job.setEndTime(in.time(2));
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
            throws XMLStreamException {
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
            throws XMLStreamException {
        switch (name) {
            case "Start" -> interval.setStart(in.time(3));
            case "End" -> interval.setEnd(in.time(4));
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
            throws XMLStreamException {
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
    private <T extends XmlExtensible> T readObject(T target, Fields<T> fields) throws XMLStreamException {
        int mark = inJob.mark();
        inJob.pushDeclaredBy(reader); // what kept elements below will declare
        path.addLast(reader.getLocalName());
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String namespace = reader.getNamespaceURI();
                boolean unqualified = namespace == null || namespace.isEmpty();
                owner = target; // a nested readObject moved it
                if (!unqualified || !fields.bind(this, reader.getLocalName(), target)) {
                    target.getOtherElements().add(others.read(inJob));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                inJob.reset(mark);
                path.removeLast();
                return target;
            }
            // text, comments and processing instructions between fields mean nothing to JAXB either
        }
    }

    /**
     * The text of the leaf element the reader is on, leaving the reader on its end tag: what
     * {@link XMLStreamReader#getElementText()} gives, without its per-call buffer for the usual case of one text
     * event (the factory coalesces), which made reading allocate more than JAXB did. A leaf that holds elements is
     * kept whole as an odd field and gives {@code null}.
     */
    private String text() throws XMLStreamException {
        return text(true);
    }

    /** @param repeats whether the value tends to repeat between jobs, so that {@link TextCache} pays off */
    private String text(boolean repeats) throws XMLStreamException {
        String name = reader.getLocalName();
        int event = nextInLeaf();
        if (event == XMLStreamConstants.END_ELEMENT) {
            return "";
        }
        String first = "";
        if (event != XMLStreamConstants.START_ELEMENT) {
            first = repeats ? texts.text(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength())
                    : reader.getText();
            event = nextInLeaf();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return first;
            }
        }
        return textAfter(name, first, event);
    }

    /**
     * The rest of a leaf's text when it came in more than one event: {@code first} is the text so far, {@code event}
     * the event after it. Leaves the reader on the leaf's end tag; {@code null} when the leaf holds elements.
     */
    private String textAfter(String name, String first, int event) throws XMLStreamException {
        StringBuilder text = new StringBuilder(first); // text split by a comment or processing instruction
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                keepMixed(name, text);
                return null;
            }
            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            event = nextInLeaf();
        }
        return text.toString();
    }

    /** The next text, element or end event of a leaf element, skipping comments and processing instructions. */
    private int nextInLeaf() throws XMLStreamException {
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                        XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
                    return event;
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // skipped, as getElementText does
                }
                default -> throw new XMLStreamException("text-only element not closed", FixedLocation.of(reader.getLocation()));
            }
        }
    }

    /**
     * Keeps a leaf element that turned out to hold elements: its text so far, then the rest read as DOM. The reader
     * is on the first child's start tag and is left on the leaf's end tag.
     */
    private void keepMixed(String name, StringBuilder textSoFar) throws XMLStreamException {
        Element kept = others.textElement(name, textSoFar.toString());
        StringBuilder content = new StringBuilder(textSoFar);
        int event = XMLStreamConstants.START_ELEMENT;
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                Element child = others.read(inJob);
                kept.appendChild(kept.getOwnerDocument().adoptNode(child));
                content.append('<').append(child.getTagName()).append(">…");
            } else {
                kept.appendChild(kept.getOwnerDocument().createTextNode(reader.getText()));
                content.append(reader.getText());
            }
            event = nextInLeaf();
        }
        keepOdd(name, kept, content.toString(), "it holds elements where text was expected");
    }

    private void keepOdd(String name, Element kept, String text, String problem) {
        owner.getOtherElements().add(kept);
        if (oddFields == null) {
            oddFields = new ArrayList<>(2);
        }
        StringBuilder field = new StringBuilder();
        for (String step : path) {
            if (field.length() > 0 || !"JobsDetail".equals(step)) {
                field.append(step).append('/');
            }
        }
        oddFields.add("field " + field + name + " '" + text + "' cannot be read: " + problem);
    }

    /**
     * A time leaf. The usual case, one text event in the API's notation (or {@code -}), is read from the reader's
     * buffer without making a string, and a text equal to the previous one of the same field (jobs triggered
     * together share their times) gives the same, immutable, time without parsing. Anything else takes the way of
     * {@link #text()} and {@link CiTimeFormat#parse(String)}, with the same result.
     *
     * @param field which time field it is (its slot among the recent times), 0 to {@link #TIME_FIELDS} - 1
     */
    private OffsetDateTime time(int field) throws XMLStreamException {
        String name = reader.getLocalName();
        int event = nextInLeaf();
        if (event == XMLStreamConstants.END_ELEMENT) {
            return null; // empty: absent
        }
        String text;
        if (event == XMLStreamConstants.START_ELEMENT) {
            text = textAfter(name, "", event);
        } else {
            char[] chars = reader.getTextCharacters();
            int start = reader.getTextStart();
            int length = reader.getTextLength();
            OffsetDateTime time = null;
            boolean read = isRecent(field, chars, start, length);
            if (read) {
                time = recentTimes[field];
            } else if (length <= RECENT_LENGTH) {
                try {
                    time = CiTimeFormat.parseApiNotation(chars, start, length);
                    read = time != null || length == 1 && chars[start] == '-';
                } catch (DateTimeException outOfRange) {
                    read = false; // the slow way below names the value and keeps it
                }
                if (read) {
                    remember(field, chars, start, length, time);
                }
            }
            // a string now, before the reader reuses its buffer; a read time's characters are among the recent
            String first = read ? null : new String(chars, start, length);
            event = nextInLeaf();
            if (read && event == XMLStreamConstants.END_ELEMENT) {
                return time;
            }
            if (first == null) {
                first = new String(recentTexts, field * RECENT_LENGTH, length);
            }
            text = event == XMLStreamConstants.END_ELEMENT ? first : textAfter(name, first, event);
        }
        if (text == null) {
            return null; // held elements: kept as an odd field by textAfter
        }
        try {
            return CiTimeFormat.parse(text);
        } catch (IllegalArgumentException e) {
            keepOdd(name, others.textElement(name, text), text, "expected " + CiTimeFormat.ACCEPTED_FORMATS);
            return null;
        }
    }

    private boolean isRecent(int field, char[] chars, int start, int length) {
        if (recentLengths[field] != length) {
            return false;
        }
        int offset = field * RECENT_LENGTH;
        for (int i = length - 1; i >= 0; i--) { // from the end: the seconds differ first
            if (recentTexts[offset + i] != chars[start + i]) {
                return false;
            }
        }
        return true;
    }

    private void remember(int field, char[] chars, int start, int length, OffsetDateTime time) {
        System.arraycopy(chars, start, recentTexts, field * RECENT_LENGTH, length);
        recentLengths[field] = length;
        recentTimes[field] = time;
    }

    private Integer integer() throws XMLStreamException {
        String name = reader.getLocalName();
        String text = text();
        try {
            return integers.unmarshal(text);
        } catch (IllegalArgumentException e) {
            keepOdd(name, others.textElement(name, text), text, "expected an integer");
            return null;
        }
    }
}
