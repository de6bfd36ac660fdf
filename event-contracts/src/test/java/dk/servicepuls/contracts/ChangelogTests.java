package dk.servicepuls.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The changelog follows the contract, and the licence is the one the README and the pom name. */
class ChangelogTests {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyEventTypeOfTheContractIsInTheChangelog() throws IOException {
        String changelog = Files.readString(ROOT.resolve("CHANGELOG.md"));

        for (EventType type : EventType.values()) {
            String name = type.type().substring("dk.servicepuls.".length(), type.type().lastIndexOf(".v"));
            assertThat(changelog).as("CHANGELOG.md names %s, which the contract has", type.type())
                    .containsPattern("`(dk\\.servicepuls\\.)?" + java.util.regex.Pattern.quote(name) + "(\\.v\\d+)?`");
        }
    }

    @Test
    void theLicenceIsApacheTwoAndSecurityReportsHaveAPolicy() throws IOException {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<name>Apache-2.0</name>");
        assertThat(Files.readString(ROOT.resolve("SECURITY.md"))).contains("## Reporting a vulnerability",
                "## Supported versions");
    }
}
