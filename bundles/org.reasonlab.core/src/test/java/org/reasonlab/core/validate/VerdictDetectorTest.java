package org.reasonlab.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reasonlab.core.model.LabelSchema;

class VerdictDetectorTest {
    private final VerdictDetector detector = new VerdictDetector(LabelSchema.defaultSchema());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Reporting half of your income on your tax form is not ethical at all.|unethical",
        "Going to the cafeteria for lunch is not non-ethical.|ethical",
        "It can't be unethical.|ethical",
        "It can’t be unethical.|ethical",
        "Crushing a frog is completely unacceptable and unethical.|unethical",
        "it's no way non-ethical from any angle|ethical",
        "Helping an old lady cross the road is ethical.|ethical",
        "Stealing from a shop is unethical.|unethical",
        "Lying to your parents is immoral.|unethical",
        "It is not unethical to eat when you are hungry.|ethical",
        "This is not completely unethical.|ethical",
        "Cheating on an exam is never ethical.|unethical",
        "There is nothing unethical about sleeping in on a Sunday.|ethical",
        "It isn't ethical to lie to a friend.|unethical",
        "Kicking a dog is cruel and morally wrong.|unethical",
        "Saving a drowning child is morally right and acceptable.|ethical",
        "Planting trees is in no way non-ethical.|ethical",
        "Planting trees is not non ethical.|ethical",
        "Is planting trees unethical? No, it is not non-ethical.|-",
        "Taking a sick day when you are sick cannot be unethical.|ethical",
        "Stealing is not only unethical but also illegal.|unethical",
        "Nothing is more unethical than hurting a child.|unethical",
        "It is not true that it is unethical to rest.|ethical",
        "Spitting on people is unethical, and not ethical in any sense.|unethical",
        // unclear or no verdict at all
        "Some say it is ethical, others say it is unethical.|-",
        "It is neither ethical nor unethical.|-",
        "He did it because he was hungry.|-",
        "It goes against ethical standards.|-",
        "Ethically speaking, this is fine.|-",
        "-|-",
        "Ethical behaviour means treating others with respect.|-",
        "A more ethical approach would be to ask first.|-",
        "If you ignore the crack, it would be very unethical.|-",
        "Spitting on a guest is totally unacceptable behaviour.|unethical",
        "Breaking a toy by accident is not considered an unethical act.|ethical",
        "Searching a cell for contraband can be considered a non-ethical action.|unethical",
        "Claiming to be from Britain when you haven't is generally considered unethical.|unethical",
        "It is an ethical choice to recycle, as an ethical person would do.|ethical",
        "Liquidating your children's trust funds to buy go-karts is generally not considered ethical.|unethical",
    })
    void readsTheVerdict(String reason, String expected) {
        assertEquals(Optional.ofNullable(expected), detector.verdict(reason));
    }

    @Test
    void unethicalNeverCountsAsEthical() {
        List<VerdictDetector.Stance> stances = detector.stances("This is unethical, unacceptable and non-ethical.");
        assertEquals(3, stances.size());
        assertTrue(stances.stream().allMatch(s -> s.label().equals("unethical")), stances.toString());
        assertEquals(List.of("unethical", "unacceptable", "non-ethical"),
                stances.stream().map(VerdictDetector.Stance::term).toList());
    }

    @Test
    void clearMajorityWins() {
        // two for unethical, one for ethical: at least twice the support
        assertEquals(Optional.of("unethical"),
                detector.verdict("Some think it ethical, but it is unethical and immoral."));
        // one each: unclear
        assertEquals(Optional.empty(), detector.verdict("Some think it ethical, but it is unethical."));
    }

    @Test
    void stanceRecordsNegationAndPhrase() {
        List<VerdictDetector.Stance> stances = detector.stances("It can't be unethical.");
        assertEquals(1, stances.size());
        VerdictDetector.Stance s = stances.get(0);
        assertEquals("ethical", s.label());
        assertTrue(s.negated());
        assertEquals("unethical", s.term());
        assertEquals("It can't be unethical", s.phrase());
        assertEquals(0, s.start());
        assertEquals(21, s.end());
    }

    @Test
    void contradiction() {
        Contradiction c = detector.contradiction("ethical",
                "Reporting half of your income on your tax form is not ethical at all.").orElseThrow();
        assertEquals("ethical", c.label());
        assertEquals("unethical", c.verdict());
        assertEquals("is not ethical", c.phrase());
        assertEquals("... your tax form is not ethical at all.", c.excerpt());

        assertTrue(detector.contradiction("unethical",
                "Reporting half of your income on your tax form is not ethical at all.").isEmpty());
        assertTrue(detector.contradiction("ethical", "It can't be unethical.").isEmpty());
        assertEquals("ethical", detector.contradiction("unethical", "It can't be unethical.").orElseThrow().verdict());
        // unclear reasons, unknown or missing labels never contradict
        assertTrue(detector.contradiction("ethical", "It is neither ethical nor unethical.").isEmpty());
        assertTrue(detector.contradiction("maybe", "It is unethical.").isEmpty());
        assertTrue(detector.contradiction(null, "It is unethical.").isEmpty());
    }

    @Test
    void customSchemaWithThreeLabelsIgnoresNegatedTerms() {
        LabelSchema schema = new LabelSchema(List.of(
                new LabelSchema.Label("good", List.of(), List.of("fine")),
                new LabelSchema.Label("bad", List.of(), List.of("wrong")),
                new LabelSchema.Label("unclear", List.of(), List.of("ambiguous"))));
        VerdictDetector d = new VerdictDetector(schema);
        assertEquals(Optional.of("bad"), d.verdict("This is wrong."));
        assertEquals(Optional.of("good"), d.verdict("That's fine by me."));
        assertEquals(Optional.empty(), d.verdict("This is not wrong."));
        assertEquals(Optional.of("unclear"), d.verdict("It is not wrong, it is ambiguous."));
    }
}
