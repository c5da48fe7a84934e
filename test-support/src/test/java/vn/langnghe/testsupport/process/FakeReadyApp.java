package vn.langnghe.testsupport.process;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/** Stands in for a Quarkus app: answers /q/health/ready on quarkus.http.port, or exits with langnghe.fake.exit. */
public final class FakeReadyApp {

    public static void main(String[] args) throws Exception {
        System.out.println("fake app starting, greeting=" + System.getProperty("greeting")
                + ", secret from the environment=" + System.getenv("LANGNGHE_FAKE_SECRET"));
        String exit = System.getProperty("langnghe.fake.exit");
        if (exit != null) {
            System.out.println("fake app giving up");
            System.exit(Integer.parseInt(exit));
        }
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.getInteger("quarkus.http.port")), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
