package dev.evently.console.staff;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.accounts.boundary.Accounts;
import dev.evently.accounts.entity.Role;
import dev.evently.accounts.entity.User;
import dev.evently.console.access.ConsoleSession;
import dev.evently.console.access.ConsoleUser;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.platform.Pages;
import dev.evently.platform.errors.NotFoundException;

/**
 * The staff page, for admins: every account with a staff role, and an account found by its email given another
 * role. {@link Accounts#assignRole} ends the account's sessions, so the new role counts from its next sign-in. An
 * admin cannot change their own role here (no one locks the last admin out by a slip); another admin can.
 */
@Named
@ViewScoped
public class StaffRoles implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MOST = 500;

    /** An account as the page shows it. */
    public record Member(long id, String email, String name, Role role) implements Serializable {

        static Member of(User user) {
            return new Member(user.getId(), user.getEmail(), user.getName(), user.getRole());
        }

        public String roleLabel() {
            return ConsoleUser.label(role);
        }
    }

    @Inject
    Accounts accounts;

    @Inject
    ConsoleSession session;

    @Inject
    StaffActions actions;

    private String email;
    private Member found;
    private Role role;
    private List<Member> staff = List.of();

    @PostConstruct
    void load() {
        staff = accounts.staff(MOST).stream().map(Member::of).toList();
    }

    public void find() {
        found = null;
        role = null;
        if (email == null || email.isBlank()) {
            return;
        }
        try {
            found = Member.of(accounts.findByEmail(email.strip()));
            role = found.role();
        } catch (NotFoundException e) {
            Pages.say(FacesMessage.SEVERITY_WARN, "No account has this email.");
        }
    }

    public void give() {
        if (found == null || role == null) {
            return;
        }
        ConsoleUser admin = session.getUser();
        if (found.id() == admin.id()) {
            Pages.say(FacesMessage.SEVERITY_WARN, "You cannot change your own role: ask another admin.");
            return;
        }
        Role before = found.role();
        if (before == role) {
            Pages.say(FacesMessage.SEVERITY_INFO, found.email() + " is " + ConsoleUser.label(role) + " already.");
            return;
        }
        accounts.assignRole(found.id(), role);
        actions.roleChanged(admin.at(Pages.clientAddress()), found.id(), before, role);
        found = new Member(found.id(), found.email(), found.name(), role);
        load();
        Pages.say(FacesMessage.SEVERITY_INFO, found.email() + " is now " + ConsoleUser.label(role)
                + "; their sessions have ended.");
    }

    public List<Role> getRoles() {
        return Arrays.asList(Role.values());
    }

    public String label(Role role) {
        return ConsoleUser.label(role);
    }

    public List<Member> getStaff() {
        return staff;
    }

    public boolean isCapped() {
        return staff.size() >= MOST;
    }

    public Member getFound() {
        return found;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }
}
