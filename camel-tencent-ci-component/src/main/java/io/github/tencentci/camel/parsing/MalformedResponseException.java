package io.github.tencentci.camel.parsing;

import java.io.IOException;

/**
 * A response body of the CI API that cannot be read: not XML, truncated, or not shaped as documented. The message
 * says what was wrong and where (line and column when known).
 */
public class MalformedResponseException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong and where
     */
    public MalformedResponseException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and where
     * @param cause   the XML or binding error behind it
     */
    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
