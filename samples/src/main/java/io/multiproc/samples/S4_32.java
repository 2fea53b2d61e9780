package io.multiproc.samples;

import io.multiproc.AsyncResult;
import io.multiproc.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * s4-32: workers fetch the pages, a callback parses each in the parent and appends a line to
 * db.txt (seed 004, line 1440); the pages come from a site on 127.0.0.1 that the sample starts,
 * and db.txt is in a temporary directory.
 */
public final class S4_32 {
  private S4_32() {}

  /** The site's pages: path to HTML, of different sizes. */
  static final Map<String, String> PAGES = new LinkedHashMap<>();

  static {
    String[] names = {"/baidu", "/python", "/openstack", "/help/github/", "/sina/"};
    for (int i = 0; i < names.length; i++) {
      PAGES.put(names[i], "<!DOCTYPE html><html><body>" + names[i] + " "
          + "x".repeat(100 * (i + 1)) + "</body></html>");
    }
  }

  static Map<String, String> getPage(String url) throws IOException {
    System.out.printf("<进程%s> get %s%n", ProcessHandle.current().pid(), url);
    LocalSite.Response respone = LocalSite.get(url);
    if (respone.statusCode() == 200) {
      Map<String, String> res = new LinkedHashMap<>();
      res.put("url", url);
      res.put("text", respone.text());
      return res;
    }
    return null;
  }

  static void pasrsePage(Map<String, String> res, Path db) {
    System.out.printf("<进程%s> parse %s%n", ProcessHandle.current().pid(), res.get("url"));
    String parseRes = String.format("url:<%s> size:[%s]%n", res.get("url"),
        res.get("text").length());
    try {
      Files.writeString(db, parseRes, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("s4-32");
    Path db = dir.resolve("db.txt");
    try (LocalSite site = new LocalSite(PAGES)) {
      List<String> urls = PAGES.keySet().stream().map(site::url).toList();
      Pool p = new Pool(3);
      List<AsyncResult<Map<String, String>>> resL = new ArrayList<>();
      for (String url : urls) {
        resL.add(p.applyAsync(S4_32::getPage, url, res -> pasrsePage(res, db), null));
      }
      p.close();
      p.join();
      // 拿到的是get_page的结果,其实完全没必要拿该结果,该结果已经传给回调函数处理了
      System.out.println(Py.repr(resL.stream().map(AsyncResult::get).toList()));
    } finally {
      // not in the source: what db.txt holds, before the temporary directory goes
      if (Files.exists(db)) {
        System.out.println("db.txt:");
        Files.readAllLines(db).forEach(System.out::println);
        Files.delete(db);
      }
      Files.delete(dir);
    }
  }
}
