/** HTTP face of analytics: the admins' sales overview and one event's figures. */
package dev.evently.analytics.api;
