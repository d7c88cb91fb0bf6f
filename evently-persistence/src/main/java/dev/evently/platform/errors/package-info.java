/**
 * The business exceptions every module shares: each rolls its transaction back and becomes an
 * {@code application/problem+json} response with a stable {@code type} and status.
 */
package dev.evently.platform.errors;
