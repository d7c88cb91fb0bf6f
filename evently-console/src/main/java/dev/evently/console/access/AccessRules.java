package dev.evently.console.access;

import static dev.evently.accounts.entity.Role.ADMIN;
import static dev.evently.accounts.entity.Role.BOX_OFFICE;
import static dev.evently.accounts.entity.Role.DOOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.evently.accounts.entity.Role;

/**
 * The one table of the console's pages and the roles that may open them, and each role's first page. The filter
 * enforces it and the menu reads it, so a page hidden from the menu is also refused, and the other way round.
 * A path the table does not name is open to ADMIN alone: a page added without a rule is never public by accident.
 * Paths are servlet paths within the console ({@code /door.xhtml}), as the container decoded and normalised them.
 */
public final class AccessRules {

    /** Roles that may sign in to the console at all; a USER buys tickets and has no business here. */
    public static final Set<Role> STAFF = Set.copyOf(EnumSet.of(DOOR, BOX_OFFICE, ADMIN));

    /** Open without signing in: the sign-in page, the error pages, and the CSS, scripts and fonts pages load. */
    private static final List<Rule> PUBLIC = List.of(
            Rule.page("/login.xhtml"),
            Rule.folder("/errors/"),
            Rule.folder("/jakarta.faces.resource/"));

    private static final List<Rule> RULES = List.of(
            Rule.page("/", DOOR, BOX_OFFICE, ADMIN),
            Rule.page("/index.xhtml", DOOR, BOX_OFFICE, ADMIN),
            Rule.page("/door.xhtml", DOOR, BOX_OFFICE, ADMIN),
            Rule.page("/events.xhtml", BOX_OFFICE, ADMIN),
            Rule.page("/event.xhtml", ADMIN),
            Rule.page("/seats.xhtml", BOX_OFFICE, ADMIN),
            Rule.page("/dashboard.xhtml", ADMIN),
            Rule.page("/bookings.xhtml", BOX_OFFICE, ADMIN),
            Rule.page("/booking.xhtml", BOX_OFFICE, ADMIN),
            Rule.page("/waitlist.xhtml", BOX_OFFICE, ADMIN),
            Rule.folder("/admin/", ADMIN));

    private static final Map<Role, String> HOMES = Map.of(
            DOOR, "/door.xhtml",
            BOX_OFFICE, "/events.xhtml",
            ADMIN, "/events.xhtml");

    private AccessRules() {
    }

    /** Whether anyone, signed in or not, may open the path. */
    public static boolean isPublic(String path) {
        return PUBLIC.stream().anyMatch(rule -> rule.matches(path));
    }

    /** Whether someone signed in with the role may open the path; a role that is not staff may open nothing. */
    public static boolean allowed(String path, Role role) {
        if (role == null || !STAFF.contains(role)) {
            return false;
        }
        if (isPublic(path)) {
            return true;
        }
        return RULES.stream()
                .filter(rule -> rule.matches(path))
                .findFirst()
                .map(rule -> rule.roles().contains(role))
                .orElse(role == ADMIN);
    }

    /** The page a role lands on after signing in (and at the console's root). */
    public static String home(Role role) {
        String home = HOMES.get(role);
        if (home == null) {
            throw new IllegalArgumentException(role + " has no console page");
        }
        return home;
    }

    /** A page (matched exactly) or a folder (every path under it), and who may open it. */
    private record Rule(String path, boolean folder, Set<Role> roles) {

        static Rule page(String path, Role... roles) {
            return new Rule(path, false, roles(roles));
        }

        static Rule folder(String path, Role... roles) {
            return new Rule(path, true, roles(roles));
        }

        boolean matches(String candidate) {
            return candidate != null && (folder ? candidate.startsWith(path) : candidate.equals(path));
        }

        private static Set<Role> roles(Role... roles) {
            return roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles));
        }
    }
}
