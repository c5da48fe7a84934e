package vn.langnghe.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.langnghe.intake.SubmissionApiTest.action;
import static vn.langnghe.intake.SubmissionApiTest.partner;
import static vn.langnghe.intake.SubmissionApiTest.submit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.langnghe.contracts.ContractJson;
import vn.langnghe.contracts.Topics;
import vn.langnghe.contracts.events.OpinionEscalated;
import vn.langnghe.contracts.events.SubmissionKind;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.prism.ContractCheck;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;
import vn.langnghe.testsupport.tokens.Tokens;

/**
 * The leak test: known personal values and free text go through every lifecycle path, erasure
 * included; then every table of the service's database, every Kafka topic (dead-letter topics too)
 * and the service log are searched for each value in NFC, NFD, lower case, digits only and Base64.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class PersonalDataLeakTest {

    static final String WARD = SubmissionApiTest.WARD;
    static final String NAME = "Phạm Thị Hồng Nhung";
    static final String PHONE = "0913 579 246";
    static final String ID_NUMBER = "031095001234";
    static final String ADDRESS = "Số 12 ngõ 34 phố Lạch Tray, Ngô Quyền";
    static final String EMAIL = "nhung.pham.leaktest@example.vn";
    static final String DESCRIPTION = "Tôi thấy đối tượng buôn bán ma túy gần trường Lê Lợi lúc tối";
    static final String FINDINGS = "Xác minh tại nhà bà Nhung: đối tượng có mặt thường xuyên";
    static final String LETTER = "Kính gửi bà Phạm Thị Hồng Nhung, công an phường xin trả lời";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String officer = Tokens.shared().officer("HP");
    private final String admin = Tokens.shared().admin();

    @Test
    void noPersonalValueAppearsInAnyTableTopicOrLog_inAnyForm() throws Exception {
        runEveryPath();
        List<String> needles = needles();

        List<String> hits = new ArrayList<>();
        hits.addAll(searchDatabase(needles));
        hits.addAll(searchKafka(needles));
        hits.addAll(searchLog(needles));

        assertThat(hits).as("personal values found").isEmpty();
    }

    /** A needle that can never match would make the test useless: prove the search finds a planted value. */
    @Test
    void theSearchFindsAValueThatIsThere() throws Exception {
        assertThat(contains("abc " + Base64.getEncoder().encodeToString(NAME.getBytes(StandardCharsets.UTF_8)),
                needles())).isNotEmpty();
        assertThat(contains("so dien thoai 0913579246", needles())).isNotEmpty();
        assertThat(contains(Normalizer.normalize(NAME, Normalizer.Form.NFD).toLowerCase(Locale.ROOT), needles()))
                .isNotEmpty();
    }

    private void runEveryPath() throws Exception {
        Map<String, Object> reporter = Map.of("fullName", NAME, "phone", PHONE, "idNumber", ID_NUMBER,
                "address", ADDRESS, "email", EMAIL);
        // answered after verification, with findings and an answer letter
        String answered = submitAs("COMPLAINT", reporter);
        classify(answered, "1", "COMPLAINT");
        action(officer, answered, "accept", "\"2\"", Map.of("complex", false)).statusCode(200);
        action(officer, answered, "start-verification", "\"3\"", Map.of()).statusCode(200);
        action(officer, answered, "conclude", "\"4\"", Map.of("conclusion", "FOUNDED", "findings", FINDINGS))
                .statusCode(200);
        action(officer, answered, "answer", "\"5\"", Map.of("answerSummary", "Đã xử lý", "letter", LETTER))
                .statusCode(200);
        // an identified denunciation: read refused to the officer, read by an admin
        String denunciation = submitAs("DENUNCIATION", reporter);
        read(officer, denunciation, "reporter", 403);
        read(admin, denunciation, "reporter", 200);
        read(officer, denunciation, "texts", 200);
        // side exits
        action(officer, submitAs("PETITION", reporter), "transfer", "\"1\"",
                Map.of("toAgency", "UBND phường", "reason", "thẩm quyền")).statusCode(200);
        action(officer, submitAs("COMPLAINT", reporter), "refuse", "\"1\"", Map.of("legalReason", "TIME_BARRED"))
                .statusCode(200);
        action(officer, submitAs("TIP", reporter), "merge", "\"1\"", Map.of("mergedInto", answered)).statusCode(200);
        // withdrawn, then erased
        String erased = submitAs("PETITION", reporter);
        action(partner(), erased, "withdraw", "\"1\"", Map.of()).statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "yêu cầu của công dân"))
                .post("/api/v1/submissions/" + erased + "/erase-reporter").then().statusCode(200);
        read(admin, erased, "reporter", 410);
        // rejected input with personal values must not be stored or logged either
        given().filter(ContractCheck.invalidRequestOnPurpose()).auth().oauth2(partner()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("kind", "GOSSIP", "unitId", WARD, "reporter", reporter, "description", DESCRIPTION))
                .post("/api/v1/submissions").then().statusCode(400);
        // a forum escalation carries only a reference, and an undecodable one goes to the dead-letter topic
        OpinionEscalated escalated = new OpinionEscalated(UUID.randomUUID(), UUID.randomUUID(), SubmissionKind.COMPLAINT,
                "DRUGS", List.of(), WARD, "idv-leaktest", "Ý kiến về ma túy", Instant.parse("2026-11-10T03:00:00Z"));
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(bootstrapServers)) {
            producer.send(TestCloudEvents.record(Topics.FORUM_FORUM_EVENTS, "forum-" + UUID.randomUUID(), 1,
                    OpinionEscalated.TYPE, "/forum-service", "2026-11-10T03:00:00Z",
                    ContractJson.mapper().writeValueAsString(escalated))).get();
            producer.send(TestCloudEvents.record(Topics.FORUM_FORUM_EVENTS, "forum-" + UUID.randomUUID(), 1,
                    OpinionEscalated.TYPE, "/forum-service", "2026-11-10T03:00:00Z", "{\"broken\": true}")).get();
        }
        // let the relay publish everything and the consumer dead-letter the broken escalation
        TestCloudEvents.readUntil(bootstrapServers, Topics.INTAKE_SUBMISSION_EVENTS,
                read -> read.stream().anyMatch(r -> r.key().equals("submission-" + erased)
                        && r.type().equals("intake.ReporterIdentityErased.v1")), Duration.ofSeconds(60));
        TestCloudEvents.readUntil(bootstrapServers, Topics.FORUM_FORUM_EVENTS + ".dlq", read -> !read.isEmpty(),
                Duration.ofSeconds(60));
    }

    private String submitAs(String kind, Map<String, Object> reporter) {
        return submit(partner(), Map.of("kind", kind, "unitId", WARD, "description", DESCRIPTION, "reporter", reporter),
                UUID.randomUUID().toString()).statusCode(201).extract().path("id");
    }

    private void classify(String id, String version, String kind) {
        action(officer, id, "classify", "\"" + version + "\"", Map.of("kind", kind, "topic", "DRUGS", "unitId", WARD,
                "publicSummary", "Phản ánh về ma túy gần trường học")).statusCode(200);
    }

    private void read(String token, String id, String what, int status) {
        given().auth().oauth2(token).queryParam("purpose", "kiểm tra rò rỉ")
                .get("/api/v1/submissions/" + id + "/" + what).then().statusCode(status);
    }

    /** Every value in every form a leak could take; forms shorter than 6 characters would match noise. */
    private static List<String> needles() {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : List.of(NAME, PHONE, ID_NUMBER, ADDRESS, EMAIL, DESCRIPTION, FINDINGS, LETTER)) {
            String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
            String nfd = Normalizer.normalize(value, Normalizer.Form.NFD);
            forms.add(nfc);
            forms.add(nfd);
            forms.add(nfc.toLowerCase(Locale.ROOT));
            forms.add(nfd.toLowerCase(Locale.ROOT));
            forms.add(nfc.replaceAll("\\D", ""));
            forms.add(Base64.getEncoder().encodeToString(nfc.getBytes(StandardCharsets.UTF_8)));
            forms.add(Base64.getEncoder().encodeToString(nfd.getBytes(StandardCharsets.UTF_8)));
        }
        return forms.stream().filter(f -> f.length() >= 6).toList();
    }

    private static List<String> contains(String haystack, List<String> needles) {
        String lower = haystack.toLowerCase(Locale.ROOT);
        return needles.stream().filter(n -> haystack.contains(n) || lower.contains(n.toLowerCase(Locale.ROOT))).toList();
    }

    private List<String> searchDatabase(List<String> needles) throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("public.events", "public.idempotency_keys", "public.personal_access_audit",
                    "keyring.subject_keys");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        for (String hit : contains(rs.getString(1), needles)) {
                            hits.add("table " + table + ": " + hit);
                        }
                    }
                }
            }
        }
        return hits;
    }

    private List<String> searchKafka(List<String> needles) throws Exception {
        List<String> hits = new ArrayList<>();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Set<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = client.listTopics().names().get();
        }
        assertThat(topics).contains(Topics.INTAKE_SUBMISSION_EVENTS, Topics.FORUM_FORUM_EVENTS + ".dlq");
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "leak-search-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // records of aborted relay transactions are stored on the brokers too: search them as well
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(topics.stream().filter(t -> !t.startsWith("__")).toList());
            int quiet = 0;
            while (quiet < 4) {
                var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    StringBuilder text = new StringBuilder();
                    text.append(string(record.key())).append(' ').append(string(record.value()));
                    for (Header header : record.headers()) {
                        text.append(' ').append(header.key()).append('=').append(string(header.value()));
                    }
                    for (String hit : contains(text.toString(), needles)) {
                        hits.add("topic " + record.topic() + ": " + hit);
                    }
                }
            }
        }
        return hits;
    }

    private static List<String> searchLog(List<String> needles) throws Exception {
        Path log = Path.of("target", "intake-service-test.log");
        assertThat(log).exists();
        List<String> hits = new ArrayList<>();
        for (String hit : contains(Files.readString(log), needles)) {
            hits.add("log " + log + ": " + hit);
        }
        return hits;
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
