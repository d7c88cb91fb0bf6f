package dev.evently.platform.control;

/**
 * Announced once this instance starts to drain before it stops: new requests go to other instances, and whatever
 * keeps a client here for long (a stream it follows) lets it go, so that it comes back on another instance.
 */
public record InstanceDraining() {
}
