package dev.evently.platform.errors;

/** A part the request needs is away for now (503): a retry later may succeed. */
public class UnavailableException extends BusinessException {

    public UnavailableException(String type, String detail) {
        super(type, 503, detail);
    }
}
