/** The webhook tables' SQL, the URL rules, the retry schedule and the HTTP call. */
package dev.evently.webhook.control;
