package deltakv.runner.serve;

import deltakv.runner.nightly.SummaryHtml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The pages' shared frame: a phone-width viewport, Jepsen's colours for {@code valid?}, escaping. */
final class Html {
    /** The nightly page's colours: one palette for every page. */
    static final Map<String, String> COLOURS = SummaryHtml.COLOURS;

    private Html() {}

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title) + "</title><style>"
                + "body{font-family:sans-serif;margin:.8em;max-width:1400px}table{border-collapse:collapse}"
                + "td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left;white-space:nowrap}"
                + ".wrap{overflow-x:auto;max-width:100%}.num{text-align:right}img{max-width:100%;height:auto}"
                + "h1,h2,h3,p,li,label{overflow-wrap:anywhere}pre{background:#f6f6f6;padding:.5em;overflow-x:auto;max-height:40em}nav a{margin-right:1em}"
                + "form{margin:.5em 0}select{margin-right:.5em}iframe{width:100%;height:32em;border:1px solid #ddd}"
                + "</style></head><body>\n<nav><a href=\"/\">Runs</a><a href=\"/compare\">Compare variants</a></nav>\n"
                + "<h1>" + esc(title) + "</h1>\n" + body + "</body></html>\n";
    }

    static String validCell(String valid) {
        return "<td class=\"valid\" data-valid=\"" + esc(valid) + "\" style=\"background:" + COLOURS.getOrDefault(valid, "#EAEAEA")
                + "\">" + esc(valid) + "</td>";
    }

    static String esc(String s) {
        return SummaryHtml.esc(s);
    }

    /** A store-relative path as a URL path (each segment encoded). */
    static String url(String prefix, String rel) {
        StringBuilder b = new StringBuilder(prefix);
        String[] parts = rel.split("/");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append('/');
            b.append(URLEncoder.encode(parts[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }
}
