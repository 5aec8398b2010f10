package org.staffoutcomes.bundle;

/**
 * The frame of the trust pages ({@code trusts/*.html}): the index page's style plus what dense
 * tables need on a phone, and the few lines of inline script that sort and filter a table. Nothing
 * is fetched from the network.
 */
final class PageHtml {

  private static final String CSS = """
      .crumbs{margin:0 0 1rem;font-size:.95rem}
      .meta{color:#444;margin:.2rem 0 1rem}
      .scroll{overflow-x:auto;max-width:100%}
      main{max-width:1280px}
      .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,360px),1fr));gap:0 1.5rem}
      .grid table{font-size:.9rem}
      .grid th,.grid td{padding:.3rem .35rem}
      .grid h3{font-size:1rem;margin:1.2rem 0 .2rem}
      td.num{white-space:nowrap}
      td.text,th.text{min-width:8rem}
      .scroll th[scope=row],.scroll th[scope=rowgroup],table.sortable tbody td:first-child{position:sticky;left:0;background:#fff;z-index:1}
      .scroll tr.restated th[scope=row]{background:#fff4d6}
      a[href*="#row="]{text-decoration:none;border-bottom:1px dotted #0b5394}
      .restated{background:#fff4d6}
      .tag{font-size:.8em;border:1px solid #b58900;border-radius:3px;padding:0 .25em;margin-left:.3em}
      .better{color:#005a8c;font-weight:600}
      .worse{color:#a63d00;font-weight:600}
      th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
      th[aria-sort=ascending] button::after{content:" \\25B2"}
      th[aria-sort=descending] button::after{content:" \\25BC"}
      label.filter{display:block;margin:.8rem 0 .3rem;font-weight:600}
      input[type=search]{font:inherit;padding:.35rem .5rem;width:100%;max-width:26rem;box-sizing:border-box}
      @media (max-width:600px){main{padding:1rem .6rem 2rem}h1{font-size:1.5rem}table{font-size:.88rem}}
      """;

  /**
   * Sorts a {@code table.sortable} by the column whose header button is pressed (numbers by value,
   * by each cell's {@code data-sort} when it has one; empty cells last), and hides the rows that do
   * not contain the text typed into {@code #filter}, saying how many are shown in {@code #shown}.
   */
  static final String SCRIPT = """
      (function(){
        function key(c){var s=c.getAttribute('data-sort');return s===null?c.textContent.trim():s;}
        document.querySelectorAll('table.sortable').forEach(function(t){
          var heads=t.querySelectorAll('thead th');
          heads.forEach(function(th){var b=th.querySelector('button');if(!b)return;
            b.addEventListener('click',function(){
              var col=th.cellIndex,up=th.getAttribute('aria-sort')!=='ascending';
              heads.forEach(function(o){o.removeAttribute('aria-sort');});
              th.setAttribute('aria-sort',up?'ascending':'descending');
              var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
              rows.sort(function(a,b){var x=key(a.cells[col]),y=key(b.cells[col]);
                if(x===''||y==='')return (x==='')-(y==='');
                var nx=Number(x),ny=Number(y),c=isNaN(nx)||isNaN(ny)?x.localeCompare(y):nx-ny;
                return up?c:-c;});
              rows.forEach(function(r){body.appendChild(r);});});});});
        var f=document.getElementById('filter'),n=document.getElementById('shown');
        if(f)f.addEventListener('input',function(){var q=f.value.trim().toLowerCase(),k=0;
          document.querySelectorAll('table.sortable tbody tr').forEach(function(r){
            var hit=q===''||r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!hit;if(hit)k++;});
          if(n)n.textContent=k;});
      })();
      """;

  private PageHtml() {}

  /** The page up to and including {@code <main>}. */
  static void open(StringBuilder h, String title) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(IndexPage.esc(title)).append("</title>\n<style>\n").append(IndexPage.CSS)
        .append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
  }

  /** The links back to the trusts, the culture table and the bundle's index page. */
  static void crumbs(StringBuilder h) {
    h.append("<p class=\"crumbs\"><a href=\"../index.html\">Bundle index</a> &middot; <a href=\"")
        .append(TrustPages.INDEX).append("\">All trusts</a> &middot; <a href=\"").append(TrustPages.CULTURE)
        .append("\">Culture table</a></p>\n");
  }

  /** How the numbers link to their rows: said once on every page. */
  static void linkScheme(StringBuilder h) {
    h.append("<p class=\"note\">Every number links to the row of the bundle's CSV it comes from:")
        .append(" <code>../data/positions.csv#row=12&amp;col=value</code> is line 12 of")
        .append(" <code>data/positions.csv</code> (line 1 is the header), column <code>value</code>;")
        .append(" <code>col=max-min</code> is the difference of two columns of the row.</p>\n");
  }

  /** Closes the page. */
  static String close(StringBuilder h) {
    return h.append("</main>\n</body>\n</html>\n").toString();
  }

  /** Closes a page of sortable tables, with the script that sorts and filters them. */
  static String closeSortable(StringBuilder h) {
    return h.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n").toString();
  }

  /** A sortable column's header. */
  static String sortableHeader(String label, boolean numeric) {
    return "<th scope=\"col\"" + (numeric ? " class=\"num\"" : "") + "><button type=\"button\">"
        + IndexPage.esc(label) + "</button></th>";
  }

  /** {@code data-sort} for a number (empty when missing). */
  static String sortKey(double value) {
    return " data-sort=\"" + (Double.isNaN(value) ? "" : Double.toString(value)) + "\"";
  }
}
