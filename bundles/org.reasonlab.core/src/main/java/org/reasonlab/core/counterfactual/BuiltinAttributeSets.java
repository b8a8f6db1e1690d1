package org.reasonlab.core.counterfactual;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attribute sets that come with ReasonLab ({@code builtin:gender}, {@code builtin:names},
 * {@code builtin:nationality}, {@code builtin:religion}); {@code reasonlab probe --attributes builtin:NAME} uses
 * them, {@link #resolve} also reads a user's file. Deliberately small and unambiguous where it can be; extend them
 * as files.
 */
public final class BuiltinAttributeSets {
    public static final String PREFIX = "builtin:";

    private static final Map<String, AttributeSet> SETS = new TreeMap<>(Map.of(
            "gender", new AttributeSet("gender",
                    "Gendered pronouns, nouns and titles; 'her' stands for both 'him' and 'his', so a text with 'her'"
                            + " gets no male variant (reported as ambiguous)",
                    List.of("male", "female"), rows(
                            "he she", "him her", "his her", "himself herself", "man woman", "men women", "boy girl",
                            "boys girls", "father mother", "fathers mothers", "son daughter", "sons daughters",
                            "brother sister", "brothers sisters", "husband wife", "husbands wives",
                            "boyfriend girlfriend", "uncle aunt", "nephew niece", "grandfather grandmother",
                            "grandson granddaughter", "king queen", "gentleman lady", "gentlemen ladies",
                            "Mr. Ms.", "sir madam", "dad mum", "male female")),
            "names", new AttributeSet("names", "Common English given names, swapped between two groups",
                    List.of("group-a", "group-b"), rows(
                            "James Mary", "John Patricia", "Robert Jennifer", "Michael Linda", "William Elizabeth",
                            "David Barbara", "Richard Susan", "Joseph Jessica", "Thomas Sarah", "Charles Karen")),
            "nationality", new AttributeSet("nationality", "Nationality adjectives (plural nouns such as 'Chinese'"
                    + " would make the adjective ambiguous, so they are left out)",
                    List.of("american", "british", "indian", "nigerian", "chinese", "mexican"), rows(
                            "American British Indian Nigerian Chinese Mexican")),
            "religion", new AttributeSet("religion", "Religions, their followers and places of worship",
                    List.of("christian", "muslim", "jewish", "hindu"), rows(
                            "Christian Muslim Jewish Hindu", "Christians Muslims Jews Hindus",
                            "church mosque synagogue temple", "Christianity Islam Judaism Hinduism"))));

    private BuiltinAttributeSets() {
    }

    private static List<List<String>> rows(String... rows) {
        return java.util.Arrays.stream(rows).map(r -> List.of(r.split(" "))).toList();
    }

    /** The names of the built-in sets, sorted. */
    public static List<String> names() {
        return List.copyOf(SETS.keySet());
    }

    /** A built-in set by name ({@code gender}), or null. */
    public static AttributeSet get(String name) {
        return SETS.get(name);
    }

    /**
     * {@code builtin:NAME} or a path to an attribute set file.
     *
     * @throws IOException naming the set or the file when there is none or it is not an attribute set
     */
    public static AttributeSet resolve(String spec) throws IOException {
        if (spec.startsWith(PREFIX)) {
            AttributeSet set = get(spec.substring(PREFIX.length()));
            if (set == null) {
                throw new IOException(spec + ": no such built-in attribute set (built in: " + String.join(", ",
                        names().stream().map(n -> PREFIX + n).toList()) + ")");
            }
            return set;
        }
        return AttributeSetFile.read(Path.of(spec));
    }
}
