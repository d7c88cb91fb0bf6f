/**
 * What the console's pages share: how times are shown, what an EJB's failure really was, and what an action needs
 * of the request it answers (its sender's address, a message shown with the answer).
 */
package dev.evently.console.platform;
