package vn.langnghe.contracts.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import vn.langnghe.contracts.events.OpinionEscalated;

/**
 * Test-only example of a real upcaster: a made-up, never released {@code forum.OpinionEscalated.v0}
 * with other field names and a local-offset timestamp. A real one would live in main and be added
 * to {@link Upcasters#standard()}.
 */
final class OpinionEscalatedV0ToV1 implements Upcaster {

    static final String V0 = "forum.OpinionEscalated.v0";

    @Override
    public String fromType() {
        return V0;
    }

    @Override
    public String toType() {
        return OpinionEscalated.TYPE;
    }

    @Override
    public JsonNode upcast(JsonNode data) {
        ObjectNode v0 = (ObjectNode) data;
        ObjectNode v1 = v0.objectNode();
        v1.set("opinionId", v0.get("opinion"));
        v1.set("forumId", v0.get("forum"));
        v1.set("kindRequested", v0.get("kind"));
        v1.set("topic", v0.get("topicCode"));
        v1.putArray("tags");
        v1.set("unitId", v0.get("unit"));
        v1.putNull("speakerIdentityRef"); // v0 never recorded the speaker
        v1.set("publicSummary", v0.get("summary"));
        // v0 wrote local time with an offset; v1 wants an instant in UTC
        v1.put("effectiveAt", OffsetDateTime.parse(v0.get("escalatedAt").asText()).toInstant().toString());
        return v1;
    }
}
