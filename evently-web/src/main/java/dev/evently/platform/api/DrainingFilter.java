package dev.evently.platform.api;

import java.io.IOException;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.evently.api.problem.Problem;

/**
 * Counts every request in flight for {@link Serving}, and once the instance drains before it stops, turns new ones
 * away with 503 and {@code Retry-After} (another instance, or this one after its restart, will take them).
 */
@Dependent  // run by ApiFilters, in its order
public class DrainingFilter extends HttpFilter {

    @Inject
    Serving serving;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!serving.admit()) {
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
            Problem.of("unavailable", "Service Unavailable", 503,
                    "This instance is stopping; try again in a moment.").write(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            serving.finished();
        }
    }
}
