package dk.servicepuls.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** The compose pilot's Kafka ACLs as {@code deploy/kafka/acls.txt} lists them, one line each. */
record ComposeAcls(String principal, Set<String> operations, String kind, String name, boolean prefixed) {

    static final Path FILE = ServiceSettings.ROOT.resolve("deploy/kafka/acls.txt");

    static List<ComposeAcls> read() {
        List<ComposeAcls> acls = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(FILE)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                acls.add(new ComposeAcls(parts[0], Set.of(parts[1].split(",")), parts[2], parts[3],
                        parts.length > 4 && parts[4].equals("prefixed")));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return acls;
    }

    boolean covers(String kind, String resource) {
        return this.kind.equals(kind) && (name.equals("*") || (prefixed ? resource.startsWith(name) : name.equals(resource)));
    }

    /** What apply-acls.sh makes of the line with kafka-acls.sh: an allow for the user on any host, per operation. */
    List<AclBinding> bindings() {
        ResourcePattern resource = new ResourcePattern(kind.equals("topic") ? ResourceType.TOPIC : ResourceType.GROUP, name,
                prefixed ? PatternType.PREFIXED : PatternType.LITERAL);
        return operations.stream().map(operation -> new AclBinding(resource, new AccessControlEntry("User:" + principal,
                "*", AclOperation.valueOf(operation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)),
                AclPermissionType.ALLOW))).toList();
    }
}
