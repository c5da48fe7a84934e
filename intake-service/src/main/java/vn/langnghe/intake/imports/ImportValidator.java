package vn.langnghe.intake.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import vn.langnghe.contracts.events.Channel;
import vn.langnghe.contracts.reference.TopicTaxonomy;
import vn.langnghe.contracts.reference.UnitTree;
import vn.langnghe.intake.application.CaseTextKind;
import vn.langnghe.intake.application.NewSubmission;
import vn.langnghe.intake.application.SubmissionService.PaperCase;
import vn.langnghe.intake.application.SubmissionService.PaperStep;
import vn.langnghe.intake.domain.clock.DateOutsideCalendarException;
import vn.langnghe.intake.domain.submission.Submission;
import vn.langnghe.intake.domain.submission.SubmissionClocks;
import vn.langnghe.intake.domain.submission.SubmissionCommand;
import vn.langnghe.intake.domain.submission.SubmissionDecider;
import vn.langnghe.intake.domain.submission.SubmissionEvent;
import vn.langnghe.intake.domain.submission.SubmissionRefused;
import vn.langnghe.personal.PersonalIdentity;
import vn.langnghe.servicekit.problem.InvalidInput;
import vn.langnghe.servicekit.text.Text;

/**
 * Reads and checks every line of an import file without writing anything: the JSON shape, bounds, the
 * officer's subtree, then the domain rules by deciding the line's commands against a dry run of the same
 * decider live commands meet (so a date in the future, a step before the previous one, accepting a tip or
 * an unknown topic fail here, with the field named). Messages never echo a value from the line.
 */
final class ImportValidator {

    /** A line that passed: what to write, and what identifies it for re-runs. */
    record Valid(int line, String externalRef, String unitId, String lineHash, PaperCase paper, int commands) {}

    /** The outcome of reading a whole file. */
    record Result(List<Valid> valid, List<ImportReport.Entry> invalid, int linesTotal) {}

    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,40}");

    private final ObjectReader reader;
    private final ObjectMapper canonical;
    private final TopicTaxonomy topics;
    private final UnitTree units;
    private final SubmissionClocks clocks;
    private final LocalDate today;
    private final String officerUnit;
    private final java.util.function.Function<String, String> fingerprint;

    ImportValidator(ObjectMapper json, TopicTaxonomy topics, UnitTree units, SubmissionClocks clocks, LocalDate today,
            String officerUnit, java.util.function.Function<String, String> fingerprint) {
        this.reader = json.readerFor(ImportLine.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.canonical = json;
        this.topics = topics;
        this.units = units;
        this.clocks = clocks;
        this.today = today;
        this.officerUnit = officerUnit;
        this.fingerprint = fingerprint;
    }

    /** Splits the file into lines (blank ones skipped, numbers kept as in the file) and checks each. */
    static List<int[]> lineBounds(byte[] file) {
        List<int[]> bounds = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                int end = i;
                if (end > start && file[end - 1] == '\r') {
                    end--;
                }
                boolean blank = true;
                for (int j = start; j < end && blank; j++) {
                    blank = file[j] == ' ' || file[j] == '\t';
                }
                if (!blank) {
                    bounds.add(new int[] {number, start, end});
                }
                start = i + 1;
                number++;
            }
        }
        return bounds;
    }

    Result validate(byte[] file, List<int[]> lines, IntConsumer validated) {
        List<Valid> valid = new ArrayList<>();
        List<ImportReport.Entry> invalid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int count = 0;
        for (int[] bounds : lines) {
            int number = bounds[0];
            List<ImportReport.Entry> errors = new ArrayList<>();
            String text;
            try {
                text = decoder.decode(ByteBuffer.wrap(file, bounds[1], bounds[2] - bounds[1])).toString();
            } catch (CharacterCodingException e) {
                text = null;
                errors.add(ImportReport.invalid(number, null, "", "not valid UTF-8"));
            }
            if (text != null) {
                Valid line = check(number, text, errors);
                if (line != null) {
                    String key = line.unitId() + "\u0000" + line.externalRef();
                    Integer first = seen.putIfAbsent(key, number);
                    if (first != null) {
                        errors.add(ImportReport.invalid(number, line.externalRef(), "externalRef",
                                "appears twice for this unit in the file (first at line " + first + ")"));
                    } else {
                        valid.add(line);
                    }
                }
            }
            invalid.addAll(errors);
            validated.accept(++count);
        }
        return new Result(valid, invalid, lines.size());
    }

    /** One line: null (with errors added) when it fails. */
    private Valid check(int number, String text, List<ImportReport.Entry> errors) {
        ImportLine line;
        try {
            line = reader.readValue(text);
        } catch (JsonProcessingException e) {
            errors.add(ImportReport.invalid(number, null, fieldOf(e), messageOf(e)));
            return null;
        } catch (java.io.IOException e) {
            errors.add(ImportReport.invalid(number, null, "", "unreadable line"));
            return null;
        }
        if (line == null) {
            errors.add(ImportReport.invalid(number, null, "", "a line is one JSON object"));
            return null;
        }
        String ref = null;
        try {
            ref = required("externalRef", line.externalRef(), 100);
        } catch (InvalidInput e) {
            errors.add(ImportReport.invalid(number, null, e.field(), e.getMessage()));
        }
        Built built = new Built();
        try {
            build(line, built);
        } catch (InvalidInput e) {
            errors.add(ImportReport.invalid(number, ref, e.field(), e.getMessage()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        // the domain rules, on a dry run of the same decider
        SubmissionDecider decider = new SubmissionDecider(today, topics, units, clocks.extensionPolicy());
        Submission state = decider.initialState();
        for (Planned step : built.steps) {
            try {
                List<SubmissionEvent> events = decider.decide(step.command(), state);
                state = decider.fold(state, events);
                clocks.dueDates(state); // a date outside the working-day calendar fails here, not while writing
                clocks.nextDue(state);
            } catch (SubmissionRefused refused) {
                errors.add(ImportReport.invalid(number, ref, step.fieldOf(refused.field()), refused.getMessage()));
                return null;
            } catch (DateOutsideCalendarException e) {
                errors.add(ImportReport.invalid(number, ref, step.dateField(),
                        "outside the working-day calendar the legal clocks know"));
                return null;
            } catch (RuntimeException e) {
                errors.add(ImportReport.invalid(number, ref, step.dateField(), "refused: "
                        + e.getClass().getSimpleName()));
                return null;
            }
        }
        String hash;
        try {
            hash = fingerprint.apply("import/v1 " + canonical.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<PaperStep> steps = built.steps.subList(1, built.steps.size()).stream()
                .map(p -> new PaperStep(p.command(), p.textKind(), p.text())).toList();
        return new Valid(number, ref, built.received.unitId(), hash,
                new PaperCase(built.id, built.received, steps), built.steps.size());
    }

    // ------------------------------------------------------------------ building the commands

    /** A command with where its fields live in the line. */
    private record Planned(SubmissionCommand command, String prefix, String dateField, CaseTextKind textKind,
            String text, int rank) {

        /** The decider's field (or none, for a state conflict) as a path in the line. */
        String fieldOf(String deciderField) {
            if (deciderField == null) {
                return prefix;
            }
            if ("effectiveOn".equals(deciderField)) {
                return dateField;
            }
            if (command instanceof SubmissionCommand.Receive) {
                return "originatingOpinionId".equals(deciderField) ? "channel" : deciderField;
            }
            return prefix + "." + deciderField;
        }

        LocalDate on() {
            return command.effectiveOn();
        }
    }

    private static final class Built {
        final UUID id = UUID.randomUUID();
        NewSubmission received;
        final List<Planned> steps = new ArrayList<>();
    }

    private void build(ImportLine l, Built b) {
        if (l.kind() == null) {
            throw new InvalidInput("kind", "required");
        }
        if (l.channel() == null) {
            throw new InvalidInput("channel", "required: how it reached the unit");
        }
        if (l.channel() == Channel.FORUM) {
            throw new InvalidInput("channel", "forum cases come from forum escalations, not imports");
        }
        String unit = required("unitId", l.unitId(), 64);
        if (l.receivedOn() == null) {
            throw new InvalidInput("receivedOn", "required: the date of receipt on the register");
        }
        requireSubtree("unitId", unit, l.receivedOn());
        PersonalIdentity reporter = null;
        if (l.reporter() != null) {
            ImportLine.Reporter r = l.reporter();
            reporter = new PersonalIdentity(optional("reporter.fullName", r.fullName(), 200),
                    optional("reporter.phone", r.phone(), 32), optional("reporter.idNumber", r.idNumber(), 32),
                    optional("reporter.address", r.address(), 500), optional("reporter.email", r.email(), 254));
            if (reporter.fullName() == null && reporter.phone() == null && reporter.idNumber() == null
                    && reporter.email() == null) {
                throw new InvalidInput("reporter", "name at least one of fullName, phone, idNumber, email,"
                        + " or leave reporter out for an anonymous case");
            }
        }
        b.received = new NewSubmission(l.kind(), l.channel(), unit, l.receivedOn(), optional("topic", l.topic(), 40),
                optional("description", l.description(), 20_000), reporter, null);
        List<Planned> main = new ArrayList<>();
        main.add(new Planned(new SubmissionCommand.Receive(b.id, "IMPORT-DRY-RUN", l.kind(), l.channel(), unit,
                reporter == null ? null : "dry-run", null, null, b.received.topic(), l.receivedOn()), "", "receivedOn",
                null, null, 0));
        if (l.classified() != null) {
            ImportLine.Classified c = l.classified();
            String classifiedUnit = c.unitId() == null ? unit : required("classified.unitId", c.unitId(), 64);
            requireSubtree("classified.unitId", classifiedUnit, c.on() != null ? c.on() : l.receivedOn());
            List<String> tags = new ArrayList<>();
            if (c.tags() != null) {
                if (c.tags().size() > 10) {
                    throw new InvalidInput("classified.tags", "at most 10");
                }
                for (int i = 0; i < c.tags().size(); i++) {
                    tags.add(required("classified.tags[" + i + "]", c.tags().get(i), 40));
                }
            }
            main.add(new Planned(new SubmissionCommand.Classify(c.kind(), optional("classified.topic", c.topic(), 40),
                    List.copyOf(tags), classifiedUnit, optional("classified.publicSummary", c.publicSummary(), 2000),
                    c.on()), "classified", "classified.on", null, null, 1));
        }
        if (l.accepted() != null) {
            main.add(new Planned(new SubmissionCommand.Accept(Boolean.TRUE.equals(l.accepted().complex()),
                    l.accepted().on()), "accepted", "accepted.on", null, null, 2));
        }
        if (l.verificationStartedOn() != null) {
            main.add(new Planned(new SubmissionCommand.StartVerification(l.verificationStartedOn()),
                    "verificationStartedOn", "verificationStartedOn", null, null, 4));
        }
        if (l.concluded() != null) {
            ImportLine.Concluded c = l.concluded();
            main.add(new Planned(new SubmissionCommand.Conclude(c.conclusion(), c.on()), "concluded", "concluded.on",
                    CaseTextKind.FINDINGS, optional("concluded.findings", c.findings(), 20_000), 5));
        }
        int exits = (l.answered() != null ? 1 : 0) + (l.transferred() != null ? 1 : 0)
                + (l.notAccepted() != null ? 1 : 0) + (l.withdrawnOn() != null ? 1 : 0);
        if (exits > 1) {
            throw new InvalidInput(l.answered() != null ? "answered" : l.transferred() != null ? "transferred"
                    : "notAccepted", "a case ends once: at most one of answered, transferred, notAccepted,"
                    + " withdrawnOn");
        }
        if (l.answered() != null) {
            ImportLine.Answered a = l.answered();
            main.add(new Planned(new SubmissionCommand.Answer(optional("answered.answerSummary", a.answerSummary(), 2000),
                    a.on()), "answered", "answered.on", CaseTextKind.ANSWER_LETTER,
                    optional("answered.letter", a.letter(), 20_000), 6));
        }
        if (l.transferred() != null) {
            ImportLine.Transferred t = l.transferred();
            main.add(new Planned(new SubmissionCommand.Transfer(optional("transferred.toAgency", t.toAgency(), 300),
                    optional("transferred.reason", t.reason(), 500), t.on()), "transferred", "transferred.on", null,
                    null, 6));
        }
        if (l.notAccepted() != null) {
            ImportLine.NotAccepted n = l.notAccepted();
            main.add(new Planned(new SubmissionCommand.RefuseAcceptance(n.legalReason(),
                    optional("notAccepted.note", n.note(), 500), n.on()), "notAccepted", "notAccepted.on", null, null,
                    6));
        }
        if (l.withdrawnOn() != null) {
            main.add(new Planned(new SubmissionCommand.Withdraw(l.withdrawnOn()), "withdrawnOn", "withdrawnOn", null,
                    null, 6));
        }
        // side steps at their own dates: extensions (while open) and the valuable-tip rating
        List<Planned> side = new ArrayList<>();
        if (l.extensions() != null) {
            if (l.extensions().size() > 10) {
                throw new InvalidInput("extensions", "at most 10");
            }
            for (int i = 0; i < l.extensions().size(); i++) {
                ImportLine.Extension e = l.extensions().get(i);
                String p = "extensions[" + i + "]";
                if (e == null) {
                    throw new InvalidInput(p, "required");
                }
                String code = optional(p + ".reasonCode", e.reasonCode(), 41);
                if (code != null && !REASON_CODE.matcher(code).matches()) {
                    throw new InvalidInput(p + ".reasonCode", "an upper-case code such as COMPLEX");
                }
                side.add(new Planned(new SubmissionCommand.ExtendDeadline(code, optional(p + ".reason", e.reason(), 500),
                        e.on()), p, p + ".on", null, null, 3));
            }
        }
        if (l.ratedValuableOn() != null) {
            side.add(new Planned(new SubmissionCommand.RateValuable(l.ratedValuableOn()), "ratedValuableOn",
                    "ratedValuableOn", null, null, 7));
        }
        b.steps.addAll(merge(main, side));
    }

    /**
     * The main steps keep their order (so a date before the previous step's is refused, not re-sorted);
     * each side step goes before the first main step that comes after it by (date, rank).
     */
    static List<Planned> merge(List<Planned> main, List<Planned> side) {
        if (side.isEmpty()) {
            return main;
        }
        List<Planned> merged = new ArrayList<>();
        int s = 0;
        for (int m = 0; m < main.size(); m++) {
            Planned next = main.get(m);
            while (m > 0 && s < side.size() && before(side.get(s), next)) {
                merged.add(side.get(s++));
            }
            merged.add(next);
        }
        while (s < side.size()) {
            merged.add(side.get(s++));
        }
        return merged;
    }

    private static boolean before(Planned a, Planned b) {
        if (a.on() == null || b.on() == null) {
            return false;
        }
        int byDate = a.on().compareTo(b.on());
        return byDate < 0 || (byDate == 0 && a.rank() < b.rank());
    }

    /**
     * The unit must be in the officer's subtree today, or on the register's date: a dissolved district's
     * register is imported by the unit that inherited it (the province, since 1 March 2025).
     */
    private void requireSubtree(String field, String unit, LocalDate onRegister) {
        if (units.find(unit).isEmpty()) {
            return; // the decider names an unknown unit
        }
        if (officerUnit == null || units.find(officerUnit).isEmpty()
                || !(within(unit, today) || within(unit, onRegister))) {
            throw new InvalidInput(field, "not a unit of your subtree");
        }
    }

    private boolean within(String unit, LocalDate on) {
        try {
            return units.isWithin(unit, officerUnit, on);
        } catch (RuntimeException outsideTheTree) {
            return false; // one of the two units did not exist on that date
        }
    }

    private static String required(String field, String value, int max) {
        String clean = optional(field, value, max);
        if (clean == null) {
            throw new InvalidInput(field, "required");
        }
        return clean;
    }

    private static String optional(String field, String value, int max) {
        String clean = Text.clean(field, value);
        if (clean != null && clean.length() > max) {
            throw new InvalidInput(field, "at most " + max + " characters");
        }
        return clean;
    }

    // ------------------------------------------------------------------ JSON errors, without the values

    static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String messageOf(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            if (type != null && type.isEnum()) {
                return "one of " + Arrays.toString(type.getEnumConstants());
            }
            if (type == LocalDate.class) {
                return "a date YYYY-MM-DD";
            }
            return "not a valid " + (type == null ? "value" : type.getSimpleName());
        }
        if (e instanceof MismatchedInputException m) {
            Class<?> type = m.getTargetType();
            if (type == LocalDate.class) {
                return "a date YYYY-MM-DD";
            }
            return "wrong type" + (type == null ? "" : ": expected " + type.getSimpleName());
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof java.time.DateTimeException) {
            return "a date YYYY-MM-DD";
        }
        var location = e.getLocation();
        return "malformed JSON" + (location == null ? "" : " at column " + location.getColumnNr());
    }
}
