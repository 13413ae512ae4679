package io.github.tencentci.camel.parsing;

import java.io.InputStream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the error body of a failed CI request, {@code <Error><Code/><Message/><RequestId/><TraceId/></Error>}.
 * <p>
 * Lenient by design: it runs while a failure is already being reported, so it never throws. A body that is empty,
 * not XML or cut short gives the fields read before the problem ({@code null} for the others). Thread-safe.
 */
public final class CiErrorParser {

    /**
     * Parses an error body.
     *
     * @param  body the response body, may be {@code null}; read but not closed
     * @return      the error, never {@code null}
     */
    public CiError parse(InputStream body) {
        if (body == null) {
            return CiError.empty();
        }
        Fields fields = new Fields();
        XMLStreamReader reader = null;
        try {
            reader = HardenedXmlInputFactory.get().createXMLStreamReader(body);
            read(reader, fields);
        } catch (XMLStreamException | RuntimeException e) {
            // keep what was read: a truncated body still names its Code more often than not
        } finally {
            closeQuietly(reader);
        }
        return fields.toError();
    }

    private static void read(XMLStreamReader reader, Fields fields) throws XMLStreamException {
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2) { // a child of the root, whatever the root is called
                    String name = reader.getLocalName();
                    if (fields.wants(name)) {
                        fields.set(name, reader.getElementText().strip());
                        depth--; // getElementText consumed the end tag
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // the caller owns and closes the stream
            }
        }
    }

    private static final class Fields {
        private String code;
        private String message;
        private String requestId;
        private String traceId;

        boolean wants(String name) {
            return switch (name) {
                case "Code", "Message", "RequestId", "TraceId" -> true;
                default -> false;
            };
        }

        void set(String name, String value) {
            String v = value.isEmpty() ? null : value;
            switch (name) {
                case "Code" -> code = v;
                case "Message" -> message = v;
                case "RequestId" -> requestId = v;
                default -> traceId = v;
            }
        }

        CiError toError() {
            return new CiError(code, message, requestId, traceId);
        }
    }
}
