package io.github.tencentci.camel.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Binds an integer element where the API may also send an empty element ({@code <JobLevel/>}), which means
 * absent, not an error.
 */
public final class CiIntegerAdapter extends XmlAdapter<String, Integer> {

    @Override
    public Integer unmarshal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid integer '" + text + "'", e);
        }
    }

    @Override
    public String marshal(Integer value) {
        return value == null ? null : value.toString();
    }
}
