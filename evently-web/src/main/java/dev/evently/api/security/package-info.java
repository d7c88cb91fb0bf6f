/**
 * The caller's identity as the resources need it, taken from its bearer token (a MicroProfile JWT),
 * verified by the application.
 */
package dev.evently.api.security;
