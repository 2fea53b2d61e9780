package io.multiproc.samples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A small web site on 127.0.0.1, for the crawler samples: they fetch from it instead of the
 * internet (the samples only ever talk to 127.0.0.1).
 */
final class LocalSite implements AutoCloseable {
  private final HttpServer server;

  /** Serves each page (path to HTML) on a free port of 127.0.0.1. */
  LocalSite(Map<String, String> pages) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pages.forEach((path, html) -> server.createContext(path, exchange -> {
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }));
    server.start();
  }

  /** The address of {@code path} on this site. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** GETs {@code url}: its status and body (UTF-8), as {@code requests.get} gives them. */
  static Response get(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try {
      int status = c.getResponseCode();
      String text = status == 200
          ? new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "";
      return new Response(status, text);
    } finally {
      c.disconnect();
    }
  }

  /** What a GET gave. */
  record Response(int statusCode, String text) {}

  @Override
  public void close() {
    server.stop(0);
  }
}
