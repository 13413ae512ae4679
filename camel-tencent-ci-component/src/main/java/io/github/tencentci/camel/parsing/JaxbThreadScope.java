package io.github.tencentci.camel.parsing;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;

import org.glassfish.jaxb.runtime.v2.runtime.Coordinator;

/**
 * Keeps an inert JAXB coordinator active on the current thread while a page is parsed, so that the one unmarshal
 * call per {@code JobsDetail} stops adding and removing a thread-local entry.
 * <p>
 * Why: the JAXB runtime (GlassFish) makes its unmarshalling context the thread's active coordinator at the start of
 * every unmarshal call and, when no coordinator was active before, removes the thread-local entry at the end. A page
 * of 100 jobs therefore created and removed a {@code ThreadLocalMap} entry 100 times, and on Camel's scheduler thread
 * (whose map is crowded) that took 16% of the polling thread's CPU in a JFR profile, most of it in
 * {@code ThreadLocalMap.cleanSomeSlots}. With this coordinator active underneath, each call only swaps the value of an
 * existing entry. Nothing is ever unmarshalled through this coordinator; each call still uses its own context.
 * <p>
 * Not thread-safe: open and close it on the same thread, with try-with-resources.
 */
final class JaxbThreadScope extends Coordinator implements AutoCloseable {

    JaxbThreadScope() {
        pushCoordinator();
    }

    @Override
    public void close() {
        popCoordinator();
    }

    @Override
    protected ValidationEventLocator getLocation() {
        return null;
    }

    @Override
    public boolean handleEvent(ValidationEvent event) {
        return false; // never reached: no unmarshalling runs on this coordinator
    }
}
