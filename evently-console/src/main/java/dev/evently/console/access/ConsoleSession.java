package dev.evently.console.access;

import java.io.Serializable;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.evently.accounts.boundary.Accounts;
import dev.evently.accounts.entity.Role;
import dev.evently.audit.boundary.Actor;
import dev.evently.console.audit.StaffActions;
import dev.evently.console.platform.Pages;

/**
 * Who is signed in to the console in this HTTP session, and the Evently session their sign-in opened. That
 * session is ended with the HTTP one: on sign-out, or when the HTTP session times out (the refresh token that
 * names it never leaves the server, but it should not outlive the console session that holds it). Either way the
 * end goes on the audit log, from the request that signed out, or without an address when the session timed out.
 */
@Named
@SessionScoped
public class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ConsoleSession.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    StaffActions staffActions;

    private ConsoleUser user;
    private String refreshToken;

    void signIn(ConsoleUser user, String refreshToken) {
        this.user = user;
        this.refreshToken = refreshToken;
    }

    /** The person signed in, or null. */
    public ConsoleUser getUser() {
        return user;
    }

    public boolean isSignedIn() {
        return user != null;
    }

    /** Whether the person signed in may open the page; the menu shows only what this allows. */
    public boolean may(String path) {
        return user != null && AccessRules.allowed(path, user.role());
    }

    /** Whether the person signed in is an admin: actions beyond a page's own role (a refund, say) ask this. */
    public boolean isAdmin() {
        return user != null && user.role() == Role.ADMIN;
    }

    /** The person signed in as the audit log names who acted, from this request's address. */
    public Actor actor() {
        String address = Pages.clientAddress();
        return user == null ? new Actor(null, null, address) : user.at(address);
    }

    /** Navigation to the signed-in person's first page, or to the sign-in page. */
    public String home() {
        return redirect(user == null ? "/login.xhtml" : AccessRules.home(user.role()));
    }

    public String signOut() {
        endEventlySession(Pages.clientAddress(), "signed out");
        FacesContext.getCurrentInstance().getExternalContext().invalidateSession();
        return redirect("/login.xhtml");
    }

    /** The HTTP session ended without signing out: no request is at hand here, so neither is an address. */
    @PreDestroy
    void ended() {
        endEventlySession(null, "console session ended");
    }

    private void endEventlySession(String clientAddress, String reason) {
        ConsoleUser leaving = user;
        String token = refreshToken;
        user = null;
        refreshToken = null;
        if (leaving == null || token == null) {
            return;
        }
        staffActions.signedOut(leaving.at(clientAddress), reason);
        try {
            accounts.logout(leaving.id(), null, null, null, token);
        } catch (RuntimeException e) {
            // the console session ends anyway; the Evently session then lapses with its refresh token
            LOG.log(Level.WARNING, "could not end the Evently session of user " + leaving.id() + ": " + e);
        }
    }

    static String redirect(String page) {
        return page + "?faces-redirect=true";
    }
}
