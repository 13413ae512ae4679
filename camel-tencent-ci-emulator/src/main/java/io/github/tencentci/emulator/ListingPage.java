package io.github.tencentci.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One page of the listing, written straight from the jobs' pre-rendered XML:
 * {@code <Response><RequestId/><JobsDetail/>*<NextToken/></Response>}.
 */
final class ListingPage {

    private final byte[] head;
    private final EmulatedJob[] jobs;
    private final int from;
    private final int to;
    private final byte[] tail;

    /** @param nextToken "" on the last page */
    ListingPage(String requestId, EmulatedJob[] jobs, int from, int to, String nextToken) {
        this.head = ("<Response>\n<RequestId>" + XmlText.escape(requestId) + "</RequestId>\n")
                .getBytes(StandardCharsets.UTF_8);
        this.jobs = jobs;
        this.from = from;
        this.to = to;
        this.tail = ("<NextToken>" + XmlText.escape(nextToken) + "</NextToken>\n</Response>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    long contentLength() {
        long length = head.length + tail.length;
        for (int i = from; i < to; i++) {
            length += jobs[i].xmlBytes().length;
        }
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(head);
        for (int i = from; i < to; i++) {
            out.write(jobs[i].xmlBytes());
        }
        out.write(tail);
    }
}
