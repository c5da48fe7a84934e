package vn.langnghe.eventsourcing.decider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Codec for event records with explicit, stable type names (never class names, so a rename cannot
 * orphan history). Old type names are read through upcasters that rewrite their JSON into a newer
 * type's shape.
 */
public final class JacksonEventCodec<E> implements EventCodec<E> {

    private record Upcast(String toType, UnaryOperator<JsonNode> rewrite) {}

    private final ObjectMapper mapper;
    private final Map<Class<?>, String> typeByClass;
    private final Map<String, Class<? extends E>> classByType;
    private final Map<String, Upcast> upcasts;

    private JacksonEventCodec(Builder<E> builder) {
        this.mapper = builder.mapper;
        this.typeByClass = Map.copyOf(builder.typeByClass);
        this.classByType = Map.copyOf(builder.classByType);
        this.upcasts = Map.copyOf(builder.upcasts);
    }

    public static <E> Builder<E> builder() {
        return new Builder<>();
    }

    /** The mapper used for event JSON: ISO-8601 dates, unknown fields ignored on read. */
    public static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public String typeOf(E event) {
        String type = typeByClass.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no type name registered for " + event.getClass().getName());
        }
        return type;
    }

    @Override
    public String encode(E event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + typeOf(event), e);
        }
    }

    @Override
    public E decode(String type, String json) {
        try {
            String currentType = type;
            JsonNode node = mapper.readTree(json);
            // Follow the upcast chain to the newest version this codec knows.
            for (int hops = 0; upcasts.containsKey(currentType); hops++) {
                if (hops > 32) {
                    throw new IllegalStateException("upcast cycle from " + type);
                }
                Upcast upcast = upcasts.get(currentType);
                node = upcast.rewrite().apply(node);
                currentType = upcast.toType();
            }
            Class<? extends E> target = classByType.get(currentType);
            if (target == null) {
                throw new UnknownEventType(type);
            }
            return mapper.treeToValue(node, target);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot decode " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    public static final class Builder<E> {
        private ObjectMapper mapper = defaultMapper();
        private final Map<Class<?>, String> typeByClass = new HashMap<>();
        private final Map<String, Class<? extends E>> classByType = new HashMap<>();
        private final Map<String, Upcast> upcasts = new HashMap<>();

        public Builder<E> mapper(ObjectMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        public Builder<E> register(String type, Class<? extends E> eventClass) {
            if (classByType.putIfAbsent(type, eventClass) != null) {
                throw new IllegalArgumentException("type name registered twice: " + type);
            }
            if (typeByClass.putIfAbsent(eventClass, type) != null) {
                throw new IllegalArgumentException("class registered twice: " + eventClass.getName());
            }
            return this;
        }

        /** Reads events stored as {@code fromType} by rewriting their JSON into {@code toType}. */
        public Builder<E> upcast(String fromType, String toType, UnaryOperator<JsonNode> rewrite) {
            upcasts.put(fromType, new Upcast(toType, rewrite));
            return this;
        }

        public JacksonEventCodec<E> build() {
            return new JacksonEventCodec<>(this);
        }
    }
}
