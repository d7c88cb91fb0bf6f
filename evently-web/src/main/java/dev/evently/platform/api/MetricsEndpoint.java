package dev.evently.platform.api;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.evently.platform.metrics.Meters;

/**
 * /api/metrics: every meter of this instance in Prometheus's text format, for Prometheus to scrape. Public, as a
 * server's own /metrics is: it shows counts and times, never a buyer, a booking or an address.
 */
public class MetricsEndpoint extends HttpServlet {

    @Inject
    Meters meters;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestTimes.name(request, "/metrics");
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(meters.scrape());
    }
}
