package dev.evently.platform.errors;

public class ForbiddenException extends BusinessException {

    public ForbiddenException(String detail) {
        this("forbidden", detail);
    }

    public ForbiddenException(String type, String detail) {
        super(type, 403, detail);
    }
}
