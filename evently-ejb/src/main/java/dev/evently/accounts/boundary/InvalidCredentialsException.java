package dev.evently.accounts.boundary;

import dev.evently.platform.errors.BusinessException;

/**
 * A login with an unknown email or a wrong password. Both get this same answer, so the login endpoint
 * never tells whether an address has an account.
 */
public class InvalidCredentialsException extends BusinessException {

    public InvalidCredentialsException() {
        super("invalid-credentials", 401, "The email or the password is wrong.");
    }
}
