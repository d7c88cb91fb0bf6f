package dev.evently.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies of a session's life after login: renewing it, ending it, a new password, a new role. Each record
 * spells out its canonical constructor so the constraints stay off its parameters (Payara's OpenAPI scanner takes
 * those for path parameters).
 */
public final class SessionRequests {

    private SessionRequests() {
    }

    @Schema(name = "Refresh", description = "The refresh token of a session, to renew it")
    public record Refresh(@NotBlank @Size(max = 200) @Schema(required = true, maxLength = 200) String refreshToken) {

        public Refresh(String refreshToken) {
            this.refreshToken = refreshToken;
        }
    }

    @Schema(name = "Logout", description = "Ends the session: its refresh token (if given) and the access token in use")
    public record Logout(@Size(max = 200) @Schema(maxLength = 200) String refreshToken) {

        public Logout(String refreshToken) {
            this.refreshToken = refreshToken;
        }
    }

    @Schema(name = "PasswordChange", description = "The current password and the new one; every session ends")
    public record PasswordChange(
            @NotEmpty @Size(max = 128) @Schema(required = true, maxLength = 128, format = "password")
            String currentPassword,
            @NotNull @Size(min = 12, max = 128)
            @Schema(required = true, minLength = 12, maxLength = 128, format = "password")
            String newPassword) {

        public PasswordChange(String currentPassword, String newPassword) {
            this.currentPassword = currentPassword;
            this.newPassword = newPassword;
        }
    }

    @Schema(name = "RoleAssignment", description = "A user's new role; every session of theirs ends")
    public record RoleAssignment(
            @NotNull @Pattern(regexp = "USER|BOX_OFFICE|DOOR|ADMIN")
            @Schema(required = true, enumeration = {"USER", "BOX_OFFICE", "DOOR", "ADMIN"}) String role) {

        public RoleAssignment(String role) {
            this.role = role;
        }
    }
}
