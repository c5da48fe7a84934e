package vn.langnghe.intake.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.contracts.reference.Topic;
import vn.langnghe.contracts.reference.TopicTaxonomy;

/**
 * The services the Open311 facade offers: {@code TIP-<TOPIC>} and {@code PETITION-<TOPIC>} for the common
 * topics of the shared taxonomy. Only the non-sensitive kinds: crime reports, denunciations and complaints
 * have legal procedures (and secrecy rules) that a third-party portal must not front, so no service maps to
 * them and no code naming them is accepted.
 */
final class Open311Services {

    /** The kinds an Open311 client may file; everything else is never listed nor accepted. */
    static final List<SubmissionKind> KINDS = List.of(SubmissionKind.TIP, SubmissionKind.PETITION);

    /** Optional attribute of every service: leave the reporter out even if the portal sent a name. */
    static final String ANONYMOUS = "report_anonymously";

    private static final List<String> TIP_TOPICS = List.of("DRUGS", "THEFT", "PUBLIC_DISORDER", "LOAN_SHARKS",
            "FIREWORKS_WEAPONS", "SOCIAL_EVILS", "TRAFFIC_SAFETY", "OVERLOADED_VEHICLES", "POLLUTION", "OTHER");
    private static final List<String> PETITION_TOPICS = List.of("TRAFFIC_SAFETY", "SCHOOL_GATE_CONGESTION",
            "INTERSECTION_CONFLICTS", "SIDEWALK_ORDER", "POLLUTION", "PATROLS", "GRASSROOTS_STAFFING",
            "LEGAL_EDUCATION", "REPORT_HANDLING", "PRAISE", "OTHER");

    /** One service: the kind and topic a request for it is filed as. */
    record Service(String code, SubmissionKind kind, Topic topic) {

        String name() {
            return (kind == SubmissionKind.TIP ? "Tin báo: " : "Kiến nghị, phản ánh: ") + topic.labelVi()
                    + " / " + (kind == SubmissionKind.TIP ? "Tip: " : "Petition: ") + topic.labelEn();
        }

        String group() {
            return kind == SubmissionKind.TIP ? "Tin báo về an ninh, trật tự / Tips" : "Kiến nghị, phản ánh / Petitions";
        }

        String description() {
            return kind == SubmissionKind.TIP
                    ? "Báo tin về " + topic.labelVi() + " cho công an; có thể ẩn danh. / Tell the police about "
                            + topic.labelEn() + "; anonymous tips are accepted."
                    : "Kiến nghị, phản ánh về " + topic.labelVi() + ". / A petition about " + topic.labelEn() + ".";
        }
    }

    private final Map<String, Service> services = new LinkedHashMap<>();

    Open311Services(TopicTaxonomy topics) {
        for (String code : TIP_TOPICS) {
            topics.find(code).ifPresent(t -> add(SubmissionKind.TIP, t));
        }
        for (String code : PETITION_TOPICS) {
            topics.find(code).ifPresent(t -> add(SubmissionKind.PETITION, t));
        }
    }

    private void add(SubmissionKind kind, Topic topic) {
        String code = kind.name() + "-" + topic.code();
        services.put(code, new Service(code, kind, topic));
    }

    List<Service> all() {
        return List.copyOf(services.values());
    }

    Optional<Service> find(String code) {
        return Optional.ofNullable(code == null ? null : services.get(code));
    }

    /** The GeoReport v2 service list entry. */
    static Map<String, Object> listEntry(Service s) {
        Map<String, Object> e = Open311Document.element();
        e.put("service_code", s.code());
        e.put("service_name", s.name());
        e.put("description", s.description());
        e.put("metadata", true);
        e.put("type", "realtime");
        e.put("keywords", s.kind().name().toLowerCase() + ", " + s.topic().code().toLowerCase().replace('_', ' '));
        e.put("group", s.group());
        return e;
    }

    /** The GeoReport v2 service definition: one optional attribute. */
    static Map<String, Object> definition(Service s) {
        List<Map<String, Object>> values = new ArrayList<>();
        values.add(value("false", "Ghi tên người báo (nếu có) / Keep the reporter's name (if given)"));
        values.add(value("true", "Ẩn danh: không lưu tên, email, điện thoại / Anonymous: store no name, email or phone"));
        Map<String, Object> attribute = Open311Document.element();
        attribute.put("variable", true);
        attribute.put("code", ANONYMOUS);
        attribute.put("datatype", "singlevaluelist");
        attribute.put("required", false);
        attribute.put("datatype_description", "true or false; default false");
        attribute.put("order", 1);
        attribute.put("description", "Gửi ẩn danh? / Report anonymously?");
        attribute.put("values", new Open311Document.Items("value", values));
        Map<String, Object> definition = Open311Document.element();
        definition.put("service_code", s.code());
        definition.put("attributes", new Open311Document.Items("attribute", List.of(attribute)));
        return definition;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> v = Open311Document.element();
        v.put("key", key);
        v.put("name", name);
        return v;
    }
}
