package vn.langnghe.testsupport.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The token minter shared by everything in one JVM: the Quarkus test resource configures the app with its public
 * key, the tests mint with it. Test resources and tests may run in different class loaders (each with its own
 * statics), so the key pair is handed over through a temp dir named by the system property {@value #DIR_PROPERTY}.
 */
public final class Tokens {

    public static final String DIR_PROPERTY = "langnghe.tokens.dir";

    // A string literal is interned: one monitor for the JVM, whatever class loader runs this.
    private static final String LOCK = "vn.langnghe.testsupport.tokens.Tokens#shared";
    private static TokenMinter shared;

    private Tokens() {
    }

    public static TokenMinter shared() {
        synchronized (LOCK) {
            if (shared == null) {
                String dir = System.getProperty(DIR_PROPERTY);
                if (dir != null) {
                    shared = TokenMinter.fromPrivateKeyPem(Path.of(dir, TokenMinter.PRIVATE_KEY_FILE),
                            TokenMinter.DEFAULT_ISSUER);
                } else {
                    shared = TokenMinter.generate(TokenMinter.DEFAULT_ISSUER);
                    Path created = saveTemporarily(shared);
                    System.setProperty(DIR_PROPERTY, created.toString());
                }
            }
            return shared;
        }
    }

    private static Path saveTemporarily(TokenMinter minter) {
        try {
            Path dir = Files.createTempDirectory("langnghe-tokens-");
            minter.save(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(dir.resolve(TokenMinter.PRIVATE_KEY_FILE));
                    Files.deleteIfExists(dir.resolve(TokenMinter.PUBLIC_KEY_FILE));
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // best effort at exit
                }
            }, "langnghe-tokens-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the shared token key pair", e);
        }
    }
}
