package dev.tenure.hr.domain;

/**
 * A short, printable excerpt of untrusted text, for the rare reason that must name what it was given (an unknown
 * field or column): at most {@value #MAX_CODE_POINTS} code points, invisible and control characters shown as '?'.
 */
public final class Excerpt {

    public static final int MAX_CODE_POINTS = 40;

    private Excerpt() {}

    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CODE_POINTS + 1));
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (count++ == MAX_CODE_POINTS) {
                return out.append('…').toString();
            }
            out.appendCodePoint(isPrintable(codePoint) ? codePoint : '?');
        }
        return out.toString();
    }

    private static boolean isPrintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.UNASSIGNED
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
