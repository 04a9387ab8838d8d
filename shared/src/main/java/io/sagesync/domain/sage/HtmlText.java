package io.sagesync.domain.sage;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Magento product names into plain text for Sage line descriptions: HTML entities in descriptions make Sage
 * answer 422 (quirk §22). Decodes numeric entities ({@code &#8482;}, {@code &#x2122;}) and the named entities seen
 * in shop catalogues, repeats until stable (double-encoded names such as {@code &amp;trade;} occur), strips
 * tags first and collapses whitespace. Unknown named entities are left as they are.
 */
public final class HtmlText {
    private static final Pattern ENTITY = Pattern.compile(
            "&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][^<>]*>");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("trade", "\u2122"), Map.entry("reg", "\u00AE"),
            Map.entry("copy", "\u00A9"), Map.entry("euro", "\u20AC"), Map.entry("pound", "\u00A3"),
            Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"), Map.entry("hellip", "\u2026"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"), Map.entry("times", "\u00D7"), Map.entry("deg", "\u00B0"),
            Map.entry("middot", "\u00B7"), Map.entry("bull", "\u2022"), Map.entry("frac12", "\u00BD"),
            Map.entry("frac14", "\u00BC"), Map.entry("frac34", "\u00BE"), Map.entry("laquo", "\u00AB"),
            Map.entry("raquo", "\u00BB"), Map.entry("eacute", "\u00E9"), Map.entry("egrave", "\u00E8"),
            Map.entry("agrave", "\u00E0"), Map.entry("aacute", "\u00E1"), Map.entry("uuml", "\u00FC"),
            Map.entry("ouml", "\u00F6"), Map.entry("auml", "\u00E4"), Map.entry("Uuml", "\u00DC"),
            Map.entry("Ouml", "\u00D6"), Map.entry("Auml", "\u00C4"), Map.entry("szlig", "\u00DF"),
            Map.entry("ccedil", "\u00E7"), Map.entry("ntilde", "\u00F1"), Map.entry("shy", ""));

    private HtmlText() {
    }

    /** Plain-text form of a Magento name. */
    public static String toPlainText(String html) {
        // Real tags first: text that was escaped (&lt;b&gt;) is content, not markup, and must survive decoding.
        String s = TAG.matcher(html).replaceAll(" ");
        for (int i = 0; i < 3; i++) {
            String decoded = decodeOnce(s);
            if (decoded.equals(s)) {
                break;
            }
            s = decoded;
        }
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String decodeOnce(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decodeEntity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decodeEntity(String body, String whole) {
        if (body.startsWith("#")) {
            try {
                int cp = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X')
                        ? Integer.parseInt(body.substring(2), 16) : Integer.parseInt(body.substring(1));
                return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : whole;
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return NAMED.getOrDefault(body, whole);
    }
}
