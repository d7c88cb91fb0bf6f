package dev.evently.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Login", description = "Credentials to exchange for a bearer token.")
public record LoginRequest(
        @Schema(required = true, maxLength = 254, example = "ada@example.org")
        @NotBlank @Size(max = 254)
        String email,

        @Schema(required = true, maxLength = 128, format = "password", example = "correct horse battery staple")
        @NotEmpty @Size(max = 128)
        String password) {

    // Declared in full, not compact: the constraints then stay off the constructor's parameters, where
    // Payara's OpenAPI scanner would take them for path parameters and fail.
    public LoginRequest(String email, String password) {
        this.email = email;
        this.password = password;
    }
}
