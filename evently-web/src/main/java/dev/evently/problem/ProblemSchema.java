package dev.evently.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@link Problem#body()} looks like on the wire, for the OpenAPI document only: responses name it
 * as {@code @Schema(ref = "Problem")}. Problem itself keeps its extension members in a map.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json).")
record ProblemSchema(
        @Schema(required = true, description = "Stable: switch on it. https://evently.dev/problems/{slug}",
                example = "https://evently.dev/problems/invalid-request")
        String type,

        @Schema(required = true, example = "Invalid request")
        String title,

        @Schema(required = true, type = SchemaType.INTEGER, example = "400")
        int status,

        @Schema(description = "For a human; may change.", example = "email: must be a well-formed email address")
        String detail,

        @Schema(type = SchemaType.ARRAY, implementation = Violation.class,
                description = "The fields at fault, on invalid-request problems.")
        List<Violation> violations,

        @Schema(description = "On internal-error problems: quote it when reporting.")
        String incident) {

    @Schema(name = "Violation")
    record Violation(
            @Schema(required = true, example = "email") String field,
            @Schema(required = true, example = "must be a well-formed email address") String message) {
    }
}
