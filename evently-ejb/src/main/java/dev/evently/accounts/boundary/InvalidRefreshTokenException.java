package dev.evently.accounts.boundary;

import jakarta.ejb.ApplicationException;

import dev.evently.platform.errors.BusinessException;

/**
 * A refresh token that renews nothing: unknown, expired, revoked or used already. Not rolled back: when a used
 * token comes back, revoking its whole chain (the thief's copies too) is exactly what must stick.
 */
@ApplicationException(rollback = false)
public class InvalidRefreshTokenException extends BusinessException {

    public InvalidRefreshTokenException() {
        super("invalid-refresh-token", 401, "The refresh token is unknown, expired, revoked or used already: "
                + "log in again.");
    }
}
