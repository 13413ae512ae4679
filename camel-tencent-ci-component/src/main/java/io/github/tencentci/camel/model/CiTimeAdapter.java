package io.github.tencentci.camel.model;

import java.time.OffsetDateTime;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Binds the CI time notation to {@link OffsetDateTime} (registered for the whole package in
 * {@code package-info.java}). The literal {@code -} becomes {@code null}.
 */
public final class CiTimeAdapter extends XmlAdapter<String, OffsetDateTime> {

    @Override
    public OffsetDateTime unmarshal(String text) {
        return CiTimeFormat.parse(text);
    }

    @Override
    public String marshal(OffsetDateTime time) {
        return CiTimeFormat.format(time);
    }
}
