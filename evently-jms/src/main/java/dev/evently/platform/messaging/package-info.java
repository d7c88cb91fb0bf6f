/**
 * What every consumer shares (correlation ids and failure logging around each delivery), and the messaging
 * probe that proves broker → MDB → database works end to end.
 */
package dev.evently.platform.messaging;
