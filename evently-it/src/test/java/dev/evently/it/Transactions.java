package dev.evently.it;

import java.util.function.Function;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Runs test work in its own container-managed transaction, as a boundary of the application would. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Transactions {

    @PersistenceContext(unitName = "evently")
    EntityManager em;

    public <T> T run(Function<EntityManager, T> work) {
        return work.apply(em);
    }
}
