package dev.evently.paymentsimulator;

import java.io.IOException;

/** {@code java -jar evently-payment-simulator.jar --help} */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(Config.USAGE);
            return;
        }
        Config config;
        try {
            config = Config.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("payment simulator: " + e.getMessage());
            System.err.print(Config.USAGE);
            System.exit(2);
            return;
        }
        Simulator simulator;
        try {
            simulator = Simulator.start(config, Main::log);
        } catch (IOException e) {
            System.err.println("payment simulator: cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        // SIGTERM and Ctrl-C: stop serving and close the state file cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "paysim-shutdown"));
        log("payment simulator listening on " + simulator.baseUrl());
    }

    private static synchronized void log(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
