package dev.evently.accounts.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.evently.accounts.boundary.AccessToken;

@Schema(name = "AccessToken", description = "Send it as 'Authorization: Bearer <accessToken>'.")
public record TokenResponse(
        @Schema(required = true, description = "An RS256-signed JWT.",
                example = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl")
        String accessToken,

        @Schema(required = true, example = "Bearer")
        String tokenType,

        @Schema(required = true, type = SchemaType.INTEGER, description = "Seconds until the token expires.",
                example = "3600")
        long expiresIn) {

    static TokenResponse of(AccessToken token) {
        return new TokenResponse(token.value(), "Bearer", token.expiresIn().toSeconds());
    }
}
