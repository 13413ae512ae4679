package io.github.tencentci.camel.parsing;

import org.glassfish.jaxb.runtime.v2.runtime.Coordinator;
import org.junit.jupiter.api.Test;

import static io.github.tencentci.camel.model.XmlFixtures.stream;
import static io.github.tencentci.camel.model.XmlFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parser's JAXB thread scope leaves nothing behind on the thread, after a good page or a broken one. */
class JaxbThreadScopeTest {

    private final JobPageParser parser = new JobPageParser();

    @Test
    void aParsedPageLeavesNoCoordinatorOnTheThread() throws Exception {
        assertThat(parser.parse(stream(text("sample-response.xml"))).jobs()).isNotEmpty();

        assertThat(Coordinator._getInstance()).isNull();
    }

    @Test
    void aPageFailingInsideAJobLeavesNoCoordinatorOnTheThread() {
        assertThatThrownBy(() -> parser.parse(stream("<Response><JobsDetail><JobId>a</JobId>"
                + "<CreationTime>yesterday</CreationTime></JobsDetail></Response>")))
                .isInstanceOf(MalformedResponseException.class);

        assertThat(Coordinator._getInstance()).isNull();
    }

    @Test
    void theScopeIsActiveWhileOpenAndGoneWhenClosed() {
        try (JaxbThreadScope scope = new JaxbThreadScope()) {
            assertThat(Coordinator._getInstance()).isSameAs(scope);
        }
        assertThat(Coordinator._getInstance()).isNull();
    }
}
