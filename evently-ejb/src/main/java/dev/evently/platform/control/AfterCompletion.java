package dev.evently.platform.control;

import java.util.function.IntConsumer;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work for the moment the current JTA transaction has ended, given its {@code jakarta.transaction.Status}. */
public final class AfterCompletion {

    private AfterCompletion() {
    }

    public static void register(TransactionSynchronizationRegistry transactions, IntConsumer work) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                work.accept(status);
            }
        });
    }
}
