package vn.langnghe.contracts.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Released schemas and examples are frozen: their SHA-256 is pinned in released.sha256. */
class ReleasedContractsPinnedTest {

    private static final Path CONTRACTS = Path.of("src/main/resources/contracts");
    private static final String HOW_TO_PIN = """
            Pin new contract versions with
              cd /work/main && java -cp event-contracts/target/classes vn.langnghe.contracts.tools.PinContracts
            or by hand
              cd event-contracts/src/main/resources/contracts && sha256sum <type>/schema.json <type>/example.json >> released.sha256""";

    @Test
    void noReleasedContractWasEdited() {
        ContractPins.Check check = ContractPins.check(CONTRACTS);

        assertThat(check.edited())
                .withFailMessage(() -> "released contract " + check.edited()
                        + " was edited: add a new version instead (a new <context>.<Event>.vN+1 folder and an upcaster)")
                .isEmpty();
        assertThat(check.deleted())
                .withFailMessage(() -> "released contract " + check.deleted() + " was deleted: released folders stay forever")
                .isEmpty();
    }

    @Test
    void everyContractFolderIsPinned() {
        ContractPins.Check check = ContractPins.check(CONTRACTS);

        assertThat(check.unpinned())
                .withFailMessage(() -> "contract files " + check.unpinned() + " are not pinned in released.sha256.\n" + HOW_TO_PIN)
                .isEmpty();
    }

    @Test
    void anEditToAPinnedFileIsDetected(@TempDir Path dir) throws IOException {
        writeContract(dir, "forum.Thing.v1", "{}");
        ContractPins.pinNew(dir);
        Files.writeString(dir.resolve("forum.Thing.v1/schema.json"), "{\"type\":\"object\"}");

        assertThat(ContractPins.check(dir).edited()).containsExactly("forum.Thing.v1/schema.json");
        assertThat(ContractPins.check(dir).releasedIntact()).isFalse();
    }

    @Test
    void aNewFolderIsUnpinnedUntilPinnedAndPinningAppendsOnlyNewLines(@TempDir Path dir) throws IOException {
        writeContract(dir, "forum.Thing.v1", "{}");
        ContractPins.pinNew(dir);
        String pinsOfV1 = Files.readString(dir.resolve(ContractPins.PIN_FILE));
        writeContract(dir, "forum.Thing.v2", "{\"v\":2}");

        assertThat(ContractPins.check(dir).unpinned())
                .containsExactly("forum.Thing.v2/schema.json", "forum.Thing.v2/example.json");

        assertThat(ContractPins.pinNew(dir)).hasSize(2);
        assertThat(Files.readString(dir.resolve(ContractPins.PIN_FILE))).startsWith(pinsOfV1);
        assertThat(ContractPins.check(dir).clean()).isTrue();
    }

    @Test
    void aDeletedOrHalfWrittenContractIsDetected(@TempDir Path dir) throws IOException {
        writeContract(dir, "forum.Thing.v1", "{}");
        ContractPins.pinNew(dir);
        Files.delete(dir.resolve("forum.Thing.v1/example.json"));
        Files.createDirectories(dir.resolve("forum.Other.v1"));

        ContractPins.Check check = ContractPins.check(dir);
        assertThat(check.deleted()).containsExactly("forum.Thing.v1/example.json");
        assertThat(check.unpinned()).contains("forum.Other.v1/schema.json");
    }

    @Test
    void thePinFileIsCompatibleWithSha256sum(@TempDir Path dir) throws IOException {
        writeContract(dir, "forum.Thing.v1", "abc");

        ContractPins.pinNew(dir);

        // sha256("abc"), as `printf abc | sha256sum` prints it
        assertThat(Files.readAllLines(dir.resolve(ContractPins.PIN_FILE))).contains(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  forum.Thing.v1/schema.json");
    }

    private static void writeContract(Path dir, String type, String content) throws IOException {
        Files.createDirectories(dir.resolve(type));
        Files.writeString(dir.resolve(type + "/schema.json"), content);
        Files.writeString(dir.resolve(type + "/example.json"), content);
    }
}
