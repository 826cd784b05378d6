package dev.maas.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.maas.api.PlanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups chosen to inject Markdown render, through a real CommonMark parser, as exactly their own
 * text.
 */
class PlanMarkdownInjectionTest {

  private static final List<String> HOSTILE =
      List.of(
          "[click](https://evil.example/x)",
          "**bold**",
          "_em_",
          "<details><summary>hidden",
          "<img/src=x/onerror=alert(1)>",
          "&lt;x&gt;",
          "a`b``c",
          "`lead",
          "trail`",
          "~~gone~~",
          "|pipe|",
          "![img](https://evil.example/i.png)",
          "<https://evil.example>",
          "\\`escaped");

  @TempDir Path dir;

  @Test
  void hostileGroupsInTheChangeListRenderAsTheirOwnText() throws IOException {
    String reference = PlanFixture.reference();
    Path base = PlanFixture.generate(dir.resolve("base"), reference);
    StringBuilder groups = new StringBuilder("groups: [enterprise-users");
    HOSTILE.forEach(g -> groups.append(", '").append(g.replace("'", "''")).append('\''));
    String spec =
        PlanFixture.edit(reference, "groups: [enterprise-users, \"acme:ml-admins\"]", groups + "]");
    PlanResult result = PlanFixture.plan(dir.resolve("head"), spec, base.toString(), null, null);
    String markdown = result.report().markdown();

    Node document =
        Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(markdown);
    List<Node> found = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            found.add(link);
          }

          @Override
          public void visit(Image image) {
            found.add(image);
          }

          @Override
          public void visit(HtmlInline html) {
            found.add(html);
          }

          @Override
          public void visit(HtmlBlock html) {
            // The object diffs' own folding, and nothing else.
            if (!html.getLiteral().startsWith("<details><summary>")
                && !html.getLiteral().startsWith("</details>")) {
              found.add(html);
            }
            visitChildren(html);
          }

          @Override
          public void visit(Emphasis emphasis) {
            found.add(emphasis);
          }

          @Override
          public void visit(FencedCodeBlock block) {
            if (!block.getInfo().equals("diff") && !block.getInfo().equals("mermaid")) {
              found.add(block);
            }
          }
        });
    assertEquals(List.of(), found, markdown);

    String line =
        changesList(document).stream()
            .filter(t -> t.startsWith("enterprise: groups changed:"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(markdown));
    String expected =
        result.report().platforms().get(0).changes().stream()
            .filter(c -> c.text().startsWith("enterprise: groups changed:"))
            .findFirst()
            .orElseThrow()
            .text();
    assertEquals(expected + " — breaking", line, "rendered text equals the plain text");
    for (String group : HOSTILE) {
      assertTrue(line.contains("+" + group), group + " in " + line);
    }
    // Every diff block holds its whole diff: no backtick run in the spec closed a fence early.
    long diffs =
        result.report().platforms().get(0).objects().stream()
            .filter(o -> !o.provenanceOnly())
            .count();
    List<FencedCodeBlock> blocks = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock block) {
            if (block.getInfo().equals("diff")) {
              blocks.add(block);
            }
          }
        });
    assertEquals(diffs, blocks.size());
    assertTrue(blocks.stream().anyMatch(b -> b.getLiteral().contains("a`b``c")), markdown);
  }

  /**
   * The rendered text of each item of the list under "Changes": text and code spans, strong words
   * as plain text.
   */
  private static List<String> changesList(Node document) {
    List<String> items = new ArrayList<>();
    for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading
          && heading.getFirstChild() instanceof Text title
          && title.getLiteral().equals("Changes")
          && node.getNext() instanceof BulletList list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          StringBuilder text = new StringBuilder();
          ((ListItem) item)
              .accept(
                  new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                      text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code code) {
                      text.append(code.getLiteral());
                    }

                    @Override
                    public void visit(StrongEmphasis strong) {
                      visitChildren(strong);
                    }
                  });
          items.add(text.toString());
        }
      }
    }
    assertFalse(items.isEmpty(), "no change list");
    return items;
  }
}
