/** The people who use Evently: their identity, credentials and role. */
package dev.evently.accounts.entity;
