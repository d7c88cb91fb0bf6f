package dev.evently.accounts.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registration. Password policy (NIST SP 800-63B): 12 to 128 characters, any characters, no
 * composition rules; length is what makes a password hard to guess, the upper bound keeps hashing cheap.
 */
@Schema(name = "Registration", description = "A new account; it always gets the USER role.")
public record RegisterRequest(
        @Schema(required = true, maxLength = 254, example = "ada@example.org",
                description = "Unique, case-insensitively; stored trimmed and lower-cased.")
        @NotBlank @Email @Size(max = 254)
        String email,

        @Schema(required = true, minLength = 12, maxLength = 128, format = "password",
                example = "correct horse battery staple", description = "12 to 128 characters.")
        @NotNull @Size(min = 12, max = 128)
        String password,

        @Schema(required = true, minLength = 1, maxLength = 200, example = "Ada Lovelace")
        @NotBlank @Size(max = 200)
        String name) {

    // Declared in full, not compact: the constraints then stay off the constructor's parameters, where
    // Payara's OpenAPI scanner would take them for path parameters and fail.
    public RegisterRequest(String email, String password, String name) {
        this.email = email == null ? null : email.strip();
        this.password = password;
        this.name = name;
    }
}
