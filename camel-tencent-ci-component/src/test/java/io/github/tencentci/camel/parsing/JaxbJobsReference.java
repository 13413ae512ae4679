package io.github.tencentci.camel.parsing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;

import io.github.tencentci.camel.model.JobsDetail;

/**
 * The read path as it was before {@link JobsDetailReader}: JAXB unmarshals each {@code <JobsDetail>} child of the
 * root from the StAX reader, failing on the first binding error. The reference the differential test compares the
 * hand-written binder with; speed does not matter here.
 */
final class JaxbJobsReference {

    private static final JAXBContext CONTEXT = context();

    private JaxbJobsReference() {
    }

    /**
     * @return                       the jobs of the page, in order
     * @throws IllegalStateException if JAXB (or the XML) fails; the message says why
     */
    static List<JobsDetail> jobs(String page) {
        try {
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            unmarshaller.setEventHandler(event -> event.getSeverity() == ValidationEvent.WARNING);
            XMLStreamReader reader = HardenedXmlInputFactory.get()
                    .createXMLStreamReader(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
            List<JobsDetail> jobs = new ArrayList<>();
            int depth = 0;
            int event = reader.next();
            while (event != XMLStreamConstants.END_DOCUMENT) {
                if (event == XMLStreamConstants.START_ELEMENT && depth == 1
                        && "JobsDetail".equals(reader.getLocalName())) {
                    jobs.add(unmarshaller.unmarshal(reader, JobsDetail.class).getValue());
                    event = reader.getEventType(); // JAXB leaves the reader on the event after </JobsDetail>
                    continue;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
                event = reader.next();
            }
            return jobs;
        } catch (JAXBException | XMLStreamException e) {
            throw new IllegalStateException("JAXB reference failed: " + e, e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(JobsDetail.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
