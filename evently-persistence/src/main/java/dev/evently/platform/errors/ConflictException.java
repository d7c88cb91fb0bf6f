package dev.evently.platform.errors;

/** The request is valid but the current state forbids it: a sold seat, a booking no longer pending. */
public class ConflictException extends BusinessException {

    public ConflictException(String type, String detail) {
        super(type, 409, detail);
    }
}
