/**
 * The caller's identity as the resources need it, taken from the MicroProfile JWT.
 */
package dev.evently.api.security;
