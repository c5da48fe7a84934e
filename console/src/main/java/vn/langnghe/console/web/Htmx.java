package vn.langnghe.console.web;

import jakarta.ws.rs.core.HttpHeaders;

/** htmx request and response headers. */
public final class Htmx {

    public static final String REQUEST = "HX-Request";
    public static final String REDIRECT = "HX-Redirect";
    public static final String TRIGGER = "HX-Trigger";

    private Htmx() {
    }

    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString(REQUEST));
    }
}
