/**
 * Text analysis of comments, contact notes and complaint texts in Danish and English: language, sentiment with a
 * score, complaint intent with the words that triggered it, and topic tags for the nine rules of good citizen
 * service. {@link dk.servicepuls.feedback.analysis.TextAnalyzer} is the feature's API, also served as
 * {@code POST /api/v1/analysis}. Tokenising and stemming are Lucene's; the lexicons (resources
 * {@code analysis/lexicon-da.txt}, {@code analysis/lexicon-en.txt}) are this project's, built as LEXICON.md says.
 */
package dk.servicepuls.feedback.analysis;
