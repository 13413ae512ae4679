package io.github.tencentci.camel.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import io.github.tencentci.camel.model.JobRequest;

/** Writes a {@link JobRequest} as the XML body of a trigger request, with JAXB (the model's annotations). */
final class JobRequestWriter {

    private static final JAXBContext CONTEXT = context();

    private JobRequestWriter() {
    }

    static byte[] write(JobRequest request) throws IOException {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller(); // cheap; not thread-safe, so one per request
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            marshaller.marshal(request, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IOException("Cannot write the trigger request for job '" + request.getName() + "': " + e, e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(JobRequest.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
