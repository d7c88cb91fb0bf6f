/** Buying seats: a booking holds seats until it is paid, cancelled or expires; paid seats become tickets. */
package dev.evently.booking.entity;
