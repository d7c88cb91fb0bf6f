/**
 * The platform under the business components: schema migration at deployment, the Redis connection,
 * the instance heartbeat, the messaging probe, and retention: purging the rows components need only for a while.
 */
package dev.evently.platform;
