package vn.langnghe.contracts.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chain of upcasters: follows {@code v1 -> v2 -> v3} until no upcaster starts at the current type
 * name, so a consumer always reads the newest version. At most one upcaster per source type, no cycles.
 */
public final class Upcasters {

    /** The released chain. Empty: no contract has a second version yet. Add new upcasters here. */
    private static final Upcasters STANDARD = of(List.of());

    private final Map<String, Upcaster> byFromType = new LinkedHashMap<>();

    private Upcasters(List<Upcaster> upcasters) {
        for (Upcaster u : upcasters) {
            if (u.fromType().equals(u.toType())) {
                throw new IllegalArgumentException("upcaster " + u + " does not change the type name");
            }
            Upcaster clash = byFromType.putIfAbsent(u.fromType(), u);
            if (clash != null) {
                throw new IllegalArgumentException("two upcasters start at " + u.fromType() + ": " + clash + ", " + u);
            }
        }
        byFromType.keySet().forEach(this::requireNoCycleFrom);
    }

    public static Upcasters of(List<Upcaster> upcasters) {
        return new Upcasters(upcasters);
    }

    public static Upcasters of(Upcaster... upcasters) {
        return new Upcasters(List.of(upcasters));
    }

    /** The upcasters of the released contracts. */
    public static Upcasters standard() {
        return STANDARD;
    }

    /** The newest type name and data for {@code data} written as {@code typeName}; input is not modified. */
    public TypedJson upcast(String typeName, JsonNode data) {
        String type = typeName;
        JsonNode current = data.deepCopy();
        for (Upcaster u = byFromType.get(type); u != null; u = byFromType.get(type)) {
            current = u.upcast(current);
            type = u.toType();
        }
        return new TypedJson(type, current);
    }

    public TypedJson upcast(TypedJson json) {
        return upcast(json.typeName(), json.data());
    }

    /** True when some upcaster reads this type name, i.e. it is not the newest version. */
    public boolean isSuperseded(String typeName) {
        return byFromType.containsKey(typeName);
    }

    private void requireNoCycleFrom(String start) {
        Set<String> seen = new HashSet<>();
        for (String type = start; type != null; type = next(type)) {
            if (!seen.add(type)) {
                throw new IllegalArgumentException("upcasters form a cycle through " + type);
            }
        }
    }

    private String next(String type) {
        Upcaster u = byFromType.get(type);
        return u == null ? null : u.toType();
    }
}
