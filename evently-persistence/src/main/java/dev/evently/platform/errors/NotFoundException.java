package dev.evently.platform.errors;

public class NotFoundException extends BusinessException {

    public NotFoundException(String type, String detail) {
        super(type, 404, detail);
    }
}
