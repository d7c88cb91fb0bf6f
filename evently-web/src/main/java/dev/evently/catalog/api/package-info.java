/**
 * HTTP face of the catalogue: the public event list, details and seat maps (cached, with ETags) and
 * the admin's event management.
 */
package dev.evently.catalog.api;
