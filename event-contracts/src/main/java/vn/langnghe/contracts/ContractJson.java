package vn.langnghe.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration for contract JSON, so every service writes and reads alike. */
public final class ContractJson {

    private static final ObjectMapper SHARED = mapper();

    private ContractJson() {
    }

    /**
     * A new mapper for contract JSON: ISO-8601 strings for dates and instants (never timestamps), and
     * unknown properties ignored on read, so a producer adding a field is a compatible change.
     * A fresh instance each call, because callers may configure their copy.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** The module's own shared instance; never handed out, so nobody can reconfigure it. */
    static ObjectMapper shared() {
        return SHARED;
    }
}
