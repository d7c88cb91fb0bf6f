/**
 * Operational records the platform keeps about itself: live server instances and messaging probes.
 */
package dev.evently.platform.entity;
