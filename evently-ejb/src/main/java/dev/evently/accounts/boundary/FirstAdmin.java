package dev.evently.accounts.boundary;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.accounts.control.PasswordHashing;

/**
 * Creates the first administrator from configuration ({@code evently.admin.email} /
 * {@code evently.admin.password}) while the platform has none. There is no built-in password: without
 * configuration there is simply no admin until an operator provides one.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    @ConfigProperty(name = "evently.admin.email", defaultValue = "admin@evently.local")
    String email;

    @Inject
    @ConfigProperty(name = "evently.admin.password")
    Optional<String> password;

    @PostConstruct
    void ensure() {
        if (password.isEmpty() || password.get().isBlank()) {
            LOG.info("no evently.admin.password configured: no first admin created");
            return;
        }
        long admins = (Long) em.createQuery("select count(u) from User u where u.role = dev.evently.accounts.entity.Role.ADMIN")
                .getSingleResult();
        if (admins > 0) {
            return;
        }
        // Instances starting together may race here: the insert is conditional and conflict-free,
        // so exactly one admin row results.
        int created = em.createNativeQuery("""
                        insert into users (email, password_hash, name, role, created_at)
                        select ?1, ?2, 'Administrator', 'ADMIN', now()
                        where not exists (select 1 from users where role = 'ADMIN')
                        on conflict do nothing""")
                .setParameter(1, email.trim().toLowerCase())
                .setParameter(2, hashing.hash(password.get()))
                .executeUpdate();
        if (created == 1) {
            LOG.info(() -> "first admin " + email + " created");
        }
    }
}
