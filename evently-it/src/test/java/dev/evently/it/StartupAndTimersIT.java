package dev.evently.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.evently.accounts.control.PasswordHashing;
import dev.evently.accounts.entity.User;
import dev.evently.platform.boundary.Heartbeats;
import dev.evently.platform.control.InstanceIdentity;
import dev.evently.platform.entity.ServerInstance;

/** What the application does by itself once deployed: the heartbeat timer fires, the first admin exists. */
@ExtendWith(ArquillianExtension.class)
class StartupAndTimersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.evently(StartupAndTimersIT.class);
    }

    @Inject
    Transactions tx;

    @Inject
    InstanceIdentity identity;

    @Inject
    Heartbeats heartbeats;

    @Inject
    PasswordHashing hashing;

    @Test
    void theHeartbeatTimerFiresAgainAndAgain() throws Exception {
        long first = Poll.until(Duration.ofSeconds(30), "a first heartbeat", () -> beats());
        long later = Poll.until(Duration.ofSeconds(30), "a heartbeat after " + first,
                () -> beats().filter(b -> b > first));

        assertTrue(later > first);
        assertTrue(heartbeats.alive().stream().map(ServerInstance::getId).anyMatch(identity.id()::equals),
                "this instance is listed alive");
    }

    @Test
    void theFirstAdminComesFromConfigurationWithAVerifiableHash() {
        String email = ConfigProvider.getConfig().getValue("evently.admin.email", String.class);
        String password = ConfigProvider.getConfig().getValue("evently.admin.password", String.class);

        // other admins may exist (staff promoted since, on a database other tests have used): the configured one once
        List<User> admins = tx.run(em -> em.createQuery(
                "select u from User u where u.role = dev.evently.accounts.entity.Role.ADMIN and u.email = :email",
                User.class).setParameter("email", email.toLowerCase()).getResultList());

        assertEquals(1, admins.size(), "the first admin, once");
        assertTrue(hashing.matches(password, admins.get(0).getPasswordHash()), "the configured password verifies");
        assertTrue(!hashing.matches(password + "x", admins.get(0).getPasswordHash()), "another password does not");
    }

    private Optional<Long> beats() {
        return Optional.ofNullable(tx.run(em -> em.find(ServerInstance.class, identity.id())))
                .map(ServerInstance::getBeats);
    }
}
