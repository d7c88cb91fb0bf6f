package dev.evently.console.access;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request to the console passes here first: browser security headers on every answer, then the sign-in
 * and the role the page needs, from {@link AccessRules}. Not signed in: to the sign-in page (302, or a Faces
 * partial-response redirect for an AJAX request, which a browser's XHR would otherwise follow and choke on).
 * Signed in without the role: 403, which the console's error page shows.
 */
public class ConsoleAccess extends HttpFilter {

    private static final String LOGIN = "/login.xhtml";

    @Inject
    ConsoleSession session;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        String path = pathOf(request);
        if (!path.startsWith("/jakarta.faces.resource/")) {
            // pages show who is signed in and what they may do: never kept by a browser or a proxy
            response.setHeader("Cache-Control", "no-store");
        }
        if (AccessRules.isPublic(path)) {
            chain.doFilter(request, response);
            return;
        }
        // no HTTP session, no sign-in: asking the session bean would open a session for every stranger
        ConsoleUser user = request.getSession(false) == null ? null : session.getUser();
        if (user == null) {
            toSignIn(request, response);
        } else if (!AccessRules.allowed(path, user.role())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String login = request.getContextPath() + LOGIN;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<partial-response><redirect url=\"" + login + "\"></redirect></partial-response>");
            return;
        }
        response.sendRedirect(login);
    }
}
