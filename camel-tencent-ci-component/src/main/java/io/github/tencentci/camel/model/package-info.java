/**
 * The body of a {@code tencent-ci:jobs} Exchange: one {@link io.github.tencentci.camel.model.JobsDetail} of the
 * CI batch-job listing API, bound with JAXB.
 * <p>
 * Every class keeps the elements it does not know (see {@link io.github.tencentci.camel.model.XmlExtensible}),
 * so that a field Tencent adds later is neither lost nor fatal, and is written back when the object is
 * marshalled again.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlJavaTypeAdapter(type = OffsetDateTime.class, value = CiTimeAdapter.class)
package io.github.tencentci.camel.model;

import java.time.OffsetDateTime;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
