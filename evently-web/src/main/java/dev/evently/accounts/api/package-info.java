/**
 * Accounts over HTTP: registration, login for an RS256 bearer token, the caller's account, and users as
 * administrators see them.
 */
package dev.evently.accounts.api;
