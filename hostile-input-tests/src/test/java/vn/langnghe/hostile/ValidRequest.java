package vn.langnghe.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.langnghe.testsupport.tokens.TokenSpec;

/**
 * An operation called the way its documentation allows, by its usual caller: the starting point each hostile
 * case changes one thing of. The body is a JSON object for every supported media type (a JSON body, one line of
 * a JSON-lines import, or the fields of a form); {@code foreignPathValues} are ids of the same kind that belong
 * to another unit or partner.
 */
record ValidRequest(ApiOperation operation, Map<String, String> pathValues, Map<String, String> foreignPathValues,
        Map<String, String> query, Map<String, String> headers, ObjectNode body, TokenSpec caller,
        String replayableKeyField, String replayedKey) {

    ValidRequest {
        pathValues = new LinkedHashMap<>(pathValues);
        foreignPathValues = new LinkedHashMap<>(foreignPathValues);
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }
}
