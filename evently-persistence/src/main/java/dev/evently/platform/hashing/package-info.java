/** Fingerprints of requests and cache entries (SHA-256); passwords have their own slow hash in accounts. */
package dev.evently.platform.hashing;
