package io.github.tencentci.camel.parsing;

import javax.xml.stream.Location;

/**
 * A well-formed element whose text does not fit its field's type (a time, an integer). Internal to parsing:
 * {@link JobPageParser} turns it into a {@link MalformedResponseException} naming the job.
 */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Location location;

    /**
     * @param message  what was wrong, quoting the value
     * @param location where the bad element ends (a snapshot, not the reader's live location)
     * @param cause    the conversion error
     */
    InvalidValueException(String message, Location location, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    Location location() {
        return location;
    }
}
