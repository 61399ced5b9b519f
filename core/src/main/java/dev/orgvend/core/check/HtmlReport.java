package dev.orgvend.core.check;

import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The check as one self-contained HTML page (no external scripts, styles or fonts): totals, the
 * organization tree with every OU and account coloured by its worst status, and a table of
 * account×component results with client-side filters. Table rows are spooled to disk as results
 * arrive; only a small entry per account is kept for the tree.
 */
public final class HtmlReport implements CheckListener, AutoCloseable {
  private record Leaf(String name, String accountId, String ouPath, Status status) {}

  private final Spool spool;
  private final List<Leaf> leaves = new ArrayList<>();
  private final TreeSet<String> components = new TreeSet<>();

  public HtmlReport(Path file) {
    this.spool = new Spool(file);
  }

  @Override
  public void account(AccountCheck r) {
    leaves.add(new Leaf(r.name(), r.accountId(), r.ouPath(), r.status()));
    StringBuilder rows = new StringBuilder();
    for (ComponentResult c : r.components()) {
      components.add(c.component());
      String text = c.findings().isEmpty() ? "matches the spec" : c.findings().stream()
          .map(f -> Markup.escape(f.message())).collect(Collectors.joining("<br>"));
      rows.append("<tr data-status=\"").append(c.status().label()).append("\" data-component=\"")
          .append(Markup.escape(c.component())).append("\"><td>").append(Markup.escape(r.name()))
          .append("</td><td>").append(r.accountId() == null ? "–" : r.accountId())
          .append("</td><td>").append(Markup.escape(r.ouPath())).append("</td><td>")
          .append(Markup.escape(c.component())).append("</td><td><span class=\"st s-")
          .append(c.status().label()).append("\">").append(c.status().label())
          .append("</span></td><td>").append(text).append("</td></tr>\n");
    }
    spool.write(rows.toString());
  }

  public void finish(CheckSummary summary, String organizationId, Instant at, Duration elapsed) {
    StringBuilder head = new StringBuilder();
    head.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>orgvend check: ").append(Markup.escape(organizationId))
        .append("</title>\n<style>").append(STYLE).append("</style></head><body>\n")
        .append("<header><h1>Fleet check</h1><p>Organization ")
        .append(Markup.escape(organizationId)).append(" · checked ").append(at)
        .append(String.format(" · %d account(s) in %.1f s", summary.total(),
            elapsed.toMillis() / 1000.0)).append("</p><p class=\"badges\">");
    for (Status s : Status.values()) {
      head.append("<span class=\"st s-").append(s.label()).append("\">")
          .append(summary.count(s)).append(' ').append(s.label()).append("</span> ");
    }
    head.append("</p></header>\n<section><h2>Organization</h2>\n");
    tree(head);
    head.append("</section>\n<section><h2>Results</h2><div class=\"filters\">")
        .append("<label>Status <select id=\"f-status\"><option value=\"\">any</option>");
    for (Status s : Status.values()) {
      head.append("<option>").append(s.label()).append("</option>");
    }
    head.append("</select></label> <label>Component <select id=\"f-component\">")
        .append("<option value=\"\">any</option>");
    components.forEach(c -> head.append("<option>").append(Markup.escape(c))
        .append("</option>"));
    head.append("</select></label> <label>Search <input id=\"f-text\" type=\"search\"></label>")
        .append(" <label><input id=\"f-hide\" type=\"checkbox\" checked> hide compliant</label>")
        .append(" <span id=\"f-count\"></span></div>\n<table id=\"results\"><thead><tr>")
        .append("<th>Account</th><th>Id</th><th>OU</th><th>Component</th><th>Status</th>")
        .append("<th>Findings</th></tr></thead><tbody>\n");
    StringBuilder tail = new StringBuilder("</tbody></table></section>\n");
    if (!summary.reminders().isEmpty()) {
      tail.append("<section><h2>Remember</h2><ul>");
      summary.reminders().forEach(r -> tail.append("<li>").append(Markup.escape(r))
          .append("</li>"));
      tail.append("</ul></section>\n");
    }
    tail.append("<script>").append(SCRIPT).append("</script></body></html>\n");
    spool.commit(head.toString(), tail.toString());
  }

  /** The OU tree from the spec's paths, each OU coloured by the worst account below it. */
  private void tree(StringBuilder out) {
    Ou root = new Ou("Root");
    for (Leaf leaf : leaves) {
      Ou at = root;
      if (!leaf.ouPath().equals("Root")) {
        for (String name : leaf.ouPath().split("/")) {
          at = at.children.computeIfAbsent(name, Ou::new);
        }
      }
      at.accounts.add(leaf);
    }
    out.append("<ul class=\"tree\">");
    root.render(out);
    out.append("</ul>\n");
  }

  private static final class Ou {
    final String name;
    final Map<String, Ou> children = new TreeMap<>();
    final List<Leaf> accounts = new ArrayList<>();

    Ou(String name) {
      this.name = name;
    }

    Status worst() {
      Status worst = Status.COMPLIANT;
      for (Leaf l : accounts) {
        worst = worst.worse(l.status());
      }
      for (Ou c : children.values()) {
        worst = worst.worse(c.worst());
      }
      return worst;
    }

    int size() {
      return accounts.size() + children.values().stream().mapToInt(Ou::size).sum();
    }

    void render(StringBuilder out) {
      out.append("<li><details open><summary><span class=\"dot s-").append(worst().label())
          .append("\"></span>").append(Markup.escape(name)).append(" <small>(")
          .append(size()).append(")</small></summary><ul>");
      children.values().forEach(c -> c.render(out));
      accounts.sort((a, b) -> a.name().compareTo(b.name()));
      for (Leaf l : accounts) {
        out.append("<li class=\"acct\" data-name=\"").append(Markup.escape(l.name()))
            .append("\"><span class=\"dot s-").append(l.status().label()).append("\"></span>")
            .append(Markup.escape(l.name())).append(" <small>")
            .append(l.accountId() == null ? "not created" : l.accountId()).append(" · ")
            .append(l.status().label()).append("</small></li>");
      }
      out.append("</ul></details></li>");
    }
  }

  @Override
  public void close() {
    spool.close();
  }

  private static final String STYLE = """
      body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
      h1{margin:0 0 .2em}h2{margin-top:1.5em;font-size:1.15em}
      .st{padding:.1em .5em;border-radius:.8em;color:#fff;white-space:nowrap}
      .dot{display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.4em}
      .s-compliant{background:#2e7d32}.s-notice{background:#1565c0}.s-drifted{background:#ef6c00}
      .s-unreachable{background:#6a1b9a}.s-error{background:#c62828}
      .tree,.tree ul{list-style:none;padding-left:1.2em}.tree summary{cursor:pointer}
      .tree .acct{cursor:pointer}.tree small{color:#666}
      .filters{margin:.5em 0}.filters label{margin-right:1em}
      table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3em;
      text-align:left;vertical-align:top}th{background:#f4f4f4;position:sticky;top:0}
      """;

  private static final String SCRIPT = """
      (function(){
        var s=document.getElementById('f-status'),c=document.getElementById('f-component'),
            t=document.getElementById('f-text'),h=document.getElementById('f-hide'),
            n=document.getElementById('f-count'),
            rows=document.querySelectorAll('#results tbody tr');
        function apply(){
          var shown=0,q=t.value.toLowerCase();
          rows.forEach(function(r){
            var ok=(!s.value||r.dataset.status===s.value)
              &&(!c.value||r.dataset.component===c.value)
              &&(!h.checked||s.value==='compliant'||r.dataset.status!=='compliant')
              &&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
            r.style.display=ok?'':'none';if(ok)shown++;
          });
          n.textContent=shown+' of '+rows.length+' shown';
        }
        [s,c,t,h].forEach(function(e){e.addEventListener('input',apply);
          e.addEventListener('change',apply);});
        document.querySelectorAll('.tree .acct').forEach(function(a){
          a.addEventListener('click',function(){t.value=a.dataset.name;h.checked=false;apply();});
        });
        apply();
      })();
      """;
}
