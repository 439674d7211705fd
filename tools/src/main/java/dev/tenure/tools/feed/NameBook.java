package dev.tenure.tools.feed;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Names as a Massachusetts workforce has them: Irish, Italian, Portuguese and Cape Verdean,
 * Hispanic, Haitian, Vietnamese, Chinese, Indian and more, with the accents, apostrophes, hyphens and
 * spaces real HR data carries (José, Siobhán, O'Brien, Nguyễn, García-López, de la Cruz). None
 * starts with {@code = + - @} (the intake rejects those as formula injection).
 */
final class NameBook {

    static final List<String> GIVEN_NAMES = List.of(
            "Aidan", "Aisha", "Alejandro", "Ana", "Andre", "Anh", "Arjun", "Beatriz", "Brendan", "Bridget",
            "Caitlin", "Carlos", "Catherine", "Chloé", "Christopher", "Ciarán", "Daniel", "Darnell", "Deborah", "Diego",
            "Dmitri", "Elizabeth", "Emily", "Emmanuel", "Fatima", "Fernando", "Francesca", "François", "Gabriel", "Giovanni",
            "Grace", "Guadalupe", "Hannah", "Hiroshi", "Ibrahim", "Inês", "Isabella", "Jacqueline", "James", "Jean-Pierre",
            "Jennifer", "Jessica", "João", "Jonathan", "José", "Joseph", "Katherine", "Kwame", "Laura", "Liam",
            "Linh", "Lucía", "Malik", "Margaret", "María", "Marie-Claire", "Matthew", "Mei", "Michael", "Miguel",
            "Mohammed", "Nadia", "Niamh", "Nicholas", "Olga", "Oluwaseun", "Patrick", "Paulo", "Priya", "Rafael",
            "Rebecca", "Renée", "Robert", "Rosa", "Samuel", "Sarah", "Seán", "Siobhán", "Sofia", "Stephen",
            "Suresh", "Tatiana", "Thomas", "Tiago", "Valentina", "Vikram", "Wei", "William", "Xiomara", "Yolanda",
            "Zoë", "Édouard", "Åsa", "Björn", "Marguerite", "Nathaniel", "Kenji", "Anushka", "Teresa", "Dolores");

    static final List<String> FAMILY_NAMES = List.of(
            "Sullivan", "O'Brien", "Murphy", "McCarthy", "O'Connor", "Kelly", "Walsh", "Fitzgerald", "Doherty", "Ó Súilleabháin",
            "Russo", "DeLuca", "D'Amico", "Esposito", "Romano", "Marino", "Costa", "Gonçalves", "Medeiros", "Pereira",
            "Silva", "Fernandes", "Rodrigues", "Tavares", "Andrade", "García", "Rodríguez", "Hernández", "Martínez", "López",
            "García-López", "Peña", "Ibáñez", "de la Cruz", "Santiago", "Rivera", "Ortiz", "Jean-Baptiste", "Pierre", "Joseph",
            "Desrosiers", "Nguyễn", "Trần", "Lê", "Phạm", "Chen", "Wong", "Li", "Zhang", "Huang",
            "Patel", "Shah", "Reddy", "Iyer", "Singh", "Kim", "Park", "Choi", "Tanaka", "Yamamoto",
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
            "Thomas", "Moore", "Jackson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young",
            "Okafor", "Mensah", "Abdullah", "Haddad", "Khoury", "Cohen", "Goldberg", "Müller", "Schäfer", "Kowalski",
            "Nowak", "Ivanova", "Papadopoulos", "Van der Berg", "St. Pierre", "LeBlanc", "Thibodeau", "Côté", "Bélanger", "MacDonald");

    private static final Map<String, String> PREFERRED = Map.ofEntries(
            Map.entry("Catherine", "Cathy"), Map.entry("Christopher", "Chris"), Map.entry("Daniel", "Dan"),
            Map.entry("Deborah", "Debbie"), Map.entry("Elizabeth", "Liz"), Map.entry("Francesca", "Frankie"),
            Map.entry("Jacqueline", "Jackie"), Map.entry("James", "Jim"), Map.entry("Jennifer", "Jen"),
            Map.entry("Jonathan", "Jon"), Map.entry("José", "Pepe"), Map.entry("Joseph", "Joe"),
            Map.entry("Katherine", "Kate"), Map.entry("Margaret", "Peggy"), Map.entry("Matthew", "Matt"),
            Map.entry("Michael", "Mike"), Map.entry("Nicholas", "Nick"), Map.entry("Oluwaseun", "Seun"),
            Map.entry("Rebecca", "Becky"), Map.entry("Robert", "Bob"), Map.entry("Samuel", "Sam"),
            Map.entry("Stephen", "Steve"), Map.entry("Thomas", "Tom"), Map.entry("William", "Bill"),
            Map.entry("Nathaniel", "Nate"), Map.entry("Marguerite", "Maggie"), Map.entry("Guadalupe", "Lupe"),
            Map.entry("Dolores", "Lola"), Map.entry("Tatiana", "Tanya"), Map.entry("Alejandro", "Alex"));

    private NameBook() {
    }

    /** A name drawn from {@code random}. */
    static PersonName draw(Random random, double preferredShare) {
        String given = GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size()));
        String family = FAMILY_NAMES.get(random.nextInt(FAMILY_NAMES.size()));
        String nickname = PREFERRED.get(given);
        String preferred = nickname != null && random.nextDouble() < preferredShare ? nickname : null;
        return new PersonName(given, family, preferred);
    }

    /** {@code given.family@domain} in plain ASCII: accents folded, apostrophes and spaces dropped. */
    static String email(String given, String family, String domain) {
        return localPart(given) + "." + localPart(family) + "@" + domain;
    }

    private static String localPart(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("đ", "d")
                .replaceAll("[^a-z0-9-]", "");
    }

    /** A person's names; {@code preferred} may be null. */
    record PersonName(String given, String family, String preferred) {
        String displayName() {
            return (preferred != null ? preferred : given) + " " + family;
        }
    }
}
