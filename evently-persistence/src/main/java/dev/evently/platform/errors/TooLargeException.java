package dev.evently.platform.errors;

/** A request body beyond what the endpoint reads: 413, and nothing was read further or changed. */
public class TooLargeException extends BusinessException {

    public TooLargeException(String detail) {
        super("request-too-large", 413, detail);
    }
}
