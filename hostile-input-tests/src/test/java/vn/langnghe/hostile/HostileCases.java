package vn.langnghe.hostile;

import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The jqwik generators of hostile cases. */
final class HostileCases {

    private HostileCases() {
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE events; --", "1; SELECT pg_sleep(5)--", "\" OR \"\"=\"",
            "') UNION SELECT password FROM pg_shadow --", "$$; DELETE FROM submissions; $$",
            "<script>alert(1)</script>", "<img src=x onerror=alert(document.cookie)>",
            "\"><svg/onload=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "#{7*7}",
            "{#for x in 1..9999999}{/for}", "../../../../etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "<!--#exec cmd=\"ls\" -->", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "\\u0000", "null", "undefined", "NaN", "-1", "99999999999999999999999", "0x7fffffff", "true",
            "__proto__", "constructor", "*", "%", "_", "\\", "'", "\"", "`", "HP' --", "HP-LECHAN-ANDUONG'--");

    static final List<String> CONTROLS = List.of("\u0000", "\u0007", "\u001b[31m", "\u202e", "\r\n", "\u0008",
            "\u007f", "\u2028", "\ufeff", "\u200b");

    static final List<String> VIETNAMESE = List.of("Nguyễn Thị Hạnh", "Đề nghị công an phường giải quyết",
            "Phường Lê Chân, Hải Phòng", "Khiếu nại việc chậm cấp căn cước", "Ủy ban nhân dân xã Thanh Liệt");

    static Arbitrary<HostileCase> cases() {
        Arbitrary<Attack> attacks = Arbitraries.of(Attack.class);
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1000);
        return Combinators.combine(attacks, payloads(), picks).as(HostileCase::new);
    }

    /** Known payloads, optionally wrapped in ordinary text and control characters, plus random Unicode. */
    static Arbitrary<String> payloads() {
        Arbitrary<String> known = Arbitraries.of(INJECTIONS);
        Arbitrary<String> nfd = Arbitraries.of(VIETNAMESE).map(s -> Normalizer.normalize(s, Normalizer.Form.NFD));
        Arbitrary<String> controlled = Combinators.combine(Arbitraries.of(VIETNAMESE), Arbitraries.of(CONTROLS))
                .as((text, control) -> text + control + text);
        Arbitrary<String> random = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, known), net.jqwik.api.Tuple.of(2, nfd),
                net.jqwik.api.Tuple.of(2, controlled), net.jqwik.api.Tuple.of(2, random));
    }
}
