package dev.evently.console.access;

import java.io.Serializable;

import dev.evently.accounts.entity.Role;
import dev.evently.audit.boundary.Actor;

/**
 * The person signed in to the console, as read once at sign-in: small and serializable, since it lives in the
 * HTTP session. A role changed meanwhile counts from the next sign-in.
 */
public record ConsoleUser(long id, String email, String name, Role role) implements Serializable {

    /** The role as the header shows it. */
    public String roleLabel() {
        return label(role);
    }

    /** A role as the console names it to people. */
    public static String label(Role role) {
        return switch (role) {
            case ADMIN -> "Admin";
            case BOX_OFFICE -> "Box office";
            case DOOR -> "Door";
            case USER -> "User";
        };
    }

    /** This person as the audit log names who acted, from the address given (null when no request is at hand). */
    public Actor at(String clientAddress) {
        return new Actor(id, email, clientAddress);
    }
}
