package io.github.tencentci.camel.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The body of a trigger request, {@code POST /inventorytriggerjob}:
 * {@code <Request><Name/><Type/><Input/><Operation/></Request>}. Holds what defines a job and nothing of a run.
 */
@XmlRootElement(name = "Request")
@XmlType(propOrder = { "name", "type", "input", "operation" })
public class JobRequest {

    @XmlElement(name = "Name")
    private String name;
    @XmlElement(name = "Type")
    private String type;
    @XmlElement(name = "Input")
    private JobInput input;
    @XmlElement(name = "Operation")
    private JobOperation operation;

    /** For JAXB. */
    public JobRequest() {
    }

    public JobRequest(String name, String type, JobInput input, JobOperation operation) {
        this.name = name;
        this.type = type;
        this.input = input;
        this.operation = operation;
    }

    /**
     * The request that submits {@code job} again: its {@code Name}, {@code Type}, {@code Input} and
     * {@code Operation} (elements this model does not know included), and nothing of the run it describes
     * ({@code JobId}, {@code State}, {@code Code}, {@code Message}, {@code Progress}, times).
     */
    public static JobRequest resubmitting(JobsDetail job) {
        return new JobRequest(job.getName(), job.getType(), job.getInput(), job.getOperation());
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public JobInput getInput() {
        return input;
    }

    public JobOperation getOperation() {
        return operation;
    }
}
