package dk.servicepuls.feedback.analysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The nine rules' topics a text touches: any of a topic's words or phrases (in Danish also as the last part of a
 * compound: "telefonkøen" is about the queue), and a good experience where the sentiment is positive.
 */
final class TopicTags {

    private TopicTags() {
    }

    static Set<Topic> of(List<Token> tokens, Lexicon lexicon, boolean positive) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        int i = 0;
        while (i < tokens.size()) {
            Phrases.Match<Topic> match = lexicon.topics.at(tokens, i);
            if (match != null) {
                topics.add(match.value());
                i = match.end();
                continue;
            }
            if (lexicon.language.joinsCompounds()) {
                Topic part = lexicon.topics.lastPartOf(tokens.get(i).stem(), 2);
                if (part != null) {
                    topics.add(part);
                }
            }
            i++;
        }
        if (positive) {
            topics.add(Topic.GOOD_EXPERIENCE);
        }
        return topics;
    }
}
