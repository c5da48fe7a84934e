package vn.langnghe.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import vn.langnghe.contracts.ContractCodec;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.ContractViolationException;
import vn.langnghe.contracts.UnknownContractException;
import vn.langnghe.contracts.events.ContractEvent;
import vn.langnghe.eventsourcing.consumer.ConsumedEvent;
import vn.langnghe.eventsourcing.consumer.UndecodableEvent;
import vn.langnghe.intake.domain.clock.LegalDates;

/** Reads an event's data as its contract record; anything that does not fit is poison. */
public final class Decoding {

    private static final ObjectMapper JSON = ContractJson.mapper();

    private Decoding() {}

    public static ContractEvent decode(ConsumedEvent event) {
        try {
            return ContractCodec.standard().decode(event.type(), JSON.readTree(event.dataJson()));
        } catch (UnknownContractException | ContractViolationException | JsonProcessingException
                | IllegalArgumentException e) {
            throw new UndecodableEvent("event " + event.id() + " of type " + event.type() + " is not a valid contract"
                    + " event: " + e.getMessage(), e);
        }
    }

    /** The Vietnamese calendar day of an instant. */
    public static LocalDate day(Instant instant) {
        return LegalDates.vietnamDate(instant);
    }

    /** When the event was recorded: the CloudEvents time, else its effective time. */
    public static Instant recordedAt(ConsumedEvent event) {
        if (event.time() != null) {
            return event.time();
        }
        if (event.effectiveTime() != null) {
            return event.effectiveTime();
        }
        throw new UndecodableEvent("event " + event.id() + " has neither time nor effective time");
    }

    /** Text as stored: NFC, so accent folding in the database sees precomposed letters. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
