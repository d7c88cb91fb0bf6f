/**
 * The staff console: server-rendered Jakarta Faces pages for the people who run events (the door, the box
 * office, admins), calling the same EJB boundaries as the REST API. It signs staff in with a server session of its
 * own rather than container security, as the API checks its bearer tokens itself.
 * Sub-packages by what staff do: {@code access} (signing in and who may open which page), {@code door}
 * (check-in), {@code events} (the event list), {@code audit} (what staff did, on record and searched),
 * {@code platform} (what the pages share).
 */
package dev.evently.console;
