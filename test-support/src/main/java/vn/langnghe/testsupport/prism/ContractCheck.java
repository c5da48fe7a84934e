package vn.langnghe.testsupport.prism;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rest-assured filter for requests sent through a {@link PrismProxy}: fails the test (an {@link AssertionError}
 * naming every violation) when Prism's {@code sl-violations} header says the response, or the request, disagrees
 * with the published OpenAPI document.
 *
 * <p>Tests of bad input send invalid requests on purpose: mark them with {@link #invalidRequestOnPurpose()} and
 * only the request's violations are forgiven; the answer (a problem+json 400, say) must still be documented.
 *
 * <pre>{@code
 * RestAssured.filters(new ContractCheck());                                  // every request of the test class
 * given().filter(ContractCheck.invalidRequestOnPurpose()).body("{}").post("/api/v1/forums")
 *         .then().statusCode(400);                                           // request may break the contract
 * }</pre>
 */
public final class ContractCheck implements Filter {

    /** The header Prism lists its findings in. */
    public static final String VIOLATIONS_HEADER = "sl-violations";

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        boolean invalidOnPurpose = request.getDefinedFilters().stream().anyMatch(InvalidOnPurpose.class::isInstance);
        List<Violation> disagreements = failures(Violation.parseHeader(response.getHeader(VIOLATIONS_HEADER)),
                invalidOnPurpose);
        if (!disagreements.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered "
                    + response.getStatusCode() + ", which disagrees with the OpenAPI document"
                    + (invalidOnPurpose ? " (request marked invalid on purpose: only the response counts)" : "")
                    + ":\n  " + disagreements.stream().map(Violation::toString).collect(Collectors.joining("\n  "))
                    + "\nresponse body: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** The violations that fail a test: all disagreements, less the request's when it is invalid on purpose. */
    static List<Violation> failures(List<Violation> violations, boolean requestInvalidOnPurpose) {
        return violations.stream()
                .filter(Violation::isDisagreement)
                .filter(v -> !(requestInvalidOnPurpose && v.aboutRequest()))
                .toList();
    }

    /**
     * Marks one request as breaking the contract on purpose (a test of bad input): its request violations are
     * forgiven, its response's are not. Add it with {@code given().filter(ContractCheck.invalidRequestOnPurpose())}.
     */
    public static Filter invalidRequestOnPurpose() {
        return new InvalidOnPurpose();
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }

    /** A marker only: passes the request on unchanged. */
    private static final class InvalidOnPurpose implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                FilterContext ctx) {
            return ctx.next(request, responseSpec);
        }
    }
}
