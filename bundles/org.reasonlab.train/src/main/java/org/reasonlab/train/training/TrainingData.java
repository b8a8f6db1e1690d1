package org.reasonlab.train.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.reasonlab.core.prompt.TrainingExample;
import org.reasonlab.core.training.MaskedSpans;
import org.reasonlab.core.training.TrainingItem;
import org.reasonlab.train.model.AnswerTokens;
import org.reasonlab.train.model.ModelTokenizer;
import org.reasonlab.train.model.PromptFit;

/**
 * Tokenised training set and its deterministic batch plan. Prompt and answer ids follow
 * {@link AnswerTokens} (the ids generation and scoring use too), the answer with EOS appended, so
 * the loss can cover the answer only. Too long
 * examples lose prompt tokens from the left, BOS kept ({@link PromptFit}, the rule generation and
 * scoring follow too); the answer is cut only when it alone does not fit. Each epoch's order depends
 * only on (seed, epoch): examples are shuffled, cut into chunks of {@value #CHUNK_BATCHES} batches,
 * sorted by length within a chunk (less padding), batched, and the batches shuffled again.
 */
public final class TrainingData {
    static final int CHUNK_BATCHES = 8;

    private final List<TokenizedExample> examples;
    private final List<CounterfactualPair> pairs;
    private final int batchSize;
    private final long seed;
    private final int truncatedPrompts;
    private final int truncatedAnswers;
    private final int longestAnswer;
    private final int longestPrompt;

    private TrainingData(List<TokenizedExample> examples, List<CounterfactualPair> pairs, int batchSize, long seed,
            int truncatedPrompts, int truncatedAnswers, int longestAnswer, int longestPrompt) {
        this.examples = List.copyOf(examples);
        this.pairs = List.copyOf(pairs);
        this.batchSize = batchSize;
        this.seed = seed;
        this.truncatedPrompts = truncatedPrompts;
        this.truncatedAnswers = truncatedAnswers;
        this.longestAnswer = longestAnswer;
        this.longestPrompt = longestPrompt;
    }

    /**
     * @param eosId          appended to every answer (null: none)
     * @param maxLength      most tokens per sequence (at least 2)
     * @param lossOnPrompt   whether prompt tokens (after BOS) count in the loss too
     */
    public static TrainingData tokenize(List<TrainingExample> examples, ModelTokenizer tokenizer, Integer eosId,
            int maxLength, boolean lossOnPrompt, int batchSize, long seed) {
        return tokenize(TrainingItem.plain(examples), tokenizer, eosId, maxLength, lossOnPrompt, batchSize, seed, null);
    }

    /**
     * The items' sequences, each with its loss weight and, for the mask-based mitigation, its masked answer tokens
     * (those whose characters overlap a masked word, by the tokenizer's offsets); with {@code labels}, the
     * counterfactual pairs of the items that have variants ({@link CounterfactualPair}).
     *
     * @param labels the label continuations the consistency term compares; null when it is off
     */
    public static TrainingData tokenize(List<TrainingItem> items, ModelTokenizer tokenizer, Integer eosId,
            int maxLength, boolean lossOnPrompt, int batchSize, long seed, LabelContinuations labels) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxSequenceLength must be at least 2, was " + maxLength);
        }
        List<TokenizedExample> out = new ArrayList<>();
        List<CounterfactualPair> pairs = new ArrayList<>();
        int cutPrompts = 0;
        int cutAnswers = 0;
        int longest = 0;
        int longestPrompt = 0;
        Integer bos = tokenizer.bosId();
        AnswerTokens tokens = new AnswerTokens(tokenizer);
        for (TrainingItem item : items) {
            TrainingExample e = item.example();
            AnswerTokens.Example split = tokens.split(e.prompt(), e.answer()).withEnd(eosId);
            long[] prompt = split.prompt();
            long[] answer = split.answer();
            boolean[] answerMasked = item.maskedWords().isEmpty() ? null
                    : maskedAnswerTokens(tokenizer, e, prompt.length, answer.length, item.maskedWords());
            longest = Math.max(longest, answer.length);
            longestPrompt = Math.max(longestPrompt, prompt.length);
            boolean hasBos = prompt.length > 0 && bos != null && prompt[0] == bos;
            int keepHead = hasBos ? 1 : 0;
            if (prompt.length + answer.length > maxLength) {
                int room = maxLength - answer.length;
                if (room < keepHead + 1) {
                    // the answer alone does not fit: keep BOS + 1 prompt token, cut the answer's end
                    cutAnswers++;
                    room = Math.min(prompt.length, keepHead + 1);
                    answer = Arrays.copyOf(answer, maxLength - room);
                }
                if (prompt.length > room) {
                    prompt = PromptFit.left(prompt, room, bos);
                    cutPrompts++;
                }
            }
            long[] ids = Arrays.copyOf(prompt, prompt.length + answer.length);
            System.arraycopy(answer, 0, ids, prompt.length, answer.length);
            int lossStart = lossOnPrompt ? 1 : Math.max(1, prompt.length);
            boolean[] masked = null;
            if (answerMasked != null) {
                masked = new boolean[ids.length];
                for (int a = 0; a < answer.length; a++) {
                    masked[prompt.length + a] = answerMasked[a];
                }
            }
            int pair = -1;
            if (labels != null && !item.variantPrompts().isEmpty()) {
                pair = pairs.size();
                pairs.add(CounterfactualPair.of(e.prompt(), item.variantPrompts(), labels, tokens, eosId, maxLength, bos));
            }
            out.add(new TokenizedExample(ids, lossStart, (float) item.lossWeight(), masked, pair));
        }
        return new TrainingData(out, pairs, batchSize, seed, cutPrompts, cutAnswers, longest, longestPrompt);
    }

    /** Which of the answer's tokens (EOS, if added, last) overlap a masked word of the answer. */
    private static boolean[] maskedAnswerTokens(ModelTokenizer tokenizer, TrainingExample e, int promptTokens,
            int answerTokens, List<String> words) {
        boolean[] masked = new boolean[answerTokens];
        List<MaskedSpans.Span> spans = MaskedSpans.of(e.answer(), words);
        if (spans.isEmpty()) {
            return masked;
        }
        int[][] chars = tokenizer.spans(e.text());
        int offset = e.prompt().length();
        for (int a = 0; a < answerTokens; a++) {
            int[] c = promptTokens + a < chars.length ? chars[promptTokens + a] : null;
            if (c == null) {
                continue;
            }
            for (MaskedSpans.Span span : spans) {
                if (span.overlaps(c[0] - offset, c[1] - offset)) {
                    masked[a] = true;
                }
            }
        }
        return masked;
    }

    /** The counterfactual pairs of the consistency term; empty when it is off. */
    public List<CounterfactualPair> pairs() {
        return pairs;
    }

    public List<TokenizedExample> examples() {
        return examples;
    }

    public int size() {
        return examples.size();
    }

    public int truncatedPrompts() {
        return truncatedPrompts;
    }

    public int truncatedAnswers() {
        return truncatedAnswers;
    }

    /** Tokens of the longest answer, EOS included, before any cut to fit the sequence length. */
    public int longestAnswer() {
        return longestAnswer;
    }

    /** Tokens of the longest prompt, before any cut to fit the sequence length. */
    public int longestPrompt() {
        return longestPrompt;
    }

    /** Micro-batches (forward passes) per epoch. */
    public int batchesPerEpoch() {
        return (examples.size() + batchSize - 1) / batchSize;
    }

    /** The micro-batches of an epoch (0-based) as example indices; the same for the same (seed, epoch). */
    public List<int[]> epochBatches(int epoch) {
        Random rng = new Random(seed * 1_000_003L + epoch);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rng);
        int chunk = batchSize * CHUNK_BATCHES;
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.size(); start += chunk) {
            List<Integer> c = new ArrayList<>(order.subList(start, Math.min(order.size(), start + chunk)));
            c.sort(Comparator.comparingInt((Integer i) -> examples.get(i).length()).reversed());
            for (int b = 0; b < c.size(); b += batchSize) {
                batches.add(c.subList(b, Math.min(c.size(), b + batchSize)).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        Collections.shuffle(batches, rng);
        return batches;
    }
}
