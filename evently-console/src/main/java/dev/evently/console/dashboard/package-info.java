/**
 * The admins' sales dashboard: live figures read from the tables each second, charts of the daily analytics
 * figures (which may lag), capacity section by section; for one event or for all events not yet ended.
 */
package dev.evently.console.dashboard;
