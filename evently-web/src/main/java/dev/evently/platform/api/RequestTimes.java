package dev.evently.platform.api;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Times every request the API answers, by method and by the path template that routed it ({@code /bookings/{id}},
 * never a path with its ids: a bounded set of series). A servlet filter mapped before all others, so that the time
 * includes the guards and the cached catalogue reads the servlet container answers without JAX-RS; whoever routes a
 * request names its template ({@link #name}): {@link ResourcePaths} for JAX-RS, the cached reads for theirs. A
 * request nobody routed (an unknown path, a method no resource has) counts as {@value #UNMATCHED}.
 * <p>
 * A histogram of microseconds rather than a Timer: Payara 6.2025 writes a Timer's quantiles and maximum in
 * nanoseconds under a name ending in {@code _seconds} (FISH-13137, fixed in Payara 7.2026.6), while a histogram's
 * figures go out as recorded, so every series of this one is in the unit its name says. The quantiles
 * (microprofile-config.properties) are Payara's, over a sample biased to the last five minutes.
 */
public class RequestTimes extends HttpFilter {

    static final String NAME = "evently_http_request_duration_microseconds";
    static final String UNMATCHED = "unmatched";
    static final String TEMPLATE = RequestTimes.class.getName() + ".template";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final Metadata METADATA = Metadata.builder().withName(NAME)
            .withDescription("Time to answer a request, in microseconds, by method and path template").build();

    @Inject
    MetricRegistry registry;

    /** Looked up once per series: the registry makes a new histogram on every call, even for one it has. */
    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

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
            histogram(method(request.getMethod()), template instanceof String named ? named : UNMATCHED).update(micros);
        }
    }

    /** Any method beyond HTTP's own (a scanner's invention) is one series, not one each. */
    static String method(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }

    private Histogram histogram(String method, String template) {
        return histograms.computeIfAbsent(method + " " + template,
                key -> registry.histogram(METADATA, new Tag("method", method), new Tag("path", template)));
    }
}
