package io.github.tencentci.camel.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The two layers of the component: the CI client at the bottom (signing, HTTP, parsing, the model and the listing
 * walk), usable without Camel, and the Camel face on top (component, endpoint, configuration, consumer, delivery
 * tracking, poll monitoring). The client imports nothing from Camel and nothing from the Camel face. (ArchUnit fails
 * a rule that matches no class, so a renamed package cannot make these pass vacuously.)
 */
class LayersTest {

    static final String[] CLIENT = {
            "io.github.tencentci.camel.client..", "io.github.tencentci.camel.http..", "io.github.tencentci.camel.model..",
            "io.github.tencentci.camel.parsing..", "io.github.tencentci.camel.signing.." };

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.tencentci.camel");

    @Test
    void theClientImportsNothingFromCamel() {
        noClasses().that().resideInAnyPackage(CLIENT)
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(MAIN);
    }

    @Test
    void theClientImportsNothingFromTheCamelFace() {
        noClasses().that().resideInAnyPackage(CLIENT)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.github.tencentci.camel", "io.github.tencentci.camel.delivery..",
                        "io.github.tencentci.camel.monitoring..")
                .check(MAIN);
    }
}
