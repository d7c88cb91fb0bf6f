package dev.evently.platform.api;

import java.io.IOException;

import jakarta.enterprise.context.Dependent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.evently.platform.tracing.Correlation;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is a sane one, else a new
 * one, echoed in the response. The events the request causes carry it to the broker and every consumer's log.
 * Runs for every request, second of {@link ApiFilters} (after the timing).
 */
@Dependent  // run by ApiFilters, in its order
public class CorrelationFilter extends HttpFilter {

    static final String HEADER = "X-Request-Id";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = Correlation.begin(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            Correlation.end();
        }
    }
}
