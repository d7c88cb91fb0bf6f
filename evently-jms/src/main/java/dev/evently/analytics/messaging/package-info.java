/** The analytics consumer: booking and waitlist events become the daily sales figures. */
package dev.evently.analytics.messaging;
