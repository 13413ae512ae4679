package io.github.tencentci.camel.parsing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import jakarta.xml.bind.ValidationEventLocator;

import io.github.tencentci.camel.model.JobsDetail;

/**
 * Reads one page of {@code GET /inventorytriggerjob}:
 *
 * <pre>
 * &lt;Response&gt;
 *   &lt;RequestId&gt;..&lt;/RequestId&gt;
 *   &lt;JobsDetail&gt;..&lt;/JobsDetail&gt;   zero or more
 *   &lt;NextToken&gt;..&lt;/NextToken&gt;
 * &lt;/Response&gt;
 * </pre>
 *
 * The body is streamed with StAX and each {@code JobsDetail} is bound by JAXB as it comes, so a page never exists
 * as a whole-document DOM. Unknown top-level elements are skipped; unknown elements inside a job are kept on the
 * model. A value that does not fit its type (a time or an integer) fails the page rather than silently becoming
 * {@code null}.
 * <p>
 * Thread-safe and meant to be reused: the JAXB context is created once per JVM.
 */
public final class JobPageParser {

    private static final String RESPONSE = "Response";
    private static final String REQUEST_ID = "RequestId";
    private static final String JOBS_DETAIL = "JobsDetail";
    private static final String NEXT_TOKEN = "NextToken";

    /**
     * Parses one page.
     *
     * @param  body                       the response body; read to its end but not closed
     * @return                            the page
     * @throws MalformedResponseException if the body is not well-formed XML, is truncated, has a DOCTYPE, is not
     *                                    a {@code <Response>}, or a job holds a value that does not fit its type
     */
    public JobPage parse(InputStream body) throws MalformedResponseException {
        XMLStreamReader reader;
        try {
            reader = HardenedXmlInputFactory.get().createXMLStreamReader(body);
        } catch (XMLStreamException e) {
            throw malformed("cannot start reading the body: " + problem(e), e.getLocation(), e);
        }
        try (JaxbThreadScope scope = new JaxbThreadScope()) {
            FailFastHandler errors = new FailFastHandler();
            return readResponse(reader, newUnmarshaller(errors), errors);
        } catch (XMLStreamException e) {
            throw malformed(problem(e), e.getLocation(), e);
        } finally {
            closeQuietly(reader);
        }
    }

    private static JobPage readResponse(XMLStreamReader reader, Unmarshaller unmarshaller, FailFastHandler errors)
            throws XMLStreamException, MalformedResponseException {
        moveToRoot(reader);
        if (!RESPONSE.equals(reader.getLocalName())) {
            throw malformed("expected root element <Response> but found <" + reader.getLocalName() + ">",
                    reader.getLocation(), null);
        }
        String requestId = null;
        String nextToken = null;
        List<JobsDetail> jobs = new ArrayList<>();
        int event = reader.next();
        while (event != XMLStreamConstants.END_ELEMENT) { // the end of <Response>: children are consumed whole
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (reader.getLocalName()) {
                    case JOBS_DETAIL -> {
                        jobs.add(unmarshalJob(reader, unmarshaller, errors, jobs.size()));
                        // JAXB leaves the reader on the event after </JobsDetail>: look at it, don't skip it
                        event = reader.getEventType();
                        continue;
                    }
                    case REQUEST_ID -> requestId = reader.getElementText().strip();
                    case NEXT_TOKEN -> nextToken = reader.getElementText().strip();
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
        return new JobPage(requestId, jobs, nextToken);
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

    private static JobsDetail unmarshalJob(
            XMLStreamReader reader, Unmarshaller unmarshaller, FailFastHandler errors, int index)
            throws MalformedResponseException {
        // copied now: the JDK reader's Location is a live view that moves on with the reader
        Location start = snapshot(reader.getLocation());
        // jaxb-runtime 4.0.6 creates a TransformerFactory for every element it keeps as DOM (eclipse-ee4j/jaxb-ri
        // #1824, fixed in 4.0.7); the lookup scans the context class loader's class path for a provider, which
        // made a page with media-task blocks ~10x slower. With the platform loader the lookup finds the JDK's
        // factory at once (the one the JDK would use anyway without a provider on the class path).
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return unmarshaller.unmarshal(reader, JobsDetail.class).getValue();
        } catch (JAXBException e) {
            String job = "JobsDetail #" + (index + 1) + ": ";
            if (e.getLinkedException() instanceof XMLStreamException xse) {
                throw malformed(job + problem(xse), xse.getLocation() != null ? xse.getLocation() : start, e);
            }
            ValidationEvent event = errors.failure;
            if (event != null) {
                throw malformed(job + problem(event), locationOf(event, start), e);
            }
            throw malformed(job + e, start, e);
        } finally {
            thread.setContextClassLoader(callers);
        }
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

    private static Unmarshaller newUnmarshaller(FailFastHandler errors) {
        try {
            Unmarshaller unmarshaller = Context.INSTANCE.createUnmarshaller();
            // Without a handler JAXB turns a value it cannot convert into null and says nothing.
            unmarshaller.setEventHandler(errors);
            return unmarshaller;
        } catch (JAXBException e) {
            // the context was built at class init, so this is a broken JAXB runtime rather than a bad body
            throw new IllegalStateException("Cannot create a JAXB unmarshaller for JobsDetail", e);
        }
    }

    // The StAX message of the JDK repeats the location on a first line: "ParseError at [row,col]:[1,25]\nMessage: ..."
    private static String problem(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()) : message;
    }

    private static String problem(ValidationEvent event) {
        // JAXB wraps what an adapter throws; the adapters' own IllegalArgumentException has the useful message
        for (Throwable t = event.getLinkedException(); t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return event.getMessage();
    }

    private static Location locationOf(ValidationEvent event, Location fallback) {
        ValidationEventLocator locator = event.getLocator();
        if (locator == null || locator.getLineNumber() < 0) {
            return fallback;
        }
        return snapshot(locator.getLineNumber(), locator.getColumnNumber());
    }

    private static MalformedResponseException malformed(String what, Location where, Throwable cause) {
        String at = where == null || where.getLineNumber() < 0
                ? "" : " at line " + where.getLineNumber() + ", column " + where.getColumnNumber();
        return new MalformedResponseException("Malformed CI job listing response" + at + ": " + what, cause);
    }

    private static Location snapshot(Location live) {
        return live == null ? snapshot(-1, -1) : snapshot(live.getLineNumber(), live.getColumnNumber());
    }

    private static Location snapshot(int line, int column) {
        return new Location() {
            @Override
            public int getLineNumber() {
                return line;
            }

            @Override
            public int getColumnNumber() {
                return column;
            }

            @Override
            public int getCharacterOffset() {
                return -1;
            }

            @Override
            public String getPublicId() {
                return null;
            }

            @Override
            public String getSystemId() {
                return null;
            }
        };
    }

    private static void closeQuietly(XMLStreamReader reader) {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing to release that matters: the caller owns and closes the stream
        }
    }

    /** Fails the unmarshalling on the first error and remembers it, for the message. One per unmarshaller. */
    private static final class FailFastHandler implements ValidationEventHandler {
        private ValidationEvent failure;

        @Override
        public boolean handleEvent(ValidationEvent event) {
            if (event.getSeverity() == ValidationEvent.WARNING) {
                return true;
            }
            failure = event;
            return false;
        }
    }

    // Holder idiom: one JAXBContext per JVM, built on first use, shared by every parser instance.
    private static final class Context {
        static final JAXBContext INSTANCE = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(JobsDetail.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("Cannot create the JAXB context for JobsDetail", e);
            }
        }
    }
}
