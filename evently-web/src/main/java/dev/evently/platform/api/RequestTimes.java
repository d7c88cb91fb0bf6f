package dev.evently.platform.api;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import dev.evently.platform.metrics.Meters;

/**
 * Times every request the API answers, by method and by the path template that routed it ({@code /bookings/{id}},
 * never a path with its ids: a bounded set of series). A servlet filter mapped before all others, so that the time
 * includes the guards and the cached catalogue reads the servlet container answers without JAX-RS; whoever routes a
 * request names its template ({@link #name}): {@link ResourcePaths} for JAX-RS, the cached reads for theirs. A
 * request nobody routed (an unknown path, a method no resource has) counts as {@value #UNMATCHED}.
 * <p>
 * A summary of microseconds, with its median and tail computed in the application over the last
 * {@link Meters#QUANTILE_WINDOW} (no buckets: a series per bucket per route would multiply the scrape).
 */
@Dependent  // run by ApiFilters, in its order
public class RequestTimes extends HttpFilter {

    static final String NAME = "evently_http_request_duration_microseconds";
    static final String UNMATCHED = "unmatched";
    static final String TEMPLATE = RequestTimes.class.getName() + ".template";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final String DESCRIPTION = "Time to answer a request, in microseconds, by method and path template";

    @Inject
    MeterRegistry registry;

    /** Looked up once per series, not through the registry's builder on every request. */
    private final Map<String, DistributionSummary> summaries = new ConcurrentHashMap<>();

    /** Names the template that routed the request; the last one named counts. */
    public static void name(ServletRequest request, String template) {
        request.setAttribute(TEMPLATE, template);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            Object template = request.getAttribute(TEMPLATE);
            summary(method(request.getMethod()), template instanceof String named ? named : UNMATCHED).record(micros);
        }
    }

    /** Any method beyond HTTP's own (a scanner's invention) is one series, not one each. */
    static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }

    private DistributionSummary summary(String method, String template) {
        return summaries.computeIfAbsent(method + " " + template,
                key -> DistributionSummary.builder(NAME).description(DESCRIPTION).tag("method", method)
                        .tag("path", template).publishPercentiles(0.5, 0.95, 0.99)
                        .distributionStatisticExpiry(Meters.QUANTILE_WINDOW).register(registry));
    }
}
