package io.github.tencentci.camel.client;

/** The {@code orderByTime} of the listing: the constant names are the service's spelling. */
public enum OrderByTime {
    Asc,
    Desc
}
