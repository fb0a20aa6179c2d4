package dev.forgebot.bootstrap.cli;

import picocli.CommandLine.IVersionProvider;

/** The version in the jar manifest ({@code Implementation-Version}), or {@code dev} when run from classes. */
final class ForgebotVersion implements IVersionProvider {

    static final String UNKNOWN = "dev";

    @Override
    public String[] getVersion() {
        return new String[] {"forgebot " + version()};
    }

    static String version() {
        String version = ForgebotVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? UNKNOWN : version;
    }
}
