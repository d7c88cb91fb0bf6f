/**
 * What every module shares: the business exceptions that roll a transaction back and become
 * {@code application/problem+json} responses with a stable {@code type} and status.
 */
package dev.evently.platform;
