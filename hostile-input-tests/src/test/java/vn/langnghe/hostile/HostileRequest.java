package vn.langnghe.hostile;

import java.util.Map;

/**
 * A request as sent: what the case did ({@code description}), the body field or parameter it aimed at (the name
 * a validation problem should give back), and whether the operation must refuse it whatever else happens.
 * {@code hostileCase} is null for an operation's valid form sent as it is.
 */
record HostileRequest(ApiOperation operation, HostileCase hostileCase, String method, String pathAndQuery,
        Map<String, String> headers, byte[] body, String description, String targetField, Refusal refusal) {

    /** What the answer must be besides the rules every answer follows. */
    enum Refusal {
        /** Nothing more. */
        NONE,
        /** 401: no valid token. */
        UNAUTHENTICATED,
        /** Anything but 2xx: another unit's or partner's resource, a role not admitted, a replayed key. */
        NOT_SUCCESSFUL
    }

    String bodyPreview() {
        if (body == null) {
            return "(no body)";
        }
        String text = new String(body, 0, Math.min(body.length, 600), java.nio.charset.StandardCharsets.UTF_8);
        return Printable.of(text, 600) + (body.length > 600 ? " (" + body.length + " bytes)" : "");
    }

    @Override
    public String toString() {
        return method + " " + Printable.of(pathAndQuery, 300) + "\n  case: " + description + "\n  headers: "
                + headers.keySet() + "\n  body: " + bodyPreview();
    }
}
