package dev.evently.accounts.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.evently.accounts.boundary.TooManyLoginAttemptsException;
import dev.evently.api.problem.Problem;

/** A throttled login is a too-many-requests problem that says, in Retry-After, when to come back. */
@Provider
public class LoginThrottledMapper implements ExceptionMapper<TooManyLoginAttemptsException> {

    @Override
    public Response toResponse(TooManyLoginAttemptsException e) {
        return Response.fromResponse(Problem.of(e.type(), "Too Many Requests", e.status(), e.detail()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }
}
