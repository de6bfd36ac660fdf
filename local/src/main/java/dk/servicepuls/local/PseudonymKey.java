package dk.servicepuls.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local mode's pseudonymisation key: 32 random bytes, kept base64-encoded in {@code pseudonym.key} in the data
 * folder with owner-only permissions. Created on the first start, read on every later one; losing or replacing it
 * changes every pseudonym, so an unreadable or malformed file is an error, never a reason to make a new key.
 */
public final class PseudonymKey {

    private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);

    /** The file name inside the data folder. */
    public static final String FILE_NAME = "pseudonym.key";

    static final int KEY_BYTES = 32;

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private static final SecureRandom RANDOM = new SecureRandom();

    private PseudonymKey() {
    }

    /** Reads the key from {@code dataDir/pseudonym.key}, creating the folder and a new key on the first call. */
    public static synchronized String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                return read(file);
            }
            String key = generate();
            if (!write(dataDir, file, key)) {
                return read(file); // another process created it first: use theirs
            }
            log.info("Generated a new pseudonymisation key in {}", file.toAbsolutePath());
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot load or create the pseudonymisation key " + file, ex);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String read(Path file) throws IOException {
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(file + " is not base64; restore it from a backup (a new key would change every pseudonym)");
        }
        if (decoded.length != KEY_BYTES) {
            throw new IllegalStateException(file + " holds " + decoded.length + " bytes, not " + KEY_BYTES
                    + "; restore it from a backup (a new key would change every pseudonym)");
        }
        warnIfReadableByOthers(file);
        return key;
    }

    /** Writes the key to a private temporary file, then moves it in place; false when the file appeared meanwhile. */
    private static boolean write(Path dataDir, Path file, String key) throws IOException {
        boolean posix = supportsPosix(dataDir);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp", attributes);
        try {
            if (!posix) {
                restrictToOwner(tmp);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.US_ASCII.encode(key + "\n"));
                channel.force(true);
            }
            if (Files.exists(file)) {
                return false;
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, file);
            }
            return true;
        }
        catch (FileAlreadyExistsException ex) {
            return false;
        }
        finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean supportsPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrictToOwner(Path file) {
        java.io.File f = file.toFile();
        boolean ok = f.setReadable(false, false) & f.setReadable(true, true) & f.setWritable(false, false)
                & f.setWritable(true, true) & f.setExecutable(false, false);
        if (!ok) {
            log.warn("Could not restrict {} to its owner; protect the data folder", file.toAbsolutePath());
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (!supportsPosix(file.getParent() != null ? file.getParent() : file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            log.warn("{} is accessible to others ({}); it should be owner-only (chmod 600)", file.toAbsolutePath(),
                    PosixFilePermissions.toString(permissions));
        }
    }

}
