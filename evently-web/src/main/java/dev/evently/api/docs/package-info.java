/**
 * Static pages of the API module (the OpenAPI UI). JAX-RS owns every path of
 * the module, so a resource serves them from the WAR.
 */
package dev.evently.api.docs;
