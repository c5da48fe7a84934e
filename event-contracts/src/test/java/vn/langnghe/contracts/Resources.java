package vn.langnghe.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

/** Test helpers: contract files from the class path, as fresh mutable trees. */
public final class Resources {

    private Resources() {
    }

    public static ObjectNode json(String resource) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return (ObjectNode) ContractJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode example(Contract contract) {
        return json(contract.exampleResource());
    }

    public static ObjectNode schema(Contract contract) {
        return json(contract.schemaResource());
    }

    /** For {@code @MethodSource}: every released contract. */
    public static Stream<Contract> contracts() {
        return ContractRegistry.standard().all().stream();
    }
}
