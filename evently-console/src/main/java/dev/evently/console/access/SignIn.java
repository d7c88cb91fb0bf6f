package dev.evently.console.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import dev.evently.accounts.boundary.AccessToken;
import dev.evently.accounts.boundary.Accounts;
import dev.evently.accounts.boundary.InvalidCredentialsException;
import dev.evently.accounts.entity.User;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.platform.Pages;
import dev.evently.platform.errors.NotFoundException;
import dev.evently.platform.errors.TooManyRequestsException;

/**
 * The sign-in form. The password is checked, and failures limited, by {@link Accounts#login} exactly as for the
 * API; the console only adds that the account must be staff. On success the HTTP session gets a new id, so an id
 * planted before sign-in (session fixation) is worth nothing afterwards. Sign-ins and refusals go on the audit log.
 */
@Named
@RequestScoped
public class SignIn {

    @Inject
    Accounts accounts;

    @Inject
    ConsoleSession session;

    @Inject
    HttpServletRequest request;

    @Inject
    StaffActions staffActions;

    private String email;
    private String password;

    /** Someone already signed in who opens the sign-in page goes to their first page instead. */
    public String alreadySignedIn() {
        return session.isSignedIn() ? session.home() : null;
    }

    public String signIn() {
        AccessToken token;
        String address = Pages.clientAddress();
        try {
            token = accounts.login(email, password, address);
        } catch (InvalidCredentialsException e) {
            recordIfStaff(email, address);
            return refused("Email or password is wrong.");
        } catch (TooManyRequestsException e) {
            return refused("Too many failed sign-ins. Try again in "
                    + TooManyRequestsException.seconds(e.retryAfter()) + " seconds.");
        } finally {
            password = null;
        }
        User user = accounts.findByEmail(email);
        if (!AccessRules.STAFF.contains(user.getRole())) {
            // not recorded: a buyer's account is no staff member's, and its right password is never throttled
            accounts.logout(user.getId(), null, null, null, token.refreshToken());
            return refused("This account has no console access.");
        }
        request.getSession(true);
        request.changeSessionId();
        ConsoleUser signedIn = new ConsoleUser(user.getId(), user.getEmail(), user.getName(), user.getRole());
        session.signIn(signedIn, token.refreshToken());
        staffActions.signedIn(signedIn.at(address), user.getRole().name());
        return session.home();
    }

    /**
     * A wrong password for a staff account goes on the audit log. Guesses at other emails do not: the log is never
     * purged, and a stranger's guesses at addresses that are no staff member's would only grow it.
     */
    private void recordIfStaff(String typed, String address) {
        try {
            User user = accounts.findByEmail(typed);
            if (AccessRules.STAFF.contains(user.getRole())) {
                staffActions.signInRefused(user.getEmail(), user.getId(), address, "wrong password");
            }
        } catch (NotFoundException e) {
            // no account: nothing to record
        }
    }

    private static String refused(String why) {
        Pages.say(FacesMessage.SEVERITY_ERROR, why);
        return null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
