/**
 * Payments over HTTP: a buyer opens a checkout for a pending booking, the provider reports through its signed
 * webhook, and staff record money taken at the box office.
 */
package dev.evently.payment.api;
