package vn.langnghe.personal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Associated data binding a ciphertext to where it belongs. Each part is length-prefixed so that
 * ("ab", "c") and ("a", "bc") differ; the first part names the purpose and format version.
 */
final class Aad {

    private Aad() {}

    static byte[] of(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
