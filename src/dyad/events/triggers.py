"""Which trigger matches of a sentence are acts told: finding the triggers (longest first, not
across clauses), and the tests that set a match aside — a topic of another trigger ("talks on
economic cooperation"), the content of a proposal, a document's title, an act named only to date
another ("after the Russo-Japanese War") — or turn it into a refused act ("refused to break with").
"""

from __future__ import annotations

from collections.abc import Sequence

from dyad.data import LanguageData
from dyad.events.grammar import (
    PUNCT_BREAK,
    TriggerMatch,
    after_setting,
    clause_bounds,
    matches_at,
    matches_in,
    named_by_noun,
)
from dyad.events.memo import last_call
from dyad.model import Document, Token

PROPOSAL_REACH = 6  # words between a proposal's trigger and the act it proposes
TITLE_REACH = 8  # words of a document's name after its topic word ("о дружбе, сотрудничестве и …")
TOPIC_GAP = 3  # words between an act and the topic marker after it ("with Japan on")


def find_triggers(data: LanguageData, tokens: Sequence[Token]) -> list[TriggerMatch]:
    """Non-overlapping trigger matches, longest first. A `not_events` phrase ("civil war") holds its
    words and gives no trigger."""
    return _matches(data, tokens)[0]


def held_phrases(data: LanguageData, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """The token spans of the `not_events` phrases that won their words ("alianță îndreptată
    împotriva unui atac sovietic": the feared attack's actor is no party to the alliance)."""
    return _matches(data, tokens)[1]


@last_call  # asked by find_triggers and held_phrases for the same sentence: found once
def _matches(data: LanguageData, tokens: Sequence[Token]) -> tuple[list[TriggerMatch], list[tuple[int, int]]]:
    taken = [False] * len(tokens)
    out, held = [], []
    # a `not_events` phrase wins a tie with a trigger of the same span; then the pattern naming more
    # words ("предъявить … ультиматум с требование" over "предъявить … требование")
    for i, j, p in sorted(data.triggers.find(tokens),
                          key=lambda m: (-(m[1] - m[0]), m[0], bool(m[2].payload.kind), -len(m[2].items))):
        if any(taken[i:j]) or _spans_clauses(data, tokens, i, j):
            continue
        taken[i:j] = [True] * (j - i)
        if not p.payload.kind:
            held.append((i, j))
            continue
        out.append(TriggerMatch(i, j, p.payload))
    return sorted(out, key=lambda t: t.start), held


def _spans_clauses(data: LanguageData, tokens: Sequence[Token], i: int, j: int) -> bool:
    """A gapped match that runs past a clause's end (`PUNCT_BREAK`: a semicolon, colon, dash or
    bracket) or into a relative clause ("санкций по отношению к Москве, которые были введены")
    joins words of two clauses: it is no trigger (a shorter one in its place may be)."""
    for k in range(i + 1, j - 1):
        if tokens[k].text in PUNCT_BREAK or tokens[k].text == "," \
                and matches_at(data.roles["relative_pronouns"], tokens, k + 1) is not None:
            return True
    return False


def is_topic(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, earlier: list[TriggerMatch]) -> bool:
    """"talks on economic cooperation", "переговоры о мирном договоре": a trigger right after a
    topic marker that itself follows another trigger is that trigger's topic, not an event."""
    for k in range(max(0, trig.start - 2), trig.start):
        if matches_at(data.roles["topic_markers"], tokens, k) is None:
            continue
        # the marker may follow the other trigger's own partner ("выходит из диалога с Японией о
        # налаживании совместной деятельности"), not a clause break, a conjunction or a verb
        # ("обвинила Россию в нарушении ДРСМД и объявила о приостановке участия")
        head = [t for t in earlier if 0 <= k - t.end <= TOPIC_GAP and not matches_in(
            data.roles["conjunction"], tokens, t.end, k) and not any(
            tok.text in PUNCT_BREAK or tok.text == "," or tok.tags.startswith(("VERB", "INFN", "PRTS", "GRND"))
            for tok in tokens[t.end:k])]
        # "подписали протокол о прекращении огня": a document signed about ending a war ends it (DESIGN §3)
        if head and not (trig.spec.kind == "END_WAR" and all(t.spec.kind == "SIGN_AGREEMENT" for t in head)):
            return True
    return False


def in_document_title(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """"Договор о дружбе, сотрудничестве и взаимной помощи", "the Treaty of Friendship, Cooperation
    and Mutual Assistance": a document's name written with a capital in mid-sentence and a topic
    word ("о", "of", "de") names what the document is about; the acts inside the name are no events.
    The name runs over words, commas and conjunctions, up to a verb, a number, other punctuation or
    a word that opens a phrase of its own ("between", "with", "in" …)."""
    nouns, topic = data.roles["document_nouns"], data.roles["topic_markers"]
    stops = [data.roles[k] for k in ("between", "target_prepositions", "locative_prepositions", "time_prepositions")]
    for k in range(max(1, trig.start - TITLE_REACH), trig.start):
        end = matches_at(nouns, tokens, k)
        if end is None or not tokens[k].text[:1].isupper() or end >= len(tokens) \
                or matches_at(topic, tokens, end) is None:
            continue
        j = end + 1
        while j < len(tokens) and j - end <= TITLE_REACH and (
                tokens[j].text == "," or any(c.isalpha() for c in tokens[j].text)
                and not tokens[j].tags.startswith(("VERB", "INFN", "PRTF", "PRTS", "GRND", "PREP"))
                and not any(matches_at(ps, tokens, j) is not None for ps in stops)):
            j += 1
        if trig.end <= j:
            return True
    return False


def is_subject_matter(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """"problema încheierii unui tratat de pace", "перспективы заключения мирного договора", "the
    issue of signing a peace treaty": an act's noun after a noun naming a subject of discussion
    (roles.yaml `subject_nouns`) is what is discussed, not an act told."""
    return any(matches_at(data.roles["subject_nouns"], tokens, k) == trig.start
               for k in range(max(0, trig.start - 3), trig.start))


def is_proposal_content(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch,
                        proposals: list[TriggerMatch]) -> bool:
    """"Japonia ar trebui să invite URSS să normalizeze relațiile": what a proposal proposes is its
    content, coded by the proposal itself (DESIGN §3), not a second proposal by the one invited;
    what a refusal refuses ("Russia refused to pay it") never happened. `proposals`: earlier
    proposal and refusal triggers of the sentence that gave an event. An act joined by a
    conjunction ("does not intend to continue talks and ends visa-free travel") is no content."""
    if not proposals:
        return False
    clause = clause_bounds(data, tokens, trig.start, trig.end)
    return any(clause[0] <= t.start and 0 <= trig.start - t.end <= PROPOSAL_REACH
               and not matches_in(data.roles["conjunction"], tokens, t.end, trig.start) for t in proposals)


def refusal_before(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> int | None:
    """"refused to break with China", "a refuzat să se alăture sancțiunilor", "отказалась
    присоединиться к западным санкциям": where a refusal cue (modality.yaml `refused`) starts that
    ends right before the trigger, or before a joining verb and one word more ("Western"), with only
    `refusal_gap` words ("se", "formally") between; None if there is none. "отказываться от
    санкций" renounces the sanctions: a word like "от" between refuses no act."""
    cue = data.modality
    for k in range(max(0, trig.start - 8), trig.start):
        end = matches_at(cue["refused"], tokens, k)
        if end is None or end > trig.start:
            continue
        joined = False
        while end < trig.start:
            after_join = matches_at(data.roles["joining"], tokens, end)
            if after_join is not None and after_join <= trig.start:
                end, joined = after_join, True
            elif matches_at(cue["refusal_gap"], tokens, end) is not None:
                end += 1
            else:
                break
        if end == trig.start or joined and trig.start - end == 1:
            return k
    return None


def is_background(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """"after the Russo-Japanese War", "во время холодной войны", "după semnarea tratatului": a
    trigger governed by a time preposition (or a remembrance word: "the anniversary of the war")
    dates something else; the act it names is background.
    Up to three words (an article, adjectives: "after the Second World War") may stand between."""
    if not named_by_noun(data, tokens, trig) and not tokens[trig.start].text[:1].isupper():
        return False  # a verb; a capitalised word begins a name ("after the Russo-Japanese War")
    preps = data.roles["time_prepositions"]
    remembered = data.modality.get("commemorated")
    for k in range(max(0, trig.start - 4), trig.start):
        # "on the thirtieth anniversary of the war", "в честь годовщины подписания": the act is
        # remembered at another time, which is no date of its own
        end = matches_at(preps, tokens, k) or (remembered is not None and matches_at(remembered, tokens, k)) or None
        if end is not None and trig.start - 3 <= end <= trig.start and \
                not any(t.text in PUNCT_BREAK or t.text == "," for t in tokens[end:trig.start]):
            return True
    return False


def undated_title(doc: Document) -> int | None:
    """The document's title, when it is a heading that gives no date: "Israel and Egypt: four wars,
    one treaty and a peace that never warmed", "Russia and Finland: from recognition to a closed
    border" sum up what the text tells, so they tell no event of their own ("The Russo-Japanese War
    of 1904–1905" names one, dated)."""
    first = next((k for k, p in enumerate(doc.paragraphs) if not p.removed), None)
    if first is None or not doc.paragraphs[first].heading:
        return None
    para = doc.paragraphs[first]
    if any(para.start <= t.start < para.end for t in doc.times):
        return None
    return first


def is_setting(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, triggers: list[TriggerMatch]) -> bool:
    """"Only in October 1989, at talks in Madrid, did the two sides sign …", "на переговорах в Москве
    Сталин потребовал …": a gathering's noun right after a place preposition (roles.yaml
    `setting_prepositions`, with its determiner: "at that meeting", "la o ședință") is where the
    act of a later verb of the sentence happened (`triggers`), not an event told. A noun after it
    ("la o ședință a Comisiei … pentru cooperare") is no such act; nor is an accusative after the
    preposition, which names a goal ("реакция на визит"). The caller asks it of gatherings only."""
    first = tokens[trig.start]
    if "accs" in first.tags.split(",") or not any(
            t.start >= trig.end and t.spec.kind != trig.spec.kind and not named_by_noun(data, tokens, t)
            for t in triggers):
        return False
    return after_setting(data, tokens, trig.start)


def is_description(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """"The relations between London and Dublin is the story of a conquest": an act's noun in the
    predicate of a present copula (roles.yaml `description_copulas`, up to four words between,
    none a comma or an inflected word) says what something is, not what happened. A noun that is
    itself an act when predicated ("Russia is a threat to Japan", `reverse` triggers) stays one,
    and so does an event's name ("una dintre cele mai dramatice pagini este Războiul ruso-japonez")."""
    if trig.spec.reverse or tokens[trig.start].text[:1].isupper() or not named_by_noun(data, tokens, trig):
        return False
    for k in range(max(0, trig.start - 5), trig.start):
        end = matches_at(data.roles["description_copulas"], tokens, k)
        if end is not None and end <= trig.start and not any(
                tokens[j].text == "," or tokens[j].text.lower() != tokens[j].lemma.lower()
                and tokens[j].text[:1].islower() and matches_at(data.roles["noun_markers"], tokens, j) is None
                for j in range(end, trig.start)):
            return True
    return False


def names_a_document(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """"the annexation treaty was signed", "a disengagement agreement": a one-word act noun right
    before a document's noun (roles.yaml `document_heads`) names what the document is about, and
    the document's own verb tells the event. A ceasefire or armistice agreement still ends the
    fighting (DESIGN §3), as in `is_topic`."""
    return trig.end - trig.start == 1 and trig.spec.kind != "END_WAR" and trig.end < len(tokens) \
        and matches_at(data.roles["document_heads"], tokens, trig.end) is not None


def names_a_state(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """"the embargo will stay until Cuba holds free elections", "Trade is modest": a one-word act
    noun as the subject of a state verb (roles.yaml `state_verbs`) names how things stand, not an
    act. A passive after the verb ("the embargo was imposed in 1962", "a fost impus") is an act:
    no state when a trigger follows within two words, or right after it an inflected word (its text
    is not its lemma: a participle, whether or not the analyser tags it) or a participle tag."""
    # a word that opens the sentence right before a state verb is its subject, so a noun ("Trade is
    # modest": English gives no parts of speech)
    if trig.end - trig.start != 1 or trig.end >= len(tokens) \
            or not (trig.start == 0 or named_by_noun(data, tokens, trig)):
        return False
    end = matches_at(data.roles["state_verbs"], tokens, trig.end)
    if end is None or end == len(tokens) or any(end <= t.start <= end + 1 for t in find_triggers(data, tokens)):
        return False
    word = tokens[end]
    return word.text.lower() == word.lemma.lower() and not word.tags.startswith(("PRTS", "PRTF", "VERB"))
