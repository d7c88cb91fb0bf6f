package dev.evently.booking.boundary;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

import dev.evently.booking.control.RowLocks;
import dev.evently.booking.entity.SeatsUnavailableException;
import dev.evently.platform.errors.BusinessException;
import dev.evently.platform.errors.LockContention;
import dev.evently.platform.metrics.SalesMetrics;
import dev.evently.platform.metrics.SalesMetrics.HoldOutcome;

/**
 * Counts what became of each hold ({@link Bookings#hold}), around the use case: the one place where its outcome
 * is known whichever way it ended, returned or thrown, without a counting call at each of the hold's refusals.
 * Interceptors see the bean's exceptions before the container wraps them.
 */
public class HoldOutcomes {

    @Inject
    SalesMetrics metrics;

    @AroundInvoke
    Object count(InvocationContext hold) throws Exception {
        Object held;
        try {
            held = hold.proceed();
        } catch (Exception e) {
            metrics.hold(outcomeOf(e));
            throw e;
        }
        metrics.hold(held instanceof Bookings.Held h && h.replayed() ? HoldOutcome.REPLAYED : HoldOutcome.HELD);
        return held;
    }

    static HoldOutcome outcomeOf(Exception e) {
        if (e instanceof SeatsUnavailableException) {
            return HoldOutcome.CONFLICT;
        }
        if (e instanceof BusinessException business) {
            return switch (business.type()) {
                case Bookings.HOLD_LIMIT_REACHED -> HoldOutcome.LIMIT;
                case RowLocks.SEATS_BUSY -> HoldOutcome.LOCK_TIMEOUT;
                default -> HoldOutcome.REFUSED;
            };
        }
        return LockContention.anywhereIn(e) ? HoldOutcome.LOCK_TIMEOUT : HoldOutcome.ERROR;
    }
}
