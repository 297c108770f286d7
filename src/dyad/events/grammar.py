"""What the event rules ask of a sentence's words: where a clause ends, whether a trigger is a noun
or a passive, what case an actor stands in, which actors a conjunction joins, which stand in a
prepositional phrase. Roles (roles.py), modality, dating and the trigger filters all ask these; the
grammar words are each language's `roles.yaml`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dyad.data import LanguageData, TriggerSpec, government_noun_before
from dyad.events.memo import last_call
from dyad.model import ActorMention, Token
from dyad.patterns import PatternSet

PUNCT_STOP = {",", ";", ":", "(", ")", "—"}
PUNCT_BREAK = {";", ":", "—", "(", ")"}  # a clause ends here (a comma does not end one)
MIN_STEM = 2  # letters before a nominal suffix ("ar-are" is no noun, "vizit-are" would be)


@dataclass
class TriggerMatch:
    start: int  # token indices within the sentence
    end: int
    spec: TriggerSpec


# matches_at(ps, tokens, i): the end of a pattern of `ps` starting at tokens[i], else None.
# matches_in(ps, tokens, lo, hi): does a pattern of `ps` start anywhere in tokens[lo:hi]?
# The methods themselves, not functions calling them: one call frame less on each of the ~2,400
# questions a document the event stage asks (bench/RESULTS.md, round 7).
matches_at = PatternSet.end_at
matches_in = PatternSet.starts_in


def cases_of(a: ActorMention) -> set[str]:
    return set(a.case.split(",")) - {""}


def is_nominative(a: ActorMention) -> bool:
    return "nomn" in cases_of(a)


def may_agree(a: ActorMention, b: ActorMention) -> bool:
    """Two actors may stand in one case; an acronym or a person's name is left out, the analyser
    gives "США", "РФ" or "Пашинян" (read as a plural of "пашинянин") cases that miss some it takes."""
    if a.text.isupper() or b.text.isupper() or a.kind == "person" or b.kind == "person":
        return True
    return not (cases_of(a) and cases_of(b)) or bool(cases_of(a) & cases_of(b))


def is_nominal(data: LanguageData, token: Token) -> bool:
    """A noun naming an act ("semnarea", "подписание", "signing"), by part of speech where the
    language's adapter gives it, else by the lemma's ending."""
    if token.tags:
        return token.tags.startswith("NOUN")
    form, lemma = token.text.lower(), token.lemma.lower()
    if data.article_endings and form != lemma and form.endswith(data.article_endings):
        return True
    # a stem before the ending: "cerere" names the act, "cere" ("to ask") is the verb
    return any(lemma.endswith(s) and len(lemma) - len(s) >= MIN_STEM for s in data.nominal_suffixes)


def named_by_noun(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """The trigger is a noun: by its part of speech or ending, or by a determiner or possessive
    right before it ("the visit", "Eisenhower's visit"; roles.yaml `noun_markers`)."""
    if is_nominal(data, tokens[trig.start]):
        return True
    if trig.start == 0:
        return False
    prev = tokens[trig.start - 1]
    possessive = prev.text.endswith(("'s", "’s"))
    return possessive or matches_at(data.roles["noun_markers"], tokens, trig.start - 1) is not None


def is_passive(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    first = tokens[trig.start]
    if trig.spec.passive or first.tags.startswith("PRTS"):  # Russian short participle: "подписан"
        return True
    if first.text.lower().endswith("ing") or trig.spec.reverse \
            or matches_at(data.roles["predicate_adjectives"], tokens, trig.start) is not None:
        # "is considering": a progressive; "is a threat to": a predicate noun; "was ready to": a
        # predicate adjective (roles.yaml `predicate_adjectives`), not a passive
        return False
    return any(matches_at(data.roles["passive_auxiliary"], tokens, k) is not None
               for k in range(max(0, trig.start - 2), trig.start))


def passive_inside(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """A trigger that opens with its noun and holds the passive ("Sancțiunile au fost extinse",
    "negocierile au fost întrerupte"): an agentless passive."""
    return any(matches_at(data.roles["passive_auxiliary"], tokens, k) is not None
               for k in range(trig.start + 1, trig.end - 1))


def coordinated(data: LanguageData, tokens: Sequence[Token], actors: list[ActorMention],
                head: ActorMention) -> list[ActorMention]:
    """`head` and the actors joined to it by conjunctions or commas ("Germany and Italy",
    "Germany, Italy and Japan"). Commas alone make no list: in "după invadarea Ucrainei de către
    Rusia, România a expulzat" the comma ends a phrase. Each member may be an office, its country
    and a name ("президент Азербайджана Ильхам Алиев, премьер-министр Армении Никол Пашинян и
    президент России Владимир Путин"): offices and names dyad does not know join their neighbours."""
    group = [head]
    ordered = sorted(actors, key=lambda a: a.token_start)

    def bridge(k: int) -> bool:  # a name dyad does not know (unknown names are recognised after this stage)
        return k > 0 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha()

    i = ordered.index(head)
    conjoined = False

    def linking(k: int, gap: range) -> bool:
        return tokens[k].text == "," or bridge(k) or in_office(data, tokens, k) \
            or matches_at(data.roles["conjunction"], tokens, k) is not None \
            or (k > gap.start and matches_at(data.roles["noun_markers"], tokens, k) is not None) \
            or (k > gap.start and matches_at(data.roles["passive_agent"], tokens, k) is not None) \
            or (k > gap.start and matches_at(data.acting_nouns, tokens, k) is not None)  # "și de guvernul japonez"

    for step in (-1, 1):
        j, edge = i, head
        while 0 <= j + step < len(ordered):
            nxt = ordered[j + step]
            left, right = (nxt, edge) if step < 0 else (edge, nxt)
            gap = range(left.token_end, right.token_start)
            same_words = (left.token_start, left.token_end) == (right.token_start, right.token_end)
            # "împăratul Alexandru al II-lea al Rusiei": a person's own country after a link word
            own_country = len(gap) == 1 and nxt.actor.code == edge.actor.code \
                and matches_at(data.roles["office_links"], tokens, gap.start) is not None
            # "the United States and the European Union": an article may stand after the conjunction;
            # "России Владимир Путин": the office's country and its holder stand side by side. (Every word
            # linking is asked first: it mostly fails at the gap's first word, the count of words asks
            # each word's office test; both are pure, so the order changes no answer.)
            joined = same_words or own_country or all(linking(k, gap) for k in gap) \
                and few_words(data, tokens, gap, bridge) and (len(gap) > 0 or nxt.actor.code == edge.actor.code)
            if not joined or not may_agree(nxt, head) and len(gap) > 0:
                break
            conjoined = conjoined or same_words or any(
                matches_at(data.roles["conjunction"], tokens, k) is not None for k in gap)
            group.append(nxt)
            j, edge = j + step, nxt
    if not conjoined:
        return [head]
    return sorted(group, key=lambda a: a.token_start)


def few_words(data: LanguageData, tokens: Sequence[Token], gap: range, bridge: Callable[[int], bool]) -> bool:
    """At most three words of `gap` are neither an unknown name (`bridge`) nor part of an office.
    Stops at the fourth: the gap between two actors far apart may be most of the sentence, and
    each word's office test asks the titles about the three positions up to it."""
    words = 0
    for k in gap:
        if not bridge(k) and not in_office(data, tokens, k):
            words += 1
            if words > 3:
                return False
    return True


def in_office(data: LanguageData, tokens: Sequence[Token], k: int) -> bool:
    """tokens[k] is part of an office's name ("премьер-министр", "prime minister"), or a word linking
    an office to its country ("the President of Azerbaijan"; roles.yaml `office_links`)."""
    if in_office_name(data, tokens, k):
        return True
    return matches_at(data.roles["office_links"], tokens, k) is not None and (
        k + 1 < len(tokens) and in_office_name(data, tokens, k + 1) or k > 0 and in_office_name(data, tokens, k - 1))


def in_office_name(data: LanguageData, tokens: Sequence[Token], k: int) -> bool:
    return any((end := matches_at(data.titles, tokens, j)) is not None and end > k for j in range(max(0, k - 2), k + 1))


def governed(tokens: Sequence[Token], a: ActorMention) -> bool:
    """Right after a preposition (by the analyser's tag)."""
    return a.token_start > 0 and tokens[a.token_start - 1].tags.startswith("PREP")


def after_locative(data: LanguageData, tokens: Sequence[Token], a: ActorMention) -> bool:
    """The actor right after a place preposition (roles.yaml `locative_prepositions`: "in", "în", "в")."""
    return a.token_start > 0 and matches_at(data.roles["locative_prepositions"], tokens, a.token_start - 1) is not None


def after_setting(data: LanguageData, tokens: Sequence[Token], i: int) -> bool:
    """tokens[i] right after a place preposition with its determiner (roles.yaml `setting_prepositions`:
    "at the summit", "la summitul", "на переговорах"): a gathering named as the setting."""
    return any(end == i for _, end, _ in data.roles["setting_prepositions"].find(tokens))


def after_preposition(data: LanguageData, tokens: Sequence[Token], a: ActorMention) -> bool:
    """"cu Germania", "against Japan": an actor in a prepositional phrase is no subject; the seat
    after a government noun is the government ("guvernul de la București a renunțat")."""
    for k in range(a.token_start - 1, max(a.token_start - 3, -1), -1):
        if tokens[k].text in PUNCT_STOP:
            return False
        if any(matches_at(data.roles[key], tokens, k) is not None for key in ("target_prepositions", "between")):
            return government_noun_before(data, tokens, a.token_start) is None
    return False


def prepositional(data: LanguageData, tokens: Sequence[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """Actors inside a prepositional phrase, a list included: in "cu Germania, Turcia și Afganistan"
    all three follow "cu", though only the first stands next to it."""
    marked: list[ActorMention] = []
    for a in actors:
        if a in marked or not after_preposition(data, tokens, a):
            continue
        marked.extend(m for m in coordinated(data, tokens, actors, a) if m.token_start >= a.token_start)
    return marked


def clause_bounds(data: LanguageData, tokens: Sequence[Token], i: int, j: int) -> tuple[int, int]:
    """The token range of the clause holding tokens[i:j]: up to ';', ':' or a clause-break word."""
    stops = clause_stops(data, tokens)
    before = bisect_left(stops, i)  # the stops before tokens[i]
    lo = stops[before - 1] + 1 if before else min(i, 0)  # no stop before: the sentence's start (or i itself
    # when i <= 0, where the token-by-token walk stopped at once)
    after = bisect_left(stops, j)  # the first stop at or after tokens[j]
    hi = stops[after] if after < len(stops) else max(j, len(tokens))  # none after: the end (or j, beyond it)
    return lo, hi


@last_call  # asked for every trigger of a sentence (clause_bounds, dating._clause), found once
def clause_stops(data: LanguageData, tokens: Sequence[Token]) -> list[int]:
    """Ascending positions of the tokens no clause reaches across: a `PUNCT_BREAK` mark or the start
    of a clause-break word (roles.yaml `clause_break`: the positions `matches_at` answers for)."""
    brk = data.roles.get("clause_break")
    words = {i for i, _, _ in brk.find(tokens)} if brk is not None else set()
    adverbial = data.roles.get("not_clause_break")  # "только что": "just", no "that" opening a clause
    if words and adverbial is not None:
        words -= {k for i, j, _ in adverbial.find(tokens) for k in range(i, j)}
    stops = {k for k, tok in enumerate(tokens) if tok.text in PUNCT_BREAK or k in words}
    # "când Armata Roșie înainta spre Varșovia, guvernul polonez a cerut …": a clause a subordinator
    # opens ends at its first comma, before the main clause's own subject
    sub = data.roles.get("subordinators")
    for start, _, _ in sub.find(tokens) if sub is not None else ():
        comma = next((k for k in range(start + 1, len(tokens)) if tokens[k].text == "," or k in stops), None)
        if comma is not None and tokens[comma].text == ",":
            stops.update((start, comma))
    return sorted(stops)


def relative_aside(data: LanguageData, tokens: Sequence[Token], k: int) -> tuple[int, int | None] | None:
    """When tokens[k] is the pronoun of a relative aside (", care a fost condusă", ", which", or with a
    preposition before the pronoun: ", între care și Franța", ", among which"), the comma that opens
    it and the one that closes it (None when none follows)."""
    if k < 1 or matches_at(data.roles["relative_pronouns"], tokens, k) is None:
        return None
    comma = k - 1
    if tokens[comma].text != "," and comma >= 1 and tokens[comma - 1].text == "," and any(
            matches_at(data.roles[key], tokens, comma) is not None for key in ("between", "target_prepositions")):
        comma -= 1
    if tokens[comma].text != ",":
        return None
    return comma, next((c for c in range(k + 1, len(tokens)) if tokens[c].text == ","), None)


def around_relative(data: LanguageData, tokens: Sequence[Token], clause: tuple[int, int], trig: TriggerMatch,
                    actors: list[ActorMention]) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """A relative clause between commas ("delegația Manciu, care a fost condusă de japonezi, a oferit
    un preț") and the clause it sits in. For a trigger after it, the aside's actors play no role and
    the trigger's clause goes on before it, where its subject stands. For a trigger inside it, the
    clause reaches back to the antecedent ("the government, which was supported by Germany") and
    ends at the closing comma, when that antecedent is an actor ("the treaty, which provided for
    consultations" is no party to them). Returns the clause and the aside's token range, if any."""
    aside = relative_aside(data, tokens, clause[0] - 1)  # clause[0] - 1: the word that opened the clause
    if aside is None:
        return clause, None
    comma, close = aside
    k = comma + 1
    lo, _ = clause_bounds(data, tokens, k - 1, k)
    if close is not None and close < trig.start:
        return (lo, clause[1]), (k, close + 1)
    if not any(0 <= k - 1 - a.token_end <= 1 for a in actors):  # "the Romanian government, which"
        return clause, None
    return (lo, min(clause[1], close) if close is not None else clause[1]), None
