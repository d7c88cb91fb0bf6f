package dev.evently.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.evently.platform.boundary.Probes;
import dev.evently.platform.entity.MessageProbe;

/** A message sent to an Artemis queue is consumed by the MDB, which writes it to PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.evently(MessagingIT.class);
    }

    /** The application's connection factory, under whatever name the server binds it (ServerResources). */
    @Inject
    ConnectionFactory connectionFactory;

    @Inject
    Probes probes;

    @Test
    void aProbeTravelsFromTheQueueThroughTheConsumerIntoTheDatabase() throws Exception {
        String probeId = UUID.randomUUID().toString();
        send(probeId, "hello from " + probeId);

        MessageProbe probe = Poll.until(DELIVERY, "probe " + probeId + " in message_probes", () -> probes.find(probeId));

        assertEquals("hello from " + probeId, probe.getBody());
        assertEquals(1, probe.getDeliveries());
    }

    @Test
    void theSameProbeTwiceIsRecordedOnceAndCounted() throws Exception {
        String probeId = UUID.randomUUID().toString();
        send(probeId, "first");
        send(probeId, "second");

        MessageProbe probe = Poll.until(DELIVERY, "two deliveries of " + probeId,
                () -> probes.find(probeId).filter(p -> p.getDeliveries() == 2));

        assertEquals(2, probe.getDeliveries());
        assertEquals(Optional.of(2), probes.find(probeId).map(MessageProbe::getDeliveries));
    }

    private void send(String probeId, String body) throws Exception {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(body);
            message.setStringProperty("probeId", probeId);
            context.createProducer().send(context.createQueue("evently.probe"), message);
        }
    }
}
