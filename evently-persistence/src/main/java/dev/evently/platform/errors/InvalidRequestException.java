package dev.evently.platform.errors;

import java.util.List;
import java.util.Map;

public class InvalidRequestException extends BusinessException {

    private final String field;

    public InvalidRequestException(String detail) {
        this(null, detail);
    }

    public InvalidRequestException(String field, String detail) {
        super("invalid-request", 400, detail);
        this.field = field;
    }

    /** The offending input field, or null when the request as a whole is wrong. */
    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> details() {
        return field == null ? Map.of()
                : Map.of("violations", List.of(Map.of("field", field, "message", getMessage())));
    }
}
