package dev.evently.platform.control;

import dev.evently.platform.errors.BusinessException;

/** A signed request (a payment report) not signed with our secret, or signed too long ago: 401, nothing changed. */
public class InvalidSignatureException extends BusinessException {

    public InvalidSignatureException(String detail) {
        super("invalid-signature", 401, detail);
    }
}
