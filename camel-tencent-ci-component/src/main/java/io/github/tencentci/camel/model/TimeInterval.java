package io.github.tencentci.camel.model;

import java.time.OffsetDateTime;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The creation-time window of the objects a batch job processes: {@code Operation/TimeInterval}.
 */
@XmlType(propOrder = {
        "start", "end", "duration", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TimeInterval extends XmlExtensible {

    @XmlElement(name = "Start")
    private OffsetDateTime start;
    @XmlElement(name = "End")
    private OffsetDateTime end;
    @XmlElement(name = "Duration")
    private String duration;

    /**
     * Start of the window.
     *
     * @return the start, {@code null} if absent
     */
    @JsonIgnore
    public OffsetDateTime getStart() {
        return start;
    }

    /**
     * @param start see {@link #getStart()}
     */
    public void setStart(OffsetDateTime start) {
        this.start = start;
    }

    /**
     * End of the window.
     *
     * @return the end, {@code null} if absent
     */
    @JsonIgnore
    public OffsetDateTime getEnd() {
        return end;
    }

    /**
     * @param end see {@link #getEnd()}
     */
    public void setEnd(OffsetDateTime end) {
        this.end = end;
    }

    /**
     * Length of the window as the API reports it.
     *
     * @return the value, may be {@code null}
     */
    public String getDuration() {
        return duration;
    }

    /**
     * @param duration see {@link #getDuration()}
     */
    public void setDuration(String duration) {
        this.duration = duration;
    }

    // Jackson views of the times: ISO strings, so that no jackson-datatype-jsr310 module is needed.

    @JsonProperty("start")
    private String startIso() {
        return CiTimeFormat.formatIso(start);
    }

    @JsonProperty("end")
    private String endIso() {
        return CiTimeFormat.formatIso(end);
    }
}
