package dev.forgebot.bootstrap;

import dev.forgebot.bootstrap.cli.ForgebotCli;
import dev.forgebot.bootstrap.wiring.ForgebotLauncher;

/** The command line entry point: {@code forgebot [run] | kb import FILE | --help | --version}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = ForgebotCli.execute(args, System.getenv(), System.out, System.err,
                new ForgebotLauncher(System.in, System.out));
        System.exit(code);
    }
}
