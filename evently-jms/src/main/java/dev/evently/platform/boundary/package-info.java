/**
 * Platform consumers: the messaging probe that proves broker → MDB → database works end to end.
 */
package dev.evently.platform.boundary;
