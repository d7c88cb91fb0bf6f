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
                example = "900")
        long expiresIn,

        @Schema(required = true, description = "Renews the session once: POST /auth/refresh gives new tokens for it.",
                example = "q3Jx7rVd0yM2p1Zk8W4bT6nH5sLcA9eFgUiOjKlQwE0")
        String refreshToken,

        @Schema(required = true, type = SchemaType.INTEGER, description = "Seconds until the refresh token expires.",
                example = "1209600")
        long refreshExpiresIn) {

    static TokenResponse of(AccessToken token) {
        return new TokenResponse(token.value(), "Bearer", token.expiresIn().toSeconds(), token.refreshToken(),
                token.refreshExpiresIn().toSeconds());
    }
}
