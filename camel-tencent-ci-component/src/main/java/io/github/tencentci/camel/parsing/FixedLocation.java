package io.github.tencentci.camel.parsing;

import javax.xml.stream.Location;

/**
 * A copy of a StAX {@link Location}: the JDK reader's location is a live view that moves on with the reader, so an
 * error's position must be copied when the error is found.
 *
 * @param getLineNumber   the line, -1 if unknown
 * @param getColumnNumber the column, -1 if unknown
 */
record FixedLocation(int getLineNumber, int getColumnNumber) implements Location {

    static FixedLocation of(Location live) {
        return live == null ? new FixedLocation(-1, -1) : new FixedLocation(live.getLineNumber(), live.getColumnNumber());
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
}
