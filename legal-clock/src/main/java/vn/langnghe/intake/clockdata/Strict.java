package vn.langnghe.intake.clockdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Strict reading helpers: legal data that is not exactly right must stop the service, not be half-read. */
final class Strict {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Strict() {}

    static <T> T read(String json, Class<T> type, String source) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new LegalDataException(source + ": empty document");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new LegalDataException(source + ": not valid legal data: " + e.getOriginalMessage()
                    + " (" + e.getLocation() + ")", e);
        }
    }

    static <T> T required(T value, String field, String where) {
        if (value == null) {
            throw new LegalDataException(where + ": missing field '" + field + "'");
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, String where) {
        required(value, field, where);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new LegalDataException(where + ": unknown " + field + " '" + value + "' (known: " + known + ")");
        }
    }

    static LocalDate date(String value, String field, String where) {
        required(value, field, where);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new LegalDataException(where + ": " + field + " '" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
