package io.multiproc.samples;

import io.multiproc.AsyncResult;
import io.multiproc.Pool;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * s4-33: a worker fetches a movie board, a callback in the parent parses it with a regex (seed
 * 004, line 1496); the board is a page on 127.0.0.1 that the sample serves itself.
 */
public final class S4_33 {
  private S4_33() {}

  /** What get_page returns: the page and the pattern to parse it with (a Pattern travels). */
  record Info(String pageContent, Pattern pattern) implements Serializable {}

  static final String[][] FILMS = {
      {"1", "1203", "霸王别姬", "张国荣,张丰毅,巩俐", "1993-01-01", "9.", "5"},
      {"2", "1297", "肖申克的救赎", "蒂姆·罗宾斯,摩根·弗里曼,鲍勃·冈顿", "1994-09-10(加拿大)", "9.", "5"},
      {"3", "2641", "罗马假日", "格利高里·派克,奥黛丽·赫本,埃迪·艾伯特", "1953-09-02(美国)", "9.", "1"},
  };

  /** The local board, in the markup the source's pattern was written for. */
  static String board() {
    StringBuilder html = new StringBuilder("<html><body><dl class=\"board-wrapper\">\n");
    for (String[] f : FILMS) {
      html.append("<dd>\n")
          .append("  <i class=\"board-index board-index-").append(f[0]).append("\">").append(f[0])
          .append("</i>\n")
          .append("  <a href=\"/films/").append(f[1]).append("\" title=\"").append(f[2])
          .append("\" class=\"image-link\"><img alt=\"").append(f[2]).append("\"/></a>\n")
          .append("  <p class=\"star\">\n                主演：").append(f[3]).append("\n  </p>\n")
          .append("  <p class=\"releasetime\">上映时间：").append(f[4]).append("</p>\n")
          .append("  <p class=\"score\"><i class=\"integer\">").append(f[5])
          .append("</i><i class=\"fraction\">").append(f[6]).append("</i></p>\n")
          .append("</dd>\n");
    }
    return html.append("</dl></body></html>\n").toString();
  }

  static Info getPage(String url, Pattern pattern) throws IOException {
    LocalSite.Response response = LocalSite.get(url);
    if (response.statusCode() == 200) {
      return new Info(response.text(), pattern);
    }
    return null;
  }

  static void parsePage(Info info) {
    Matcher res = info.pattern().matcher(info.pageContent());
    while (res.find()) {
      Map<String, String> dic = new LinkedHashMap<>();
      dic.put("index", res.group(1));
      dic.put("title", res.group(2));
      dic.put("actor", res.group(3).strip().substring(3));
      dic.put("time", res.group(4).substring(5));
      dic.put("score", res.group(5) + res.group(6));
      System.out.println(Py.repr(dic));
    }
  }

  public static void main(String[] args) {
    Pattern pattern1 = Pattern.compile("<dd>.*?board-index.*?>(\\d+)<.*?title=\"(.*?)\".*?star.*?>"
        + "(.*?)<.*?releasetime.*?>(.*?)<.*?integer.*?>(.*?)<.*?fraction.*?>(.*?)<",
        Pattern.DOTALL);
    try (LocalSite site = new LocalSite(Map.of("/board/7", board()))) {
      Map<String, Pattern> urlDic = Map.of(site.url("/board/7"), pattern1);
      Pool p = new Pool();
      List<AsyncResult<Info>> resL = new ArrayList<>();
      // Pool has no applyAsync(fn, a, b, callback, errorCallback): a lambda carries both arguments
      urlDic.forEach((url, pattern) ->
          resL.add(p.applyAsync(() -> getPage(url, pattern), S4_33::parsePage, null)));
      for (AsyncResult<Info> i : resL) {
        i.get();
      }
      // not in the source, which leaves the workers to the interpreter's exit
      p.close();
    }
  }
}
