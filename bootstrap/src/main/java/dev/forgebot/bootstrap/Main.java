package dev.forgebot.bootstrap;

import dev.forgebot.bootstrap.cli.ForgebotCli;
import dev.forgebot.bootstrap.wiring.ForgebotLauncher;

/** The command line entry point: {@code forgebot [run] | kb import FILE | --help | --version}. */
public final class Main {

    private Main() {
    }

    /**
     * Seconds the JDK's HTTP server (webhook and management endpoints) gives a client to send a whole
     * request and to take a whole response; without them a client that announces a body and never
     * sends it holds a connection forever. Read once by the JDK, so set before any server exists; a
     * value given with {@code -D} wins.
     */
    static final String HTTP_SERVER_REQUEST_SECONDS = "60";

    public static void main(String[] args) {
        limitSlowHttpClients();
        int code = ForgebotCli.execute(args, System.getenv(), System.out, System.err,
                new ForgebotLauncher(System.in, System.out));
        System.exit(code);
    }

    static void limitSlowHttpClients() {
        for (String property : new String[] {"sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, HTTP_SERVER_REQUEST_SECONDS);
            }
        }
    }
}
