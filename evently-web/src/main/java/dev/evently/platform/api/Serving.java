package dev.evently.platform.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import dev.evently.platform.control.InstanceDraining;
import dev.evently.platform.control.InstanceIdentity;

/**
 * Whether this instance serves the API: not yet while it starts (the health endpoint answers before the API is
 * mapped), then yes, then no again once it has been asked to drain before it stops. Counts the requests in
 * flight so that draining can wait for them. Readiness ({@link ApiReadiness}) and {@link DrainingFilter} read it.
 * <p>
 * {@code ./evently stop} asks by creating the file {@code evently-drain} in the instance's directory (checked
 * every 200 ms), and waits for {@code evently-drained}, written once no request is in flight, before it stops the
 * server: a load balancer sees readiness DOWN first, and no request that was taken is cut off.
 */
@ApplicationScoped
public class Serving {

    private static final Logger LOG = Logger.getLogger(Serving.class.getName());

    enum State { STARTING, SERVING, DRAINING }

    private volatile State state = State.STARTING;
    private final AtomicInteger inFlight = new AtomicInteger();
    private Path config;

    @Inject
    InstanceIdentity instance;

    @Inject
    Event<InstanceDraining> draining;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> watch;

    @PostConstruct
    void watchForDrainRequest() {
        config = instance.directory();
        watch = scheduler.scheduleWithFixedDelay(() -> {
            if (state != State.DRAINING && Files.exists(config.resolve("evently-drain"))) {
                drain();
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopWatching() {
        watch.cancel(false);
    }

    /** The API's servlets are initialised: requests reach it. */
    void started() {
        if (state == State.STARTING) {
            state = State.SERVING;
            LOG.info("the API serves");
        }
    }

    /** From now on new requests are turned away (503) and readiness is DOWN; those in flight finish. */
    void drain() {
        if (state != State.DRAINING) {
            state = State.DRAINING;
            LOG.info(() -> "draining: new requests are turned away, " + inFlight.get() + " in flight finish");
            draining.fire(new InstanceDraining());
            drainedIfIdle();
        }
    }

    boolean serving() {
        return state == State.SERVING;
    }

    /** Admits a request unless draining; every admitted request must be {@link #finished()}. */
    boolean admit() {
        inFlight.incrementAndGet();
        if (state == State.DRAINING) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    void finished() {
        if (inFlight.decrementAndGet() == 0 && state == State.DRAINING) {
            drainedIfIdle();
        }
    }

    private void drainedIfIdle() {
        if (inFlight.get() == 0) {
            try {
                Files.writeString(config.resolve("evently-drained"), "");
                LOG.info("drained: no request in flight");
            } catch (IOException e) {
                LOG.warning(() -> "cannot tell the stopping script that the instance is drained: " + e);
            }
        }
    }
}
