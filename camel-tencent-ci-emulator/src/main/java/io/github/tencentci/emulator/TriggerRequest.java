package io.github.tencentci.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The body of {@code POST /inventorytriggerjob}, {@code <Request><Name/><Type/><Input/><Operation/></Request>},
 * read into a new {@link EmulatedJob}. What the service requires is only partly documented; the emulator requires
 * {@code Type} ({@code Workflow} or {@code Job}), an {@code Input} with one of {@code Prefix}, {@code Manifest},
 * {@code UrlFile}, {@code Object}, and {@code Operation/WorkflowIds} for a workflow job. Elements it does not know
 * are ignored; {@code JobParam}'s media-task blocks are kept as they came.
 */
final class TriggerRequest {

    private final Element root;

    private TriggerRequest(Element root) {
        this.root = root;
    }

    /** @throws CiError 400 MissingContent, InvalidContent or InvalidArgument */
    static TriggerRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new CiError(400, "MissingContent", "POST /inventorytriggerjob needs a <Request> XML body");
        }
        Element root;
        try {
            root = documentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new CiError(400, "InvalidContent", "the body is not well-formed XML: " + e.getMessage());
        }
        if (!"Request".equals(root.getTagName())) {
            throw new CiError(400, "InvalidContent", "the body's root element must be <Request>, was <"
                    + root.getTagName() + ">");
        }
        return new TriggerRequest(root);
    }

    /** The job this request creates: Submitted at {@code now}, Code Success, no start or end time yet. */
    EmulatedJob toJob(String jobId, OffsetDateTime now) {
        String type = text(root, "Type");
        if (!EmulatedJob.TYPES.contains(type)) {
            throw CiError.invalidArgument("Request/Type must be one of " + EmulatedJob.TYPES + ", was "
                    + (type == null ? "missing" : "'" + type + "'"));
        }
        EmulatedJob.Builder job = EmulatedJob.builder().jobId(jobId).type(type).name(text(root, "Name"))
                .state("Submitted").creationTime(now);
        input(child(root, "Input"), job);
        Element operation = child(root, "Operation");
        if (operation != null) {
            operation(operation, job);
        }
        if (EmulatedJob.TYPE_WORKFLOW.equals(type) && blank(operation == null ? null : text(operation, "WorkflowIds"))) {
            throw CiError.invalidArgument("Request/Operation/WorkflowIds is required for a job of Type Workflow");
        }
        return job.build();
    }

    private static void input(Element input, EmulatedJob.Builder job) {
        String prefix = input == null ? null : text(input, "Prefix");
        String manifest = input == null ? null : text(input, "Manifest");
        String urlFile = input == null ? null : text(input, "UrlFile");
        String object = input == null ? null : text(input, "Object");
        if (blank(prefix) && blank(manifest) && blank(urlFile) && blank(object)) {
            throw CiError.invalidArgument("Request/Input needs one of Prefix, Manifest, UrlFile or Object");
        }
        job.inputPrefix(prefix).inputManifest(manifest).inputUrlFile(urlFile).inputObject(object);
    }

    private static void operation(Element op, EmulatedJob.Builder job) {
        Element interval = child(op, "TimeInterval");
        if (interval != null) {
            job.timeInterval(time(interval, "Start"), time(interval, "End"), text(interval, "Duration"));
        }
        job.workflowIds(text(op, "WorkflowIds")).operationQueueId(text(op, "QueueId"))
                .queueType(text(op, "QueueType")).userData(text(op, "UserData")).operationTag(text(op, "Tag"))
                .callBack(text(op, "CallBack")).callBackFormat(text(op, "CallBackFormat"))
                .callBackType(text(op, "CallBackType"));
        String jobLevel = text(op, "JobLevel");
        if (!blank(jobLevel)) {
            try {
                job.jobLevel(Integer.valueOf(jobLevel.trim()));
            } catch (NumberFormatException e) {
                throw CiError.invalidArgument("Request/Operation/JobLevel must be an integer, was '" + jobLevel + "'");
            }
        }
        String freeTranscode = text(op, "FreeTranscode");
        if (!blank(freeTranscode)) {
            job.freeTranscode(Boolean.valueOf(freeTranscode.trim()));
        }
        Element mq = child(op, "CallBackMqConfig");
        if (mq != null) {
            job.callBackMqConfig(text(mq, "MqMode"), text(mq, "MqRegion"), text(mq, "MqName"));
        }
        Element kafka = child(op, "CallBackKafkaConfig");
        if (kafka != null) {
            job.callBackKafkaConfig(text(kafka, "Region"), text(kafka, "InstanceId"), text(kafka, "Topic"));
        }
        Element jobParam = child(op, "JobParam");
        if (jobParam != null) {
            jobParam(jobParam, job);
        }
        Element output = child(op, "Output");
        if (output != null) {
            output(output, job);
        }
    }

    private static void jobParam(Element jobParam, EmulatedJob.Builder job) {
        StringBuilder blocks = new StringBuilder();
        forEachChild(jobParam, element -> {
            switch (element.getTagName()) {
                case "TemplateId" -> job.templateId(element.getTextContent());
                case "WatermarkTemplateId" -> job.watermarkTemplateId(element.getTextContent());
                case "TranscodeTemplateId" -> job.transcodeTemplateId(element.getTextContent());
                default -> blocks.append(blocks.length() > 0 ? "\n" : "").append(serialize(element));
            }
        });
        if (blocks.length() > 0) {
            job.jobParamXml(blocks.toString());
        }
    }

    private static void output(Element output, EmulatedJob.Builder job) {
        job.outputRegion(text(output, "Region")).outputBucket(text(output, "Bucket"))
                .outputObject(text(output, "Object")).outputSpriteObject(text(output, "SpriteObject"))
                .outputAuObject(text(output, "AuObject")).outputBassObject(text(output, "BassObject"))
                .outputDrumObject(text(output, "DrumObject"));
        String force = text(output, "Force");
        if (!blank(force)) {
            job.outputForce(Boolean.valueOf(force.trim()));
        }
        forEachChild(output, element -> {
            if ("StreamExtract".equals(element.getTagName())) {
                String index = text(element, "Index");
                try {
                    job.outputStreamExtract(Integer.parseInt(index == null ? "" : index.trim()), text(element, "Object"));
                } catch (NumberFormatException e) {
                    throw CiError.invalidArgument("Request/Operation/Output/StreamExtract/Index must be an integer,"
                            + " was '" + index + "'");
                }
            }
        });
    }

    /** TimeInterval times in CI's format ({@code 2022-02-25T12:00:00+0800}) or ISO-8601 with an offset. */
    private static OffsetDateTime time(Element interval, String name) {
        String value = text(interval, name);
        if (blank(value)) {
            return null;
        }
        try {
            return CiTime.parse(value.trim());
        } catch (IllegalArgumentException ciFormat) {
            try {
                return OffsetDateTime.parse(value.trim());
            } catch (DateTimeParseException iso) {
                throw CiError.invalidArgument("Request/Operation/TimeInterval/" + name + " '" + value
                        + "' is not a time like 2022-02-25T12:00:00+0800");
            }
        }
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }

    private static void forEachChild(Element parent, Consumer<Element> action) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        children.forEach(action);
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String serialize(Element element) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write back the JobParam element <" + element.getTagName() + ">", e);
        }
    }

    private static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // A request body is untrusted input: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors; prints nothing to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }
}
