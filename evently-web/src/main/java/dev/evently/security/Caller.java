package dev.evently.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified token: the subject is the user id, the groups carry the role. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public long userId() {
        return Long.parseLong(token.getSubject());
    }

    public boolean isAdmin() {
        return token.getGroups() != null && token.getGroups().contains("ADMIN");
    }
}
