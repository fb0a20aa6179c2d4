#!/bin/sh
# Builds the distribution's runtime/: a jlink image holding just the JDK modules forgebot uses.
#
# usage: jlink-runtime.sh <release> <output dir> <app jar> <lib dir>
#
# Run by exec-maven-plugin in bootstrap's `package` phase. FORGEBOT_JDK_HOME is the JDK the
# toolchains plugin selected (the newest 21+), never the JDK Maven runs on: the app is Java 21
# bytecode and the image must be able to run it.
#
# Modules: whatever jdeps finds in the app jar and every runtime dependency, plus a few that
# are reached only by reflection or service loading, which jdeps cannot see, less java.desktop
# when only optional library code refers to it. The image is
# rebuilt only when the JDK, the module list or the options change, so a rebuild of the
# sources costs the jdeps run (a few seconds), not a new jlink.
set -eu

if [ $# -ne 4 ]; then
    echo "usage: $0 <release> <output dir> <app jar> <lib dir>" >&2
    exit 2
fi
release=$1
output=$2
app_jar=$3
lib_dir=$4

jdk=${FORGEBOT_JDK_HOME:-}
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jlink" ]; then
    echo "jlink-runtime: no JDK toolchain with jlink (FORGEBOT_JDK_HOME='$jdk');" \
         "is maven-toolchains-plugin's select-jdk-toolchain bound before package?" >&2
    exit 1
fi

# Reached by reflection or ServiceLoader, so invisible to jdeps; each is small.
#   jdk.crypto.ec    elliptic-curve TLS on JDK 21 (an empty module from JDK 22, kept harmless)
#   jdk.management   com.sun.management MXBeans behind Micrometer's JVM and process metrics
#   jdk.unsupported  sun.misc.Unsafe, looked up reflectively by several libraries
#   jdk.zipfs        the jar: file system provider (FileSystems.newFileSystem on a jar)
# Never added: jdk.localedata (tens of MB; the bot formats in the root locale).
always="jdk.crypto.ec jdk.management jdk.unsupported jdk.zipfs"

available=$("$jdk/bin/java" --list-modules | sed 's/@.*//')
feature=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$jdk/release")

# Every jar, not only what the app jar reaches: Guice and ServiceLoader reach classes by name,
# which jdeps cannot follow.
set -- "$app_jar"
for jar in "$lib_dir"/*.jar; do
    [ -e "$jar" ] && set -- "$@" "$jar"
done
found=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps -q \
    --multi-release "$release" --class-path "$lib_dir/*" "$@")

# java.desktop (15 MB: AWT, fonts) is reached by the libraries only on optional paths: Jackson's
# java.beans annotations (it runs without them) and Micrometer's Log4j2 binder (we log with
# Logback). Keep it only when forgebot's own classes use it.
drop=""
case ",$found," in
    *,java.desktop,*)
        set -- "$app_jar"
        for jar in "$lib_dir"/forgebot-*.jar; do
            [ -e "$jar" ] && set -- "$@" "$jar"
        done
        own=$("$jdk/bin/jdeps" -verbose:class --ignore-missing-deps -q \
            --multi-release "$release" --class-path "$lib_dir/*" "$@" \
            | grep -E '^ +dev\.forgebot\..* java\.desktop$' || true)
        if [ -z "$own" ]; then
            drop="java.desktop"
            echo "jlink-runtime: leaving out java.desktop (only optional library code refers to it)"
        fi
        ;;
esac

modules=$(
    {
        printf '%s\n' "$found" | tr ',' '\n'
        for module in $always; do
            if printf '%s\n' "$available" | grep -qx "$module"; then
                printf '%s\n' "$module"
            fi
        done
    } | sed '/^$/d' | grep -vx "${drop:-^$}" | sort -u | paste -sd, -
)

# Defaults baked into the image: sqlite-jdbc loads its native library, and Guava's
# AbstractFuture uses sun.misc.Unsafe; on JDK 24+ each prints a warning at every start,
# which would land in the terminal chat.
jvm_options="--enable-native-access=ALL-UNNAMED"
if [ "${feature:-0}" -ge 23 ]; then
    jvm_options="$jvm_options --sun-misc-unsafe-memory-access=allow"
fi

options="--strip-debug --no-man-pages --no-header-files --compress=zip-6"
inputs="jdk=$jdk
version=$(sed -n 's/^JAVA_VERSION=//p' "$jdk/release")
modules=$modules
options=$options
jvm options=$jvm_options"
stamp="$output.inputs"

if [ -x "$output/bin/java" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then
    echo "jlink-runtime: $output is up to date (modules: $modules)"
    exit 0
fi

echo "jlink-runtime: $jdk/bin/jlink --add-modules $modules $options --add-options=\"$jvm_options\""
rm -rf "$output" "$stamp"
# shellcheck disable=SC2086 # options is a fixed list of words
if ! "$jdk/bin/jlink" --add-modules "$modules" $options --add-options="$jvm_options" --output "$output"; then
    if [ ! -d "$jdk/jmods" ]; then
        # JDKs before 24 link from jmods/, which some distributions package apart.
        echo "jlink-runtime: $jdk has no jmods/; install its jmods (Debian: openjdk-<N>-jmods)" >&2
    fi
    exit 1
fi
printf '%s\n' "$inputs" > "$stamp"
