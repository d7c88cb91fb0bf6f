package dev.evently.accounts.boundary;

import java.time.Duration;

/** A signed bearer token and how long it stays valid from now. */
public record AccessToken(String value, Duration expiresIn) {
}
