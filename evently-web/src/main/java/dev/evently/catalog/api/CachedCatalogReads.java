package dev.evently.catalog.api;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.evently.catalog.boundary.CachedJson;
import dev.evently.catalog.boundary.Events;
import dev.evently.platform.api.RequestTimes;

/**
 * The busiest public reads answered by the servlet container from the catalogue cache, without JAX-RS:
 * {@code GET /api/events} (the first page, no filters), {@code /api/events/{id}} and {@code /api/events/{id}/seats}.
 * Jersey's routing, its per-request injection and its listeners were about half the CPU of such a read in the
 * browse bench. The answer is the one {@link EventsResource} gives ({@link CachedResponses}): the same bytes
 * (or their gzip form), ETag, Cache-Control, Vary and 304 for a matching If-None-Match. Everything else goes on to
 * JAX-RS: a query string, another method, an Accept without JSON, any other path, and any failure (an unknown
 * event, say), which JAX-RS then answers as problem+json. The last of {@link dev.evently.platform.api.ApiFilters}.
 * Each read is named by its endpoint's path template, as JAX-RS names it, so that {@link RequestTimes} counts both
 * ways of answering it as one endpoint.
 */
@Dependent  // run by ApiFilters, in its order
public class CachedCatalogReads extends HttpFilter {

    private static final Pattern EVENT = Pattern.compile("/events/([1-9][0-9]{0,17})(/seats)?");
    /** The templates of {@link EventsResource}'s list, details and seats. */
    static final String LIST = "/events";
    static final String DETAILS = "/events/{id}";
    static final String SEATS = "/events/{id}/seats";

    /**
     * The container's own reference, not CDI's proxy of it: on Payara each call through the proxy looks the bean
     * up again, an exception thrown and caught inside the lookup (measured: a tenth of what a cached read allocated).
     */
    @EJB
    Events events;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CachedJson cached = "GET".equals(request.getMethod()) && request.getQueryString() == null
                && acceptsJson(request.getHeader("Accept"))
                ? cached(request.getRequestURI().substring(request.getContextPath().length()), request)
                : null;
        if (cached == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedResponses.write(cached, request.getHeader("If-None-Match"), request.getHeader("Accept-Encoding"),
                response);
    }

    /** The cached answer for the path, or null to leave the request to JAX-RS. */
    private CachedJson cached(String path, HttpServletRequest request) {
        try {
            if (path.equals(LIST)) {
                RequestTimes.name(request, LIST);
                return events.upcoming(EventsResource.FIRST_PAGE);
            }
            Matcher event = EVENT.matcher(path);
            if (!event.matches()) {
                return null;
            }
            long id = Long.parseLong(event.group(1));
            RequestTimes.name(request, event.group(2) == null ? DETAILS : SEATS);
            return event.group(2) == null ? events.details(id) : events.seatMap(id);
        } catch (RuntimeException e) {
            return null;  // JAX-RS asks again and answers with the problem
        }
    }

    private static boolean acceptsJson(String accept) {
        return accept == null || accept.contains("application/json") || accept.contains("*/*")
                || accept.contains("application/*");
    }
}
