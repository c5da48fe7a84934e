package vn.langnghe.servicekit.reference;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.langnghe.contracts.reference.Topic;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.servicekit.problem.InvalidInput;

/** Read-only reference data every user needs: the topic taxonomy and the unit tree as of a date. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Reference data / Dữ liệu tham chiếu")
public class ReferenceResource {

    /** Dates are legal dates in Vietnam. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public record TopicsView(String version, List<Topic> topics) {}

    public record UnitView(String code, String nameVi, String nameEn, String level, String parentCode,
            boolean remoteArea) {}

    public record UnitsView(String version, LocalDate asOf, List<UnitView> units) {}

    private final TopicTaxonomy topics;
    private final UnitTree units;
    private final Clock clock;

    ReferenceResource(TopicTaxonomy topics, UnitTree units, Clock clock) {
        this.topics = topics;
        this.units = units;
        this.clock = clock;
    }

    @GET
    @Path("/topics")
    @Operation(summary = "Topic taxonomy (one list for intake and forums)")
    public TopicsView topics() {
        return new TopicsView(topics.version(), topics.all());
    }

    @GET
    @Path("/units")
    @Operation(summary = "Units that exist on a date, each with its parent on that date")
    public UnitsView units(
            @Parameter(description = "ISO date (yyyy-MM-dd) in Asia/Ho_Chi_Minh; default today")
                    @QueryParam("asOf") String asOf) {
        LocalDate day = parseDay(asOf);
        List<UnitView> view = units.all().stream()
                .filter(unit -> unit.existsOn(day))
                .map(unit -> new UnitView(unit.code(), unit.nameVi(), unit.nameEn(), unit.level().name(),
                        unit.parentOn(day).orElse(null), unit.remoteArea()))
                .toList();
        return new UnitsView(units.version(), day, view);
    }

    private LocalDate parseDay(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return LocalDate.now(clock.withZone(VIETNAM));
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("asOf", "must be an ISO date such as 2019-06-30");
        }
    }
}
