/** What the console's pages share: how times are shown, and what an EJB's failure really was. */
package dev.evently.console.platform;
