package dev.tenure.access.directory;

import dev.tenure.access.connector.AccountProfile;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * The generated names of a new account: its login ({@code sAMAccountName} / {@code uid}) and the local part of its
 * mail address. From the person's legal given and family names, ASCII-folded and lower case: {@code José García} →
 * login {@code jgarcia}, mail {@code jose.garcia}. The {@code n}-th candidate (n ≥ 2) appends n to both
 * ({@code jgarcia2}, {@code jose.garcia2}), cutting the name — never the number — to fit the login's maximum length.
 */
public record AccountNames(String login, String mailLocalPart) {

    static final int MAX_MAIL_LOCAL_PART = 64;
    private static final String FALLBACK = "user";

    /** Letters that Unicode decomposition does not reduce to ASCII. */
    private static final Map<Character, String> SPECIAL = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"),
            Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('þ', "th"),
            Map.entry('ı', "i"), Map.entry('ħ', "h"), Map.entry('ŋ', "n"), Map.entry('ſ', "s"));

    /** The n-th candidate (1 = the plain name) for a login of at most {@code maxLoginLength} characters. */
    public static AccountNames candidate(AccountProfile profile, int n, int maxLoginLength) {
        if (n < 1) {
            throw new IllegalArgumentException("candidates are numbered from 1");
        }
        String given = fold(profile.givenName());
        String family = fold(profile.familyName());
        String suffix = n == 1 ? "" : Integer.toString(n);

        String loginBase = (given.isEmpty() ? "" : given.substring(0, 1)) + family;
        if (loginBase.isEmpty()) {
            loginBase = FALLBACK;
        }
        String login = cut(loginBase, maxLoginLength - suffix.length()) + suffix;

        String mailBase = given.isEmpty() || family.isEmpty() ? given + family : given + "." + family;
        if (mailBase.isEmpty()) {
            mailBase = FALLBACK;
        }
        String mail = cut(mailBase, MAX_MAIL_LOCAL_PART - suffix.length()) + suffix;
        return new AccountNames(login, mail);
    }

    /** Lower case ASCII letters and digits only: accents dropped, other letters transliterated, the rest removed. */
    public static String fold(String name) {
        String decomposed = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (SPECIAL.containsKey(c)) {
                out.append(SPECIAL.get(c));
            }
            // combining marks, spaces, hyphens, apostrophes and scripts without an ASCII form are dropped
        }
        return out.toString();
    }

    private static String cut(String s, int max) {
        String cut = s.length() <= max ? s : s.substring(0, max);
        return cut.endsWith(".") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
