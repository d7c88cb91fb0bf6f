/**
 * Static pages of the web module (the OpenAPI UI, later the admin console). JAX-RS owns every path of
 * the module, so a resource serves them from the WAR.
 */
package dev.evently.console;
