package dev.evently.platform.errors;

/** A well-formed request that cannot be carried out as sent, such as an idempotency key reused for another body. */
public class UnprocessableException extends BusinessException {

    public UnprocessableException(String type, String detail) {
        super(type, 422, detail);
    }
}
