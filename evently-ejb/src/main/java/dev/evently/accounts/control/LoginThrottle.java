package dev.evently.accounts.control;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.evently.platform.control.Limits;
import dev.evently.platform.control.Limits.Limit;
import dev.evently.platform.errors.TooManyRequestsException;

/**
 * Bounds password guessing while keeping honest people in. Only failed logins count, never successful ones, so
 * an office or a box office behind one address is never locked out by logging in. A guesser is stopped per
 * account and address (a few failures a minute), per address across accounts (credential stuffing), and, slower,
 * per account from anywhere (guesses spread over many addresses): only then, while the account is under attack,
 * is a right password refused too. Someone else's failures never lock an account from another address.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    Limits limits;

    /** Failed logins allowed per account and client address within {@code evently.login.limit.window}. */
    @Inject
    @ConfigProperty(name = "evently.login.limit.per-account-address", defaultValue = "5")
    long perAccountAddress;

    /** Failed logins allowed per client address, whatever the account, within the window. */
    @Inject
    @ConfigProperty(name = "evently.login.limit.per-address", defaultValue = "100")
    long perAddress;

    @Inject
    @ConfigProperty(name = "evently.login.limit.window", defaultValue = "PT1M")
    Duration window;

    /** Failed logins of one account from anywhere within {@code evently.login.limit.account-window}: beyond, it waits. */
    @Inject
    @ConfigProperty(name = "evently.login.limit.per-account", defaultValue = "50")
    long perAccount;

    @Inject
    @ConfigProperty(name = "evently.login.limit.account-window", defaultValue = "PT15M")
    Duration accountWindow;

    private Limit pairs;
    private Limit addresses;
    private Limit accounts;

    @PostConstruct
    void limits() {
        pairs = new Limit("login-failures:account+address", perAccountAddress, window);
        addresses = new Limit("login-failures:address", perAddress, window);
        accounts = new Limit("login-failures:account", perAccount, accountWindow);
    }

    /**
     * Refuses the attempt, before its password is checked, while this account from this address, this address,
     * or this account from anywhere has failed too often.
     *
     * @param email   the normalised email the login names (the account need not exist)
     * @param address the client address as the server sees it
     */
    public void admit(String email, String address) {
        Optional<Duration> wait = limits.check(pairs, email + " " + address)
                .or(() -> limits.check(addresses, address))
                .or(() -> limits.check(accounts, email));
        if (wait.isPresent()) {
            throw new TooManyRequestsException("Too many failed logins", wait.get());
        }
    }

    /** The password was wrong (or the account unknown): it counts against every budget. */
    public void failed(String email, String address) {
        limits.count(pairs, email + " " + address);
        limits.count(addresses, address);
        limits.count(accounts, email);
    }
}
