/**
 * The seat map for the box office: an event's seats coloured by status, kept up to date by asking every second
 * whether anything changed, the booking behind a taken seat, and seats selected and sold on the spot.
 */
package dev.evently.console.seats;
