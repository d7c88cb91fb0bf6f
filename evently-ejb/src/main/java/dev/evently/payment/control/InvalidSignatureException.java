package dev.evently.payment.control;

import dev.evently.platform.errors.BusinessException;

/** A payment report the provider did not sign (or signed too long ago): 401, nothing changed. */
public class InvalidSignatureException extends BusinessException {

    public InvalidSignatureException(String detail) {
        super("invalid-signature", 401, detail);
    }
}
