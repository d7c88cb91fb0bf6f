/**
 * Accounts: who may use Evently and in which role. Passwords are kept only as slow salted hashes.
 */
package dev.evently.accounts;
