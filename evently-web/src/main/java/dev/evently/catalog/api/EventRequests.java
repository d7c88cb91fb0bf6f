package dev.evently.catalog.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.evently.catalog.boundary.EventDraft;
import dev.evently.catalog.entity.SeatLayout;

/**
 * The bodies admins send about events. Each record spells out its canonical constructor: otherwise javac
 * copies the constraints onto the constructor's parameters, where Payara's OpenAPI scanner takes every
 * constrained parameter for a @PathParam and fails.
 */
public final class EventRequests {

    private EventRequests() {
    }

    @Schema(name = "NewEvent", description = "An event and the layout its seat map is generated from")
    public record NewEvent(
            @NotBlank @Size(max = 200) @Schema(required = true, example = "Jazz at the Harbour") String name,
            @Size(max = 5000) @Schema(example = "An evening of standards") String description,
            @NotBlank @Size(max = 200) @Schema(required = true, example = "Harbour Hall") String venue,
            @NotNull @Schema(required = true, example = "2027-06-01T19:00:00Z") Instant startTime,
            @NotNull @Schema(required = true, example = "2027-06-01T22:00:00Z") Instant endTime,
            @NotNull @Valid @Schema(required = true) Layout layout) {
        public NewEvent(String name, String description, String venue, Instant startTime, Instant endTime, Layout layout) {
            this.name = name;
            this.description = description;
            this.venue = venue;
            this.startTime = startTime;
            this.endTime = endTime;
            this.layout = layout;
        }

        EventDraft draft() {
            return new EventDraft(name, description, venue, startTime, endTime, layout.seatLayout(), null);
        }
    }

    @Schema(name = "EventChange", description = "New details; a layout replaces the seat map while nothing is sold")
    public record EventChange(
            @NotBlank @Size(max = 200) @Schema(required = true) String name,
            @Size(max = 5000) String description,
            @NotBlank @Size(max = 200) @Schema(required = true) String venue,
            @NotNull @Schema(required = true) Instant startTime,
            @NotNull @Schema(required = true) Instant endTime,
            @Valid Layout layout,
            @NotNull @Min(0) @Schema(required = true,
                    description = "The version this change was made against (from the last read)", example = "3")
            Long version) {
        public EventChange(String name, String description, String venue, Instant startTime, Instant endTime, Layout layout, Long version) {
            this.name = name;
            this.description = description;
            this.venue = venue;
            this.startTime = startTime;
            this.endTime = endTime;
            this.layout = layout;
            this.version = version;
        }

        EventDraft draft() {
            return new EventDraft(name, description, venue, startTime, endTime,
                    layout == null ? null : layout.seatLayout(), version);
        }
    }

    @Schema(name = "Layout", requiredProperties = "sections")
    public record Layout(@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Section> sections) {
        public Layout(List<Section> sections) {
            this.sections = sections;
        }

        SeatLayout seatLayout() {
            return new SeatLayout(sections.stream()
                    .map(s -> new SeatLayout.Section(s.name(), s.rows(), s.seatsPerRow(), s.priceCents()))
                    .toList());
        }
    }

    @Schema(name = "Section", description = "rows × seatsPerRow seats at one price; rows are labelled A, B, … Z, AA, …")
    public record Section(
            @NotBlank @Size(max = 100) @Schema(required = true, example = "Floor") String name,
            @NotNull @Min(1) @Max(702) @Schema(required = true, example = "20") Integer rows,
            @NotNull @Min(1) @Max(500) @Schema(required = true, example = "25") Integer seatsPerRow,
            @NotNull @Min(0) @Max(100_000_000) @Schema(required = true, example = "4500") Long priceCents) {
        public Section(String name, Integer rows, Integer seatsPerRow, Long priceCents) {
            this.name = name;
            this.rows = rows;
            this.seatsPerRow = seatsPerRow;
            this.priceCents = priceCents;
        }
    }
}
