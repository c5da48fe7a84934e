package vn.langnghe.forum;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static vn.langnghe.forum.Forums.F;
import static vn.langnghe.forum.Forums.WARD;
import static vn.langnghe.forum.Forums.answerBody;
import static vn.langnghe.forum.Forums.officer;
import static vn.langnghe.forum.Forums.onOpinion;
import static vn.langnghe.forum.Forums.openForum;
import static vn.langnghe.forum.Forums.opinionBody;
import static vn.langnghe.forum.Forums.organiser;
import static vn.langnghe.forum.Forums.post;
import static vn.langnghe.forum.Forums.record;
import static vn.langnghe.forum.Forums.recordInvalid;
import static vn.langnghe.forum.Forums.today;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
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
import vn.langnghe.contracts.events.ReporterIdentityErased;
import vn.langnghe.testsupport.kafka.TestCloudEvents;
import vn.langnghe.testsupport.quarkus.PostgresKafkaResource;
import vn.langnghe.testsupport.quarkus.PrismContractResource;

/**
 * The leak test: opinions with a known speaker and known words go through every lifecycle path, erasure
 * included; then every table of the service's database, every Kafka topic (dead-letter topics too), the
 * public minutes and the service log are searched for each value in NFC, NFD, lower case, digits only and
 * Base64, and for unkeyed hashes (SHA-256, SHA-1, MD5) of those forms.
 */
@QuarkusTest
@QuarkusTestResource(PostgresKafkaResource.class)
@QuarkusTestResource(PrismContractResource.class)
class PersonalDataLeakTest {

    static final String NAME = "Đặng Thị Thu Hường";
    static final String PHONE = "0987 246 135";
    static final String ID_NUMBER = "031187004321";
    static final String ADDRESS = "Số 27 ngõ 58 phố Tô Hiệu, Lê Chân";
    static final String EMAIL = "huong.dang.forumleak@example.vn";
    static final String TEXT = "Tối nào cũng có người lạ bán ma túy ở đầu ngõ nhà tôi, gần trường Tô Hiệu";
    static final String OTHER_TEXT = "Con tôi bị nhóm thanh niên xăm trổ chặn đường đòi tiền ở cổng chợ Hàng Kênh";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String organiser = organiser();
    private final List<String> responses = new ArrayList<>();

    @Test
    void noPersonalValueAppearsInAnyTableTopicOrLog_inAnyForm() throws Exception {
        runEveryPath();
        List<String> needles = needles();

        List<String> hits = new ArrayList<>();
        hits.addAll(searchDatabase(needles));
        hits.addAll(searchKafka(needles));
        hits.addAll(searchLog(needles));
        for (String response : responses) {
            for (String hit : contains(response, needles)) {
                hits.add("public response: " + hit);
            }
        }

        assertThat(hits).as("personal values found").isEmpty();
    }

    /** A needle that can never match would make the test useless: prove the search finds a planted value. */
    @Test
    void theSearchFindsAValueThatIsThere() throws Exception {
        assertThat(contains("abc " + Base64.getEncoder().encodeToString(NAME.getBytes(StandardCharsets.UTF_8)),
                needles())).isNotEmpty();
        assertThat(contains("so dien thoai 0987246135", needles())).isNotEmpty();
        assertThat(contains(Normalizer.normalize(NAME, Normalizer.Form.NFD).toLowerCase(Locale.ROOT), needles()))
                .isNotEmpty();
        assertThat(contains("{\"email\": \"" + EMAIL.toUpperCase(Locale.ROOT) + "\"}", needles())).isNotEmpty();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(ID_NUMBER.getBytes(StandardCharsets.UTF_8)));
        assertThat(contains("person_id=" + sha.toUpperCase(Locale.ROOT), needles())).isNotEmpty();
        assertThat(contains("Ý kiến về an ninh trật tự khu dân cư", needles())).isEmpty();
    }

    private void runEveryPath() throws Exception {
        Map<String, Object> speaker = Map.of("fullName", NAME, "phone", PHONE, "idNumber", ID_NUMBER,
                "address", ADDRESS, "email", EMAIL);
        UUID forum = openForum();

        // answered on the spot with a commitment, which is then fulfilled
        UUID answered = recordWith(forum, speaker, TEXT, "Đề nghị tăng cường tuần tra khu dân cư");
        Map<String, Object> answer = new HashMap<>(answerBody("Công an phường sẽ bố trí tuần tra"));
        answer.put("commitmentSummary", "Tuần tra buổi tối trong tháng tới");
        onOpinion(organiser, forum, answered, "answer", answer).statusCode(200)
                .body("status", equalTo("ANSWERED_ON_THE_SPOT"));
        onOpinion(officer(), forum, answered, "commitment-fulfilled",
                Map.of("fulfilmentSummary", "Đã tuần tra 4 tuần liền")).statusCode(200);

        // taken on board: a follow-up answered by its owner unit, whose commitment is fulfilled
        UUID followedUp = recordWith(forum, speaker, OTHER_TEXT, "Đề nghị xử lý tình trạng chặn đường đòi tiền");
        onOpinion(organiser, forum, followedUp, "follow-up", Map.of("ownerUnitId", WARD,
                "dueOn", today().plusDays(20).toString())).statusCode(200);
        onOpinion(officer(), forum, followedUp, "follow-up-answer", Map.of("answerSummary",
                "Đã làm việc với nhóm thanh niên", "commitmentSummary", "Bố trí lực lượng giờ tan chợ")).statusCode(200);
        onOpinion(officer(), forum, followedUp, "commitment-fulfilled",
                Map.of("fulfilmentSummary", "Đã bố trí lực lượng")).statusCode(200)
                .body("status", equalTo("COMMITMENT_FULFILLED"));

        // escalated as a denunciation (the event carries only the reference), recorded twice (a retry),
        // and the same id with other content refused
        UUID escalated = UUID.randomUUID();
        Map<String, Object> escalatedBody = opinionBody(escalated, "Phản ánh tụ điểm ma túy gần trường học");
        escalatedBody.put("topic", "DRUGS");
        escalatedBody.put("tags", List.of());
        escalatedBody.put("nature", "CRITICISM");
        escalatedBody.put("speaker", speaker);
        escalatedBody.put("text", TEXT);
        record(organiser, forum, escalatedBody).statusCode(201);
        record(organiser, forum, escalatedBody).statusCode(201).header("Idempotent-Replayed", "true");
        Map<String, Object> conflicting = new HashMap<>(escalatedBody);
        conflicting.put("text", OTHER_TEXT);
        record(organiser, forum, conflicting).statusCode(409).body("type", endsWith("opinion_id_conflict"));
        onOpinion(organiser, forum, escalated, "escalate", Map.of("kindRequested", "DENUNCIATION",
                "publicSummary", "Tố cáo tụ điểm ma túy gần trường học")).statusCode(200)
                .body("status", equalTo("ESCALATED"));
        // escalated as a complaint: it stays in the published minutes
        UUID complaint = recordWith(forum, speaker, OTHER_TEXT, "Khiếu nại về việc xử lý chậm tin báo");
        onOpinion(organiser, forum, complaint, "escalate", Map.of("kindRequested", "COMPLAINT", "unitId", WARD))
                .statusCode(200);

        // rejected requests carrying the personal values must not be stored or logged either
        Map<String, Object> wrongNature = opinionBody(UUID.randomUUID(), "Ý kiến về an ninh trật tự khu dân cư");
        wrongNature.put("nature", "GOSSIP");
        wrongNature.put("speaker", speaker);
        wrongNature.put("text", TEXT);
        recordInvalid(organiser, forum, wrongNature).statusCode(400).body("errors[0].field", equalTo("nature"));
        Map<String, Object> control = opinionBody(UUID.randomUUID(), "Ý kiến về an ninh trật tự khu dân cư");
        control.put("speaker", speaker);
        control.put("text", TEXT + "\u0000");
        record(organiser, forum, control).statusCode(400).body("errors[0].field", equalTo("text"));

        // the organiser's audited read of the speaker's words
        given().auth().oauth2(organiser).get(F + "/" + forum + "/opinions/" + answered + "/text").then()
                .statusCode(200).body("text", equalTo(Normalizer.normalize(TEXT, Normalizer.Form.NFC)));
        assertThat(count("SELECT count(*) FROM personal_access_audit WHERE case_id = '" + answered + "'"))
                .isPositive();

        // closed, minutes published and read without a token
        String version = given().auth().oauth2(organiser).get(F + "/" + forum).then().statusCode(200)
                .extract().header("ETag");
        post(organiser, forum, "close", version, Map.of("minutesSummary",
                "40 đại biểu dự, 4 ý kiến; 1 trả lời tại chỗ, 1 giao đơn vị, 2 chuyển cơ quan có thẩm quyền"))
                .statusCode(200);
        post(organiser, forum, "publish-minutes", "\"" + (Long.parseLong(version.replace("\"", "")) + 1) + "\"",
                Map.of()).statusCode(200);
        responses.add(given().get(F + "/" + forum + "/minutes").then().statusCode(200).extract().asString());
        responses.add(given().auth().oauth2(organiser).get(F + "/" + forum).then().statusCode(200)
                .extract().asString());

        // let the relay publish every event of the forum, and take the speaker's reference from Kafka
        long stored = count("SELECT count(*) FROM events WHERE stream_id = 'forum-" + forum + "'");
        String stream = "forum-" + forum;
        List<TestCloudEvents.Received> published = TestCloudEvents.readUntil(bootstrapServers,
                Topics.FORUM_FORUM_EVENTS, read -> read.stream().filter(r -> stream.equals(r.key())).count() >= stored,
                Duration.ofSeconds(60));
        OpinionEscalated escalation = published.stream()
                .filter(r -> stream.equals(r.key()) && OpinionEscalated.TYPE.equals(r.type()))
                .map(r -> decode(r.data())).filter(e -> e.opinionId().equals(escalated)).findFirst().orElseThrow();
        String speakerRef = escalation.speakerIdentityRef();
        assertThat(speakerRef).startsWith("idv-");

        // intake erased the reporter behind that reference: the consumer destroys the speaker's key here;
        // an undecodable event goes to the dead-letter topic
        UUID submission = UUID.randomUUID();
        String erased = ContractJson.mapper().writeValueAsString(
                new ReporterIdentityErased(submission, speakerRef, Instant.now()));
        try (KafkaProducer<String, byte[]> producer = TestCloudEvents.producer(bootstrapServers)) {
            producer.send(TestCloudEvents.record(Topics.INTAKE_SUBMISSION_EVENTS, "submission-" + submission, 1,
                    ReporterIdentityErased.TYPE, "/intake-service", Instant.now().toString(), erased)).get();
            producer.send(TestCloudEvents.record(Topics.INTAKE_SUBMISSION_EVENTS, "submission-" + UUID.randomUUID(),
                    1, ReporterIdentityErased.TYPE, "/intake-service", Instant.now().toString(), "{\"broken\": true}"))
                    .get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(
                "SELECT count(*) FROM keyring.subject_keys k JOIN personal_identities p ON p.person_id = k.subject_id"
                        + " WHERE k.kind = 'PERSON' AND p.ref = '" + speakerRef + "' AND k.destroyed_at IS NOT NULL"
                        + " AND k.keyset IS NULL")).isEqualTo(1));
        TestCloudEvents.readUntil(bootstrapServers, Topics.INTAKE_SUBMISSION_EVENTS + ".dlq", read -> !read.isEmpty(),
                Duration.ofSeconds(60));
    }

    private UUID recordWith(UUID forum, Map<String, Object> speaker, String text, String summary) {
        UUID opinion = UUID.randomUUID();
        Map<String, Object> body = opinionBody(opinion, summary);
        body.put("speaker", speaker);
        body.put("text", text);
        record(organiser, forum, body).statusCode(201).body("speakerIdentified", equalTo(true));
        return opinion;
    }

    private static OpinionEscalated decode(String data) {
        try {
            return ContractJson.mapper().readValue(data, OpinionEscalated.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every value in every form a leak could take, and unkeyed hashes of those forms; forms shorter than 6
     * characters would match noise.
     */
    private static List<String> needles() throws Exception {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : List.of(NAME, PHONE, ID_NUMBER, ADDRESS, EMAIL, TEXT, OTHER_TEXT)) {
            String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
            String nfd = Normalizer.normalize(value, Normalizer.Form.NFD);
            Set<String> plain = new LinkedHashSet<>(List.of(nfc, nfd, nfc.toLowerCase(Locale.ROOT),
                    nfd.toLowerCase(Locale.ROOT), nfc.replaceAll("\\D", "")));
            plain.removeIf(f -> f.length() < 6);
            forms.addAll(plain);
            forms.add(Base64.getEncoder().encodeToString(nfc.getBytes(StandardCharsets.UTF_8)));
            forms.add(Base64.getEncoder().encodeToString(nfd.getBytes(StandardCharsets.UTF_8)));
            for (String form : plain) {
                for (String algorithm : List.of("SHA-256", "SHA-1", "MD5")) {
                    byte[] digest = MessageDigest.getInstance(algorithm).digest(form.getBytes(StandardCharsets.UTF_8));
                    forms.add(HexFormat.of().formatHex(digest));
                    forms.add(Base64.getEncoder().encodeToString(digest));
                }
            }
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
            assertThat(tables).contains("public.events", "public.forums", "public.opinions",
                    "public.personal_identities", "public.case_texts_encrypted", "public.personal_access_audit",
                    "public.consumer_checkpoints", "public.consumer_parked_events", "keyring.subject_keys");
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
        assertThat(topics).contains(Topics.FORUM_FORUM_EVENTS, Topics.INTAKE_SUBMISSION_EVENTS,
                Topics.INTAKE_SUBMISSION_EVENTS + ".dlq");
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
        Path log = Path.of("target", "forum-service-test.log");
        assertThat(log).exists();
        List<String> hits = new ArrayList<>();
        for (String hit : contains(Files.readString(log), needles)) {
            hits.add("log " + log + ": " + hit);
        }
        return hits;
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
