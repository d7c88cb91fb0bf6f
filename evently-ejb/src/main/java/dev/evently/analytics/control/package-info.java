/** What each domain event adds to a day's figures, and the queries that sum them up. */
package dev.evently.analytics.control;
