package io.multiproc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** s4-33: the local movie board, fetched by a worker, parsed into dicts in the parent. */
class S4_33IT {
  @Test
  void crawler_regexParse_printsDicts() {
    SampleRun.Output o = SampleRun.inThisJvm("s4-33");
    assertEquals(List.of(
        "{'index': '1', 'title': '霸王别姬', 'actor': '张国荣,张丰毅,巩俐', 'time': '1993-01-01',"
            + " 'score': '9.5'}",
        "{'index': '2', 'title': '肖申克的救赎', 'actor': '蒂姆·罗宾斯,摩根·弗里曼,鲍勃·冈顿',"
            + " 'time': '1994-09-10(加拿大)', 'score': '9.5'}",
        "{'index': '3', 'title': '罗马假日', 'actor': '格利高里·派克,奥黛丽·赫本,埃迪·艾伯特',"
            + " 'time': '1953-09-02(美国)', 'score': '9.1'}"), o.lines(), o.stdout());
  }
}
