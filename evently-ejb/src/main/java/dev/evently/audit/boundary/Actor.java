package dev.evently.audit.boundary;

/**
 * Who acted, as they were at the time, and from where. The email is kept beside the id because the entry outlives
 * the account; a refused sign-in has the email typed and no id.
 *
 * @param id the account's id, or null when nobody is signed in
 * @param email the account's (or the typed) email, or null
 * @param clientAddress the address the request came from, or null when no request caused the action
 */
public record Actor(Long id, String email, String clientAddress) {
}
