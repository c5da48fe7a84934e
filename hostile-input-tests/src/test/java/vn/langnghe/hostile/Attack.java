package vn.langnghe.hostile;

/** What a hostile case does to the valid request of an operation. */
enum Attack {
    /** A body field (or a query parameter) holds a value of another JSON type. */
    WRONG_TYPE,
    /** A required body field is left out (without a body: a path id is empty). */
    MISSING_REQUIRED,
    /** A string longer than its maxLength (or 100,000 characters), an array longer than its maxItems. */
    OVERSIZED,
    /** A field the schema does not know. */
    UNKNOWN_FIELD,
    /** A field (or the whole body) nested 10,000 arrays deep. */
    DEEP_JSON,
    /** A body beyond the 10 MiB body limit. */
    HUGE_BODY,
    /** Bytes that are not UTF-8 inside a string. */
    INVALID_UTF8,
    /** Vietnamese in decomposed form (NFD): valid, must be stored normalised or refused, never break anything. */
    UNNORMALISED_UNICODE,
    /** NUL, escape sequences, bidi overrides, line breaks in a string. */
    CONTROL_CHARACTERS,
    /** SQL, HTML and script payloads in a body string. */
    INJECTION_IN_BODY,
    /** The same payloads as a path id. */
    INJECTION_IN_PATH,
    /** The same payloads in a query parameter. */
    INJECTION_IN_QUERY,
    /** A body that is not JSON, or JSON under another content type. */
    NOT_JSON,
    NO_TOKEN,
    FORGED_TOKEN,
    EXPIRED_TOKEN,
    WRONG_ISSUER_TOKEN,
    UNSIGNED_TOKEN,
    GARBAGE_TOKEN,
    /** A correctly signed token of a role the operation does not admit. */
    OTHER_ROLE_TOKEN,
    /** The caller's role in another unit, or another partner portal. */
    OTHER_UNIT_TOKEN,
    /** Path ids (or the unit asked about) of another unit or partner. */
    FOREIGN_IDS,
    /** A client-generated id or idempotency key already used, sent with another body. */
    REPLAYED_KEY;

    /**
     * Attacks whose bytes must reach the service exactly as generated: sent past the contract-checking proxy,
     * which would parse and re-encode (or refuse) them itself.
     */
    boolean isByteExact() {
        return this == INVALID_UTF8 || this == DEEP_JSON || this == HUGE_BODY || this == NOT_JSON;
    }

    boolean isTokenAttack() {
        return this == NO_TOKEN || this == FORGED_TOKEN || this == EXPIRED_TOKEN || this == WRONG_ISSUER_TOKEN
                || this == UNSIGNED_TOKEN || this == GARBAGE_TOKEN;
    }
}
