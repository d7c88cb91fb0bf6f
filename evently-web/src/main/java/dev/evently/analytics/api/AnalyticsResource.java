package dev.evently.analytics.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.evently.analytics.boundary.Analytics;
import dev.evently.analytics.boundary.AnalyticsSummary;
import dev.evently.analytics.boundary.EventAnalytics;
import dev.evently.api.problem.QueryParameters;
import dev.evently.api.security.Roles;

@Path("admin/analytics")
@RequestScoped
@Roles("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Admin: analytics", description = "Sales figures per event and day (ADMIN only)")
public class AnalyticsResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    static final String FIGURES = " Figures are kept from the domain events by the analytics consumer, so they trail"
            + " a booking by a second or two; seats sold and revenue are net of refunds (a paid booking cancelled)."
            + " Days are UTC days. waitlistSize is a live count of the entries waiting or holding an offer now.";

    @Inject
    Analytics analytics;

    @GET
    @Path("summary")
    @Operation(summary = "Sales overview: totals, events with their capacity utilisation, top events, daily trend",
            description = "totals and daily cover the last `days` days (today included; daily has one row per day"
                    + " and sums to totals). events lists every event with activity in that period or on sale now,"
                    + " soonest first, with its figures so far; topEvents are the five of them with the most revenue."
                    + FIGURES)
    @APIResponse(responseCode = "200", description = "The overview",
            content = @Content(schema = @Schema(ref = "AnalyticsSummary")))
    public AnalyticsSummary salesSummary(
            @Parameter(description = "How many days back, 1 to 366 (default 30)", example = "30")
            @QueryParam("days") String days) {
        return analytics.summary(days(days));
    }

    @GET
    @Path("events/{id}")
    @Operation(summary = "One event's figures: so far, and day by day",
            description = "event holds its figures so far (all days) and utilisation; totals and daily cover the"
                    + " last `days` days." + FIGURES)
    @APIResponse(responseCode = "200", description = "The event's figures",
            content = @Content(schema = @Schema(ref = "EventAnalytics")))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public EventAnalytics eventSales(@PathParam("id") long id,
            @Parameter(description = "How many days back, 1 to 366 (default 30)", example = "30")
            @QueryParam("days") String days) {
        return analytics.event(id, days(days));
    }

    private static int days(String value) {
        return QueryParameters.number("days", value, DEFAULT_DAYS, 1, MAX_DAYS);
    }
}
