package vn.langnghe.intake.open311;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A GeoReport v2 answer, rendered as JSON or XML from one description: a list of elements (an object each)
 * whose XML root and item names the spec fixes ({@code services}/{@code service},
 * {@code service_requests}/{@code request}, {@code errors}/{@code error}). Nested lists carry their own
 * item name ({@code attributes}/{@code attribute}, {@code values}/{@code value}).
 */
final class Open311Document {

    static final MediaType JSON = MediaType.valueOf("application/json;charset=utf-8");
    static final MediaType XML = MediaType.valueOf("text/xml;charset=utf-8");
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    /** A list that renders as a JSON array, or as an XML element holding one {@code item} per entry. */
    record Items(String item, List<?> entries) {
        @JsonValue
        List<?> json() {
            return entries;
        }
    }

    /** json or xml: the extension of the path. */
    enum Format {
        JSON, XML;

        static Format of(String extension) {
            return "xml".equalsIgnoreCase(extension) ? XML : JSON;
        }

        static Format ofPath(String path) {
            return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? XML : JSON;
        }

        MediaType mediaType() {
            return this == XML ? Open311Document.XML : Open311Document.JSON;
        }
    }

    private Open311Document() {}

    /** An ordered element: field names as the spec spells them. */
    static Map<String, Object> element() {
        return new LinkedHashMap<>();
    }

    static Response response(int status, Format format, String root, String item, List<Map<String, Object>> elements,
            ObjectMapper json) {
        return Response.status(status).type(format.mediaType())
                .entity(render(format, root, item, elements, json)).build();
    }

    static String render(Format format, String root, String item, List<Map<String, Object>> elements,
            ObjectMapper json) {
        if (format == Format.JSON) {
            try {
                return json.writeValueAsString(elements);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return xml(root, new Items(item, elements));
    }

    /** A single object (a service definition): JSON object, or XML with {@code root} as the element. */
    static String renderObject(Format format, String root, Map<String, Object> element, ObjectMapper json) {
        if (format == Format.JSON) {
            try {
                return json.writeValueAsString(element);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            write(xml, root, element);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String xml(String root, Items items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("utf-8", "1.0");
            write(xml, root, items);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Items items) {
            for (Object entry : items.entries()) {
                write(xml, items.item(), entry);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> field : ((Map<String, Object>) map).entrySet()) {
                write(xml, field.getKey(), field.getValue());
            }
        } else {
            xml.writeCharacters(value.toString());
        }
        xml.writeEndElement();
    }
}
