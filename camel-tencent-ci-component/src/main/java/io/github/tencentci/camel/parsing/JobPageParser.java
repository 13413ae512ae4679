package io.github.tencentci.camel.parsing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.github.tencentci.camel.model.JobsDetail;

/**
 * Reads one page of {@code GET /inventorytriggerjob} ({@link #parse}), and the answers about one job of describe
 * ({@code GET /inventorytriggerjob/<jobId>}) and trigger ({@code POST /inventorytriggerjob}) ({@link #parseAnswer}),
 * which share the shape:
 *
 * <pre>
 * &lt;Response&gt;
 *   &lt;RequestId&gt;..&lt;/RequestId&gt;
 *   &lt;JobsDetail&gt;..&lt;/JobsDetail&gt;           zero or more (one in a describe or trigger answer)
 *   &lt;NextToken&gt;..&lt;/NextToken&gt;             listing only
 *   &lt;NonExistJobIds&gt;..&lt;/NonExistJobIds&gt;   describe only, for an id the service does not know
 * &lt;/Response&gt;
 * </pre>
 *
 * The body is streamed with StAX and each {@code JobsDetail} is bound as it comes by {@link JobsDetailReader} (a
 * hand-written binder that builds what JAXB would, at a fraction of the cost), so a page never exists as a
 * whole-document DOM. Unknown top-level elements are skipped; unknown elements inside a job are kept on the
 * model. A value that does not fit its field (a time or an integer that does not parse) does not fail the page:
 * the job is still read, with that field empty and the element kept as it came, and a WARN names it. Only a body
 * that is not well-formed XML, or is cut short, fails the page.
 * <p>
 * Thread-safe and meant to be reused: it holds no state; each parse has its own reader.
 */
public final class JobPageParser {

    private static final String RESPONSE = "Response";
    private static final String REQUEST_ID = "RequestId";
    private static final String JOBS_DETAIL = "JobsDetail";
    private static final String NEXT_TOKEN = "NextToken";
    private static final String NON_EXIST_JOB_IDS = "NonExistJobIds";

    /** Everything a {@code <Response>} can hold. */
    private record Response(String requestId, List<JobsDetail> jobs, String nextToken, List<String> nonExistJobIds) {
    }

    /**
     * Parses one page.
     *
     * @param  body                       the response body; read to its end but not closed
     * @return                            the page
     * @throws MalformedResponseException if the body is not well-formed XML, is truncated, has a DOCTYPE, is not
     *                                    a {@code <Response>}
     */
    public JobPage parse(InputStream body) throws MalformedResponseException {
        Response response = read(body);
        return new JobPage(response.requestId(), response.jobs(), response.nextToken());
    }

    /**
     * Parses the answer of describe or trigger: at most one job, and the ids the service does not know.
     *
     * @param  body                       the response body; read to its end but not closed
     * @throws MalformedResponseException as {@link #parse}, and when the answer holds more than one job
     */
    public JobAnswer parseAnswer(InputStream body) throws MalformedResponseException {
        Response response = read(body);
        if (response.jobs().size() > 1) {
            throw new MalformedResponseException("Malformed CI job response: expected at most one JobsDetail, found "
                                                 + response.jobs().size(), null);
        }
        return new JobAnswer(response.requestId(), response.jobs().isEmpty() ? null : response.jobs().get(0),
                response.nonExistJobIds());
    }

    private static Response read(InputStream body) throws MalformedResponseException {
        XMLStreamReader reader;
        try {
            reader = HardenedXmlInputFactory.get().createXMLStreamReader(body);
        } catch (XMLStreamException e) {
            throw malformed("cannot start reading the body: " + problem(e), e.getLocation(), e);
        }
        try {
            return readResponse(reader);
        } catch (XMLStreamException e) {
            throw malformed(problem(e), e.getLocation(), e);
        } finally {
            closeQuietly(reader);
        }
    }

    private static Response readResponse(XMLStreamReader reader)
            throws XMLStreamException, MalformedResponseException {
        moveToRoot(reader);
        if (!RESPONSE.equals(reader.getLocalName())) {
            throw malformed("expected root element <Response> but found <" + reader.getLocalName() + ">",
                    reader.getLocation(), null);
        }
        String requestId = null;
        String nextToken = null;
        List<JobsDetail> jobs = new ArrayList<>(100); // the API's largest page
        List<String> nonExistJobIds = new ArrayList<>(0);
        JobsDetailReader jobReader = new JobsDetailReader(reader, JobPageParser::jobLabel);
        int event = reader.next();
        while (event != XMLStreamConstants.END_ELEMENT) { // the end of <Response>: children are consumed whole
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case JOBS_DETAIL -> jobs.add(readJob(reader, jobReader, jobs.size()));
                    case REQUEST_ID -> requestId = reader.getElementText().strip();
                    case NEXT_TOKEN -> nextToken = reader.getElementText().strip();
                    case NON_EXIST_JOB_IDS -> nonExistJobIds.add(reader.getElementText().strip());
                    default -> skipElement(reader);
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw malformed("body ends before </Response>", reader.getLocation(), null);
            }
            event = reader.next();
        }
        // reading to the end makes trailing garbage (a second root, text) fail like any other malformed body
        while (reader.hasNext()) {
            reader.next();
        }
        return new Response(requestId, jobs, nextToken, List.copyOf(nonExistJobIds));
    }

    private static void moveToRoot(XMLStreamReader reader) throws XMLStreamException, MalformedResponseException {
        int event = reader.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                throw malformed("DOCTYPE declarations are not allowed", reader.getLocation(), null);
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw malformed("body has no root element (empty?)", reader.getLocation(), null);
            }
            event = reader.next();
        }
    }

    private static JobsDetail readJob(XMLStreamReader reader, JobsDetailReader jobReader, int index)
            throws MalformedResponseException {
        try {
            return jobReader.read(index);
        } catch (XMLStreamException e) {
            // the reader's exceptions carry where they happened; else where the reader stopped, inside this job
            // (copied: the JDK reader's Location is a live view that moves on with the reader)
            Location where = e.getLocation() != null ? e.getLocation() : FixedLocation.of(reader.getLocation());
            throw malformed(jobLabel(index) + ": " + problem(e), where, e);
        }
    }

    private static String jobLabel(int index) {
        return "JobsDetail #" + (index + 1);
    }

    private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    // The StAX message of the JDK repeats the location on a first line: "ParseError at [row,col]:[1,25]\nMessage: ..."
    private static String problem(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()) : message;
    }

    private static MalformedResponseException malformed(String what, Location where, Throwable cause) {
        String at = where == null || where.getLineNumber() < 0
                ? "" : " at line " + where.getLineNumber() + ", column " + where.getColumnNumber();
        return new MalformedResponseException("Malformed CI job response" + at + ": " + what, cause);
    }

    private static void closeQuietly(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing to release that matters: the caller owns and closes the stream
        }
    }
}
