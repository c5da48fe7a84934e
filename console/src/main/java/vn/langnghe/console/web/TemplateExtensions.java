package vn.langnghe.console.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for templates. */
@TemplateExtension
public final class TemplateExtensions {

    private TemplateExtensions() {
    }

    /** URL-encodes a query parameter value. */
    public static String enc(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path the console may redirect to after sign-in or a language switch: only its own, never another site. */
    public static String localPath(String value) {
        if (value == null || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")
                || value.length() > 500 || value.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return value;
    }
}
