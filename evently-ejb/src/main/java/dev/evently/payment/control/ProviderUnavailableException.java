package dev.evently.payment.control;

import dev.evently.platform.errors.BusinessException;

/** The payment provider cannot be reached or refused for now: 503, try again shortly. Nothing was changed. */
public class ProviderUnavailableException extends BusinessException {

    public ProviderUnavailableException(String detail) {
        super("payment-provider-unavailable", 503, detail);
    }
}
