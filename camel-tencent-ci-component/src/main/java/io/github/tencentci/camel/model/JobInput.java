package io.github.tencentci.camel.model;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a batch job reads: {@code JobsDetail/Input}.
 */
@XmlType(propOrder = {
        "prefix", "manifest", "urlFile", "object", "otherElements" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class JobInput extends XmlExtensible {

    @XmlElement(name = "Prefix")
    private String prefix;
    @XmlElement(name = "Manifest")
    private String manifest;
    @XmlElement(name = "UrlFile")
    private String urlFile;
    @XmlElement(name = "Object")
    private String object;

    /**
     * The object key prefix the job scans.
     *
     * @return the value, may be {@code null}
     */
    public String getPrefix() {
        return prefix;
    }

    /**
     * @param prefix see {@link #getPrefix()}
     */
    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The COS inventory manifest the job reads.
     *
     * @return the value, may be {@code null}
     */
    public String getManifest() {
        return manifest;
    }

    /**
     * @param manifest see {@link #getManifest()}
     */
    public void setManifest(String manifest) {
        this.manifest = manifest;
    }

    /**
     * The file listing the URLs the job reads.
     *
     * @return the value, may be {@code null}
     */
    public String getUrlFile() {
        return urlFile;
    }

    /**
     * @param urlFile see {@link #getUrlFile()}
     */
    public void setUrlFile(String urlFile) {
        this.urlFile = urlFile;
    }

    /**
     * The single object the job reads.
     *
     * @return the value, may be {@code null}
     */
    public String getObject() {
        return object;
    }

    /**
     * @param object see {@link #getObject()}
     */
    public void setObject(String object) {
        this.object = object;
    }
}
