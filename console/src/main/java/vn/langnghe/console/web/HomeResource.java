package vn.langnghe.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import vn.langnghe.console.ConsoleConfig;
import vn.langnghe.console.session.Cookies;
import vn.langnghe.console.session.CurrentUser;
import vn.langnghe.console.session.Person;

/** The start page (each role's way in) and the language switch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    private final CurrentUser user;
    private final ConsoleConfig config;

    HomeResource(CurrentUser user, ConsoleConfig config) {
        this.user = user;
        this.config = config;
    }

    @GET
    public Response home() {
        Person person = user.required().person();
        int roles = (person.has(Person.ORGANISER) ? 1 : 0) + (person.has(Person.OFFICER) ? 1 : 0)
                + (person.has(Person.ANALYST) ? 1 : 0);
        if (roles == 1 && !person.has(Person.ADMIN)) {
            String to = person.has(Person.ORGANISER) ? "/forums" : person.has(Person.OFFICER) ? "/inbox" : "/dashboard";
            return Response.seeOther(URI.create(to)).build();
        }
        return Response.ok(Templates.home().setLocale(user.locale())).build();
    }

    @GET
    @Path("language/{lang}")
    public Response language(@PathParam("lang") String lang, @QueryParam("back") String back) {
        String chosen = "en".equals(lang) ? "en" : "vi";
        return Response.seeOther(URI.create(TemplateExtensions.localPath(back)))
                .cookie(Cookies.language(chosen, config.session().secureCookie())).build();
    }
}
