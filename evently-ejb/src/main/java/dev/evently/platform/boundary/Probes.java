package dev.evently.platform.boundary;

import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import dev.evently.platform.entity.MessageProbe;

/** Records messaging probes that reached a consumer; a redelivery is counted, never stored twice. */
@Stateless
public class Probes {

    @PersistenceContext
    EntityManager em;

    public MessageProbe record(String probeId, String body) {
        MessageProbe existing = em.find(MessageProbe.class, probeId);
        if (existing != null) {
            existing.redelivered();
            return existing;
        }
        MessageProbe probe = new MessageProbe(probeId, body, Instant.now());
        em.persist(probe);
        return probe;
    }

    public Optional<MessageProbe> find(String probeId) {
        return Optional.ofNullable(em.find(MessageProbe.class, probeId));
    }
}
