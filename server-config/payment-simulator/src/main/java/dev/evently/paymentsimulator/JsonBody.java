package dev.evently.paymentsimulator;

import java.util.Map;

/**
 * Typed, validating access to the fields of a request body. Every problem is a 400 naming the field, so a
 * merchant integration sees at once what it sent wrong. Fields nobody asks for are simply ignored.
 */
final class JsonBody {

    private final Map<String, Object> fields;

    JsonBody(Map<String, Object> fields) {
        this.fields = fields;
    }

    Map<String, Object> fields() {
        return fields;
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    String requireString(String name, int maxLength) throws ApiError {
        String value = optionalString(name, maxLength);
        if (value == null || value.isEmpty()) {
            throw ApiError.badRequest("'" + name + "' is required: a non-empty string");
        }
        return value;
    }

    String optionalString(String name, int maxLength) throws ApiError {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ApiError.badRequest("'" + name + "' must be a string");
        }
        if (s.length() > maxLength) {
            throw ApiError.badRequest("'" + name + "' must be at most " + maxLength + " characters");
        }
        return s;
    }

    long requireLong(String name, long min, long max) throws ApiError {
        Long value = optionalLong(name, min, max);
        if (value == null) {
            throw ApiError.badRequest("'" + name + "' is required: an integer");
        }
        return value;
    }

    Long optionalLong(String name, long min, long max) throws ApiError {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long l)) {
            throw ApiError.badRequest("'" + name + "' must be an integer");
        }
        if (l < min || l > max) {
            throw ApiError.badRequest("'" + name + "' must be between " + min + " and " + max);
        }
        return l;
    }

    Double optionalRate(String name) throws ApiError {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Long) && !(value instanceof Double)) {
            throw ApiError.badRequest("'" + name + "' must be a number");
        }
        double d = ((Number) value).doubleValue();
        if (!(d >= 0.0 && d <= 1.0)) {
            throw ApiError.badRequest("'" + name + "' must be between 0 and 1");
        }
        return d;
    }
}
