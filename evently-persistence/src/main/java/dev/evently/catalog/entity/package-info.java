/** What is on sale: events, their life cycle, and the seat map generated from a layout. */
package dev.evently.catalog.entity;
