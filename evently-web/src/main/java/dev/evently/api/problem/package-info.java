/**
 * RFC 9457 problem details: every error leaves the API as application/problem+json with a stable type,
 * never with a stack trace.
 */
package dev.evently.api.problem;
