package dev.forgebot.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** forgebot's production classes from every module on this test class path, imported once. */
final class ForgebotClasses {

    /** Test-jars (the application's contract suites and fakes) are test code, not production code. */
    static final ImportOption DO_NOT_INCLUDE_TEST_JARS = location -> !location.contains("-tests.jar");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(DO_NOT_INCLUDE_TEST_JARS)
            .importPackages("dev.forgebot");

    private ForgebotClasses() {
    }

    static JavaClasses production() {
        return PRODUCTION;
    }
}
