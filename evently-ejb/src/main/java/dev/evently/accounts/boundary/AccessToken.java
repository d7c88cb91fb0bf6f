package dev.evently.accounts.boundary;

import java.time.Duration;

/**
 * A session's tokens: a signed bearer token and how long it stays valid from now, and the refresh token that
 * renews it (once) and how long that one stays valid.
 */
public record AccessToken(String value, Duration expiresIn, String refreshToken, Duration refreshExpiresIn) {
}
