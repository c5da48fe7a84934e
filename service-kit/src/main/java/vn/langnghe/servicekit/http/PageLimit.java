package vn.langnghe.servicekit.http;

import vn.langnghe.servicekit.problem.InvalidInput;

/**
 * The {@code limit} query parameter of a list, taken as text: a JAX-RS {@code Integer} query parameter that is no
 * number is answered 404, as if the list did not exist, where the caller needs a 400 that names {@code limit}
 * (found by the hostile-input properties). Declare it
 * {@code @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam(PageLimit.NAME) String limit} so the
 * published document still says it is a number.
 */
public final class PageLimit {

    public static final String NAME = "limit";

    private PageLimit() {}

    /** The number asked for, {@code absent} when there is none; a 400 naming {@code limit} outside 1..max. */
    public static int of(String value, int absent, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(NAME, "must be a whole number between 1 and " + max);
        }
        if (limit < 1 || limit > max) {
            throw new InvalidInput(NAME, "must be between 1 and " + max);
        }
        return limit;
    }
}
