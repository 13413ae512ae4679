package io.github.tencentci.emulator.junit;

import io.github.tencentci.emulator.CiEmulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The extension's lifecycle as JUnit runs it: one fresh emulator per test, closed after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CiEmulatorExtensionTest {

    @RegisterExtension
    static final CiEmulatorExtension CI = CiEmulatorExtension.of(
            CiEmulator.builder().credentials("AKIDexample", "secretKeyExample"));

    private static CiEmulator first;
    private CiEmulator seenInBeforeEach;

    @BeforeEach
    void injectedBeforeEachToo(CiEmulator emulator) {
        seenInBeforeEach = emulator;
    }

    @Test
    @Order(1)
    void injectsTheRunningEmulatorOfThisTest(CiEmulator emulator) {
        assertThat(emulator).isSameAs(CI.emulator()).isSameAs(seenInBeforeEach);
        assertThat(accepts(emulator.port())).isTrue();
        emulator.jobs().seed(3, 1L);
        first = emulator;
    }

    @Test
    @Order(2)
    void startsAFreshOneForTheNextTestAndClosedTheLast(CiEmulator emulator) {
        assertThat(first).isNotNull();
        assertThat(emulator).isNotSameAs(first);
        assertThat(emulator.jobs().size()).isZero();
        assertThat(emulator.requests().count()).isZero();
        assertThat(accepts(first.port())).as("the first test's emulator is closed").isFalse();
    }

    @AfterAll
    static void noEmulatorOutsideATest() {
        assertThatThrownBy(CI::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs only during a test");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
