package io.github.tencentci.emulator.junit;

import io.github.tencentci.emulator.CiEmulator;

import java.util.Objects;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives every test a fresh, started {@link CiEmulator} and closes it after the test, so no
 * job, fault or recorded request leaks from one test into the next (as OkHttp's MockWebServer extension does):
 * <pre>{@code
 * @RegisterExtension
 * static CiEmulatorExtension ci = CiEmulatorExtension.of(CiEmulator.builder().credentials("AKIDexample", "secret"));
 *
 * @Test
 * void emitsFailedJobs(CiEmulator emulator) {     // or ci.emulator()
 *     emulator.jobs().add(...);
 *     // point the client at emulator.baseUrl(), then
 *     assertThat(emulator.takeRequest().params()).containsEntry("states", "Failed");
 * }
 * }</pre>
 * The emulator is started before each test (before {@code @BeforeEach} methods of the test class run, when the
 * extension is registered on a static field) and closed after it. Test methods, {@code @BeforeEach} and
 * {@code @AfterEach} methods can take it as a {@link CiEmulator} parameter. It holds one emulator at a time, so
 * the methods of a class using it must not run concurrently (JUnit's default).
 */
public final class CiEmulatorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final CiEmulator.Builder builder;
    private volatile CiEmulator emulator;

    private CiEmulatorExtension(CiEmulator.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** @param builder how to build each test's emulator; {@link CiEmulator.Builder#start()} is called per test */
    public static CiEmulatorExtension of(CiEmulator.Builder builder) {
        return new CiEmulatorExtension(builder);
    }

    /**
     * @return the current test's emulator
     * @throws IllegalStateException outside a test (e.g. in {@code @BeforeAll})
     */
    public CiEmulator emulator() {
        CiEmulator current = emulator;
        if (current == null) {
            throw new IllegalStateException("the CI emulator runs only during a test (from before each @BeforeEach"
                    + " to after each @AfterEach), not in @BeforeAll/@AfterAll or before the test class runs");
        }
        return current;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator = builder.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        CiEmulator current = emulator;
        emulator = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CiEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
