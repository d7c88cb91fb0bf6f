/**
 * Who may use the console and open which page: sign-in through {@code Accounts.login}, the signed-in person in the
 * HTTP session, and one filter that applies the one table of pages and roles ({@link
 * dev.evently.console.access.AccessRules}) to every request.
 */
package dev.evently.console.access;
