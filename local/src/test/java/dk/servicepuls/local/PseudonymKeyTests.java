package dk.servicepuls.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

class PseudonymKeyTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    @Test
    void createsA32ByteKeyOnTheFirstCall() throws Exception {
        String key = PseudonymKey.loadOrCreate(this.dataDir);

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(Files.readString(this.dataDir.resolve("pseudonym.key")).strip()).isEqualTo(key);
        try (var files = Files.list(this.dataDir)) {
            assertThat(files).containsExactly(this.dataDir.resolve("pseudonym.key"));
        }
    }

    @Test
    void returnsTheSameKeyOnLaterCalls() {
        String first = PseudonymKey.loadOrCreate(this.dataDir);

        assertThat(PseudonymKey.loadOrCreate(this.dataDir)).isEqualTo(first);
        assertThat(PseudonymKey.loadOrCreate(this.dataDir)).isEqualTo(first);
    }

    @Test
    void createsTheDataFolderWhenItIsMissing() {
        Path nested = this.dataDir.resolve("a/b");

        String key = PseudonymKey.loadOrCreate(nested);

        assertThat(nested.resolve("pseudonym.key")).exists();
        assertThat(PseudonymKey.loadOrCreate(nested)).isEqualTo(key);
    }

    @Test
    void theFileIsOwnerOnlyWherePosixPermissionsExist() throws Exception {
        assumeThat(this.dataDir.getFileSystem().supportedFileAttributeViews()).contains("posix");

        PseudonymKey.loadOrCreate(this.dataDir);

        assertThat(Files.getPosixFilePermissions(this.dataDir.resolve("pseudonym.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void anotherDataFolderGetsAnotherKey() {
        assertThat(PseudonymKey.loadOrCreate(this.otherDataDir)).isNotEqualTo(PseudonymKey.loadOrCreate(this.dataDir));
    }

    @Test
    void aDamagedKeyFileIsAnErrorNotAReasonToMakeANewKey() throws Exception {
        Path file = this.dataDir.resolve("pseudonym.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[7]));

        assertThatIllegalStateException().isThrownBy(() -> PseudonymKey.loadOrCreate(this.dataDir))
                .withMessageContaining("7 bytes");
        Files.writeString(file, "not base64 at all!");
        assertThatIllegalStateException().isThrownBy(() -> PseudonymKey.loadOrCreate(this.dataDir))
                .withMessageContaining("not base64");
        assertThat(Files.readString(file)).isEqualTo("not base64 at all!");
    }

}
