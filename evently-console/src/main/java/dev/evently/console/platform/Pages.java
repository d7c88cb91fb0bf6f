package dev.evently.console.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** What a page's action needs of the request it answers: who sent it, and a message to show with the answer. */
public final class Pages {

    private Pages() {
    }

    /**
     * The address the request came from, as the console counts and records it: the peer's. The API trusts a
     * proxy's X-Forwarded-For (evently-web); the console does not, so behind a proxy every console sign-in counts
     * against the proxy's address and the audit log names it.
     */
    public static String clientAddress() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getRemoteAddr();
    }

    /** A message for the page's messages component, shown with this answer. */
    public static void say(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
