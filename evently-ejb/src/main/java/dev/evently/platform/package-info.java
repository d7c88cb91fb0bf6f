/**
 * The platform under the business components: schema migration at deployment, the Redis connection,
 * the instance heartbeat and the messaging probe.
 */
package dev.evently.platform;
