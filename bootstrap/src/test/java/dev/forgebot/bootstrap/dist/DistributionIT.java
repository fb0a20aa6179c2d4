package dev.forgebot.bootstrap.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The tar.gz that {@code package} built, unpacked and run the way a user would: from its own
 * runtime, with no JDK on PATH and no JAVA_HOME.
 */
class DistributionIT {

    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(120);
    /** The only commands bin/forgebot runs besides java; /bin/sh comes from its #! line. */
    private static final List<String> LAUNCHER_TOOLS = List.of("dirname", "readlink");
    private static final String VERSION = System.getProperty("forgebot.version", "0.1.0-SNAPSHOT");

    @TempDir
    static Path scratch;

    private static Path unpackedInto;

    private static Path home;
    /** A PATH directory holding only {@link #LAUNCHER_TOOLS}: no java, whatever /usr/bin has. */
    private static Path pathWithoutJdk;

    @BeforeAll
    static void unpackTheArchive() throws Exception {
        Path archive = archive();
        unpackedInto = Files.createDirectory(scratch.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpackedInto.toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("tar.log").toFile()).start();
        Result untar = awaitExit(tar, List.of("tar", archive.toString()), scratch.resolve("tar.log"));
        assertThat(untar.exitCode()).as("tar -xzf %s: %s", archive, untar.output()).isZero();
        home = unpackedInto.resolve("forgebot-" + VERSION);
        pathWithoutJdk = Files.createDirectory(scratch.resolve("path-without-jdk"));
        for (String tool : LAUNCHER_TOOLS) {
            Path installed = Stream.of("/usr/bin", "/bin").map(dir -> Path.of(dir, tool))
                    .filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(pathWithoutJdk.resolve(tool), installed);
        }
    }

    @Test
    void archiveHoldsLauncherLibrariesRuntimeLoggingConfigAndReadme() throws IOException {
        try (Stream<Path> top = Files.list(unpackedInto)) {
            assertThat(top).as("one top-level directory").containsExactly(home);
        }
        assertThat(home.resolve("bin/forgebot")).isRegularFile().isExecutable();
        assertThat(home.resolve("lib/forgebot-bootstrap-" + VERSION + ".jar")).isRegularFile();
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(jar -> jar.getFileName().toString()))
                    .anyMatch(jar -> jar.startsWith("logback-classic-"))
                    .anyMatch(jar -> jar.startsWith("forgebot-adapters-local-"))
                    .allMatch(jar -> jar.endsWith(".jar"));
        }
        assertThat(home.resolve("runtime/bin/java")).isRegularFile().isExecutable();
        assertThat(home.resolve("runtime/lib/jspawnhelper")).as("needed to start child processes")
                .isExecutable();
        assertThat(home.resolve("conf/logback.xml")).isRegularFile();
        assertThat(home.resolve("README.md")).content().startsWith("# forgebot");
    }

    @Test
    void bundledRuntimeIsJava21OrNewerAndNeedsNoJdkOnPath() throws Exception {
        Result version = run(List.of(home.resolve("runtime/bin/java").toString(), "-version"),
                Map.of(), unpackedInto);

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(featureVersion(version.output())).isGreaterThanOrEqualTo(minimumFeatureVersion());
    }

    @Test
    void bundledRuntimeLeavesOutModulesForgebotDoesNotNeed() throws IOException {
        String release = Files.readString(home.resolve("runtime/release"));

        assertThat(release).contains("java.sql", "java.naming", "jdk.management");
        assertThat(release).doesNotContain("jdk.localedata", "jdk.jlink", "jdk.compiler");
    }

    @Test
    void launcherRunsTheBundledRuntimeWithTheBundledLoggingConfigAndJavaOpts() throws Exception {
        // -version makes the java launcher stop before it looks for the main class.
        Result settings = run(List.of(home.resolve("bin/forgebot").toString()),
                Map.of("JAVA_OPTS", "-Dforgebot.it.marker=from-java-opts -XshowSettings:properties -version"),
                unpackedInto);

        assertThat(settings.exitCode()).as(settings.output()).isZero();
        assertThat(settings.output())
                .contains("java.home = " + home.resolve("runtime").toRealPath())
                .contains("logback.configurationFile = " + home.resolve("conf/logback.xml").toRealPath())
                .contains("forgebot.it.marker = from-java-opts");
    }

    @Test
    void launcherFindsItsDistributionThroughASymlink(@TempDir Path elsewhere) throws Exception {
        Path link = Files.createSymbolicLink(elsewhere.resolve("forgebot"), home.resolve("bin/forgebot"));

        Result settings = run(List.of(link.toString()), Map.of("JAVA_OPTS", "-XshowSettings:properties -version"),
                elsewhere);

        assertThat(settings.exitCode()).as(settings.output()).isZero();
        assertThat(settings.output()).contains("java.home = " + home.resolve("runtime").toRealPath());
    }

    @Test
    void defaultLoggingIsInfoOnStandardErrorAndHttpClientCannotLogTheWire() throws Exception {
        Element configuration = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(home.resolve("conf/logback.xml").toFile()).getDocumentElement();

        assertThat(configuration.getElementsByTagName("target").item(0).getTextContent()).isEqualTo("System.err");
        Element root = (Element) configuration.getElementsByTagName("root").item(0);
        assertThat(root.getAttribute("level")).isEqualTo("${FORGEBOT_LOG_LEVEL:-INFO}");
        assertThat(loggerLevel(configuration, "org.apache.hc")).isEqualTo("INFO");
        assertThat(loggerLevel(configuration, "org.apache.hc.client5.http.wire")).isEqualTo("INFO");
        assertThat(configuration.getElementsByTagName("pattern").item(0).getTextContent())
                .contains("%d{", "%-5level", "%logger", "%thread", "%msg");
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        Result help = run(List.of(home.resolve("bin/forgebot").toString(), "--help"), Map.of(), unpackedInto);

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage:");
    }

    @Test
    void versionPrintsTheProjectVersionAndExitsZero() throws Exception {
        Result version = run(List.of(home.resolve("bin/forgebot").toString(), "--version"), Map.of(),
                unpackedInto);

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains(VERSION);
    }

    @Test
    void pipedTerminalSessionAnswersAPricingQuestionAndExitsAtEndOfInput(@TempDir Path dataDir) throws Exception {
        // A real pipe, as a user would write it: the bot must see end-of-input and stop by itself.
        Result session = run(List.of("/bin/sh", "-c", "printf 'how much does it cost?\\n' | \"$0\"",
                        home.resolve("bin/forgebot").toString()),
                Map.of("FORGEBOT_DATA_DIR", dataDir.toString()), dataDir);

        assertThat(session.exitCode()).as(session.output()).isZero();
        assertThat(session.output()).contains("bot> Pricing plans");
    }

    private static String loggerLevel(Element configuration, String name) {
        NodeList loggers = configuration.getElementsByTagName("logger");
        for (int i = 0; i < loggers.getLength(); i++) {
            Element logger = (Element) loggers.item(i);
            if (logger.getAttribute("name").equals(name)) {
                return logger.getAttribute("level");
            }
        }
        return null;
    }

    private static Path archive() throws IOException {
        String configured = System.getProperty("forgebot.dist.archive");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> target = Files.list(Paths.get("target"))) {
            return target.filter(p -> p.getFileName().toString().matches("forgebot-.*\\.tar\\.gz"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/forgebot-*.tar.gz; run mvn package"));
        }
    }

    private static int minimumFeatureVersion() {
        return Integer.parseInt(System.getProperty("forgebot.jdk.min", "21"));
    }

    /** The feature release from {@code java -version} output: 21 in {@code version "21.0.5"}, 25 in {@code "25"}. */
    private static int featureVersion(String javaVersionOutput) {
        Matcher version = Pattern.compile("version \"(\\d+)").matcher(javaVersionOutput);
        assertThat(version.find()).as("a version in: %s", javaVersionOutput).isTrue();
        return Integer.parseInt(version.group(1));
    }

    /**
     * Runs a command with a PATH holding no JDK and no JAVA_HOME, stdin empty (end of input at
     * once), stdout and stderr merged; waits at most {@link #PROCESS_TIMEOUT}.
     */
    private static Result run(List<String> command, Map<String, String> extraEnvironment, Path workingDirectory)
            throws IOException, InterruptedException {
        Path files = Files.createTempDirectory(scratch, "run");
        Path stdin = Files.createFile(files.resolve("stdin"));
        Path output = files.resolve("output");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(stdin.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.equals("JAVA_HOME") || name.equals("JDK_HOME")
                || name.equals("JAVA_OPTS") || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS")
                || name.equals("JDK_JAVA_OPTIONS") || name.startsWith("FORGEBOT_"));
        environment.put("PATH", pathWithoutJdk.toString());
        environment.putAll(extraEnvironment);
        return awaitExit(builder.start(), command, output);
    }

    /** Waits at most {@link #PROCESS_TIMEOUT}; a process still running then is killed and the test fails. */
    private static Result awaitExit(Process process, List<String> command, Path output)
            throws IOException, InterruptedException {
        if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("no exit within " + PROCESS_TIMEOUT + ": " + command + "\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
