package vn.langnghe.contracts.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pins new contract versions: appends the SHA-256 of every not yet pinned {@code schema.json} and
 * {@code example.json} to {@code released.sha256}, and refuses if a released file was edited.
 *
 * <pre>
 * cd /work/main &amp;&amp; java -cp event-contracts/target/classes vn.langnghe.contracts.tools.PinContracts
 * </pre>
 * Optional argument: the contracts folder (default {@code event-contracts/src/main/resources/contracts},
 * or {@code src/main/resources/contracts} when run inside the module).
 */
public final class PinContracts {

    private PinContracts() {
    }

    public static void main(String[] args) {
        Path dir = args.length > 0 ? Path.of(args[0]) : defaultDir();
        ContractPins.Check check = ContractPins.check(dir);
        if (!check.releasedIntact()) {
            System.err.println("Released contracts were changed; restore them and add a new version instead.");
            check.edited().forEach(p -> System.err.println("  edited:  " + p));
            check.deleted().forEach(p -> System.err.println("  deleted: " + p));
            System.exit(1);
        }
        var added = ContractPins.pinNew(dir);
        if (added.isEmpty()) {
            System.out.println("Nothing new to pin in " + dir);
        }
        added.forEach(p -> System.out.println("pinned " + p));
    }

    private static Path defaultDir() {
        Path fromRoot = Path.of("event-contracts/src/main/resources/contracts");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("src/main/resources/contracts");
    }
}
