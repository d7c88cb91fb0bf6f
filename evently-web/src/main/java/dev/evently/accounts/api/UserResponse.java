package dev.evently.accounts.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.evently.accounts.entity.User;

@Schema(name = "User", description = "An account, without its credentials.")
public record UserResponse(
        @Schema(required = true, type = SchemaType.INTEGER, format = "int64", example = "42")
        long id,

        @Schema(required = true, example = "ada@example.org")
        String email,

        @Schema(required = true, example = "Ada Lovelace")
        String name,

        @Schema(required = true, enumeration = {"USER", "ADMIN"}, example = "USER")
        String role) {

    static UserResponse of(User user) {
        return new UserResponse(user.getId(), user.getEmail(), user.getName(), user.getRole().name());
    }
}
