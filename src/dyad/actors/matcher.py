"""ActorTagger: country, capital, demonym and organisation mentions, matched on lemmas.

Names come from CLDR (every locale Babel knows) plus each language's `actors.yaml`. A
demonym counts only where it modifies an acting noun ("trupele sovietice", "японская
сторона", "the Japanese government") or is itself the noun for a people ("японцы",
"japonezii", "the Russians"): "limba japoneză" names no actor. A compound
adjective ("ruso-japonez", "советско-японский") names two parties at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from dyad.actors.ambiguity import Context, resolve, sentence_dates
from dyad.data import AliasSpec, LanguageData, actor_kind, demonym_noun_at, government_noun_before, load_language
from dyad.lang import adapter_for
from dyad.model import ActorMention, ActorRef, Document, Token

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
ACTING_NOUN_DISTANCE = 2


def _cases(tags: str) -> str:
    present = tags.split(",")
    return ",".join(c for c in CASES if c in present)


def _is_acting_noun(data: LanguageData, tokens: Sequence[Token], k: int) -> bool:
    return data.acting_nouns.end_at(tokens, k) is not None


def _is_link(data: LanguageData, tokens: Sequence[Token], k: int) -> bool:
    """A word that may stand between a demonym and its noun: a comma, a conjunction or another demonym."""
    tok = tokens[k]
    if tok.text == "," or tok.tags.startswith("ADJ"):  # "японские и маньчжурские силы": any adjective
        return True
    if data.roles["conjunction"].end_at(tokens, k) is not None:
        return True
    return any(p.payload.kind == "adjective" and p.match_at(tokens, k) is not None
               for p in data.aliases.candidates(tok))


def _near_acting_noun(data: LanguageData, tokens: Sequence[Token], i: int, j: int) -> bool:
    """An acting or act noun next to the demonym, also across a chain ("Soviet and Mongolian troops")."""
    for k in range(max(0, i - ACTING_NOUN_DISTANCE), min(len(tokens), j + ACTING_NOUN_DISTANCE)):
        if not i <= k < j and demonym_noun_at(data, tokens, k):
            return True
    k = j
    while k < len(tokens) and k - j < 6 and _is_link(data, tokens, k):
        k += 1
    if k < len(tokens) and k > j and demonym_noun_at(data, tokens, k):
        return True
    if i >= 3 and demonym_noun_at(data, tokens, i - 3) and \
            data.complement_links.end_at(tokens, i - 2) is not None:
        return True  # "ofițerul de informații sovietic": the demonym follows the noun's complement
    k = i - 1  # "trupele sovietice și mongole": the noun stands before the chain
    while k >= 0 and i - k < 6 and _is_link(data, tokens, k):
        k -= 1
    return 0 <= k < i - 1 and demonym_noun_at(data, tokens, k)


def _is_people_noun(data: LanguageData, tokens: Sequence[Token], i: int, j: int) -> bool:
    """A demonym used as a noun names its people acting: "японцы", "japonezii", "de japonezi", "the Russians"."""
    last = tokens[j - 1]
    if last.tags.split(",")[0] == "NOUN":  # languages whose adapter gives parts of speech
        return True
    if data.people_suffixes and last.text.lower().endswith(data.people_suffixes) and last.text.lower() != last.lemma:
        return True
    if i > 0 and data.people_after.end_at(tokens, i - 1) is not None:
        return True
    if i > 0 and j < len(tokens) and data.people_article.end_at(tokens, i - 1) is not None:
        nxt = tokens[j]
        return not nxt.text[:1].isalpha() or nxt.text.lower() != nxt.lemma or nxt.lemma in ("and", "or")
    return False


def _head_case(data: LanguageData, tokens: Sequence[Token], i: int, j: int) -> str:
    """The grammatical case of the phrase a name belongs to: "президент России" acts as a nominative,
    because its head, the acting noun before the genitive name, is one."""
    own = _cases(tokens[j - 1].tags)
    last = own.split(",")
    if j - i > 1 and tokens[i].tags.startswith("NOUN") and "gent" in last and "nomn" not in last:
        own = _cases(tokens[i].tags) or own  # "МИД России": the first noun heads, the name after it is its genitive
    # "большую часть советской Карелии": an adjective name modifying a noun after it that acts for
    # nobody belongs to that noun's phrase, not to the acting noun before it ("представители
    # российского правительства" still acts as its head does)
    modifies_next = tokens[j - 1].tags.startswith("ADJF") and j < len(tokens) and tokens[j].tags.startswith("NOUN") \
        and bool(set(last) & set(_cases(tokens[j].tags).split(","))) and not _is_acting_noun(data, tokens, j)
    if i > 0 and "nomn" not in own.split(",") and not modifies_next and _is_acting_noun(data, tokens, i - 1):
        return _cases(tokens[i - 1].tags) or own
    return own


def _sector(spec: AliasSpec) -> str | None:
    if spec.sector:
        return spec.sector
    return "GOV" if spec.kind == "capital" else None


def _mention(data: LanguageData, doc_text: str, tokens: Sequence[Token], i: int, j: int, spec: AliasSpec,
             sentence: int) -> ActorMention:
    start, end = tokens[i].start, tokens[j - 1].end
    kind = spec.kind if spec.kind in ("organization", "person") else actor_kind(spec.code)
    ref = ActorRef(spec.code, spec.polity, _sector(spec), spec.person)
    return ActorMention(start, end, doc_text[start:end], ref, kind, sentence,  # type: ignore[arg-type]
                        i, j, _head_case(data, tokens, i, j), demonym=spec.kind == "adjective")


def _compound(data: LanguageData, tok: Token) -> tuple[str, str] | None:
    """"ruso-japonez" → (RUS, JPN): a known first part, then a demonym or name. The first part may
    also be a whole demonym ("japonez-american", "japoneze-manciu")."""
    if "-" not in tok.text:
        return None
    first, _, rest = tok.lemma.partition("-")
    first_code = data.compound_prefixes.get(first) or _word_code(data, tok.text.partition("-")[0])
    if not first_code:
        return None
    last = rest.rpartition("-")[2]
    last_code = _word_code(data, last, lemmatize=False)
    if last_code:
        return first_code, last_code
    middle = rest.partition("-")[0]
    if middle in data.compound_prefixes:  # "sovieto-ruso-japonez" and the like: take the last two
        return data.compound_prefixes[middle], data.compound_prefixes.get(last, "")
    return None


def _word_code(data: LanguageData, word: str, lemmatize: bool = True) -> str | None:
    """The code of a one-word name or demonym ("japoneze" → JPN), looked up by its lemma."""
    word = word.lower()
    probes = [Token(0, 0, word, word)]
    if lemmatize:
        probes.append(Token(0, 0, word, _lemma(data.code, word)))
    for probe in probes:
        for p in data.aliases.candidates(probe):
            if len(p.items) == 1 and p.items[0].matches(probe) and p.payload.kind in ("name", "adjective"):
                return str(p.payload.code)
    return None


@lru_cache(maxsize=4096)
def _lemma(code: str, word: str) -> str:
    adapter = adapter_for(code)
    tokens = adapter.tokenize(word) if adapter else []
    return tokens[0].lemma if len(tokens) == 1 else word


def find_actors(doc_text: str, tokens: Sequence[Token], code: str, sentence: int) -> list[ActorMention]:
    """Actor mentions of one sentence; an ambiguous name is read from this sentence alone (the
    pipeline stage reads it from its paragraph, document and date)."""
    data = load_language(code)
    found = _find(data, doc_text, tokens, sentence)
    return [m for m, spec in found if not spec.ambiguous or _settle(data, m, spec, Context(tokens))]


def _settle(data: LanguageData, m: ActorMention, spec: AliasSpec, context: Context) -> bool:
    """Give an ambiguous mention the actor its context points to; False when it names none then."""
    if not spec.ambiguous:
        return True
    chosen = resolve(data, spec.ambiguous, context)
    if chosen is None or chosen.code is None:
        return False
    m.actor = ActorRef(chosen.code, chosen.polity or spec.polity, m.actor.sector, m.actor.person)
    m.kind = actor_kind(chosen.code)  # type: ignore[assignment]
    return True


def _find(data: LanguageData, doc_text: str, tokens: Sequence[Token],
          sentence: int) -> list[tuple[ActorMention, AliasSpec]]:
    found: list[tuple[ActorMention, AliasSpec]] = []
    used = [False] * len(tokens)
    named = [False] * len(tokens)
    for i, j, _ in data.agreements.find(tokens):
        named[i:j] = [True] * (j - i)
    for i, j, pattern in data.aliases.find(tokens):
        if any(used[i:j]):
            continue
        spec: AliasSpec = pattern.payload
        if spec.kind == "capital" and any(named[i:j]):
            continue  # "Tokyo" in "the Tokyo Declaration" is where it was made; "româno-ungar" names parties
        if spec.kind == "adjective":
            if not (_near_acting_noun(data, tokens, i, j) or _is_people_noun(data, tokens, i, j)):
                continue
        elif spec.cased and not tokens[i].text[:1].isupper():
            continue  # proper names are written with a capital: "того" is no Togo, "china" no China
        found.append((_mention(data, doc_text, tokens, i, j, spec, sentence), spec))
        used[i:j] = [True] * (j - i)
    for i, tok in enumerate(tokens):
        if used[i]:
            continue
        pair = _compound(data, tok)
        if not pair or not pair[1] or pair[0] == pair[1]:
            continue
        if _near_acting_noun(data, tokens, i, i + 1):
            # "trupele sovieto-mongole": two states acting together, not the two sides of an event
            found.extend((_mention(data, doc_text, tokens, i, i + 1, AliasSpec(code), sentence), AliasSpec(code))
                         for code in pair)
        else:
            m = _mention(data, doc_text, tokens, i, i + 1, AliasSpec(pair[0]), sentence)
            m.pair = ActorRef(pair[1])
            found.append((m, AliasSpec(pair[0])))
    for m, _ in found:
        others = [f[0] for f in found]
        m.location = _is_location(data, tokens, m, others)
        if m.location and _speaks_from_seat(data, tokens, m, others):
            m.location, m.case = False, "nomn"  # the subject of its clause, whatever the preposition's case
        m.title = _title_beside(data, tokens, m)
    found.sort(key=lambda f: f[0].token_start)
    return found


def _title_beside(data: LanguageData, tokens: Sequence[Token], m: ActorMention) -> str | None:
    """An office named right beside a country: "премьер-министр Японии", "the Japanese prime
    minister", "președintele rus", "president of Russia"."""
    if m.kind not in ("country", "polity") or m.actor.person:
        return None
    for i, j, p in data.titles.find_within(tokens, max(0, m.token_start - 6), m.token_end + 4):
        if 0 <= m.token_start - j <= 1 or 0 <= i - m.token_end <= 1:
            return str(p.payload)
    return None


def _is_location(data: LanguageData, tokens: Sequence[Token], m: ActorMention,
                 others: Sequence[ActorMention] = ()) -> bool:
    """"signed in Moscow", "la Moscova", "в Москве": a seat of government after a locative
    preposition names where something happened (in a language with case, only in the locative),
    unless a government noun stands before the preposition: "the government in Tokyo" acts. A
    government noun that already names its country ("the Indian Parliament in New Delhi",
    "parlamentul român de la București") leaves the seat a place."""
    if m.kind != "country" or m.actor.sector != "GOV" or m.token_start == 0:
        return False
    k = m.token_start - 1
    if data.roles["locative_prepositions"].end_at(tokens, k) is None:
        return False
    noun = government_noun_before(data, tokens, m.token_start)
    if noun is not None:
        i, end = noun
        named = any(o is not m and (o.token_end in (i - 1, i, end) or o.token_start == end) for o in others)
        return named and _locative_case(m)
    targets = data.roles["target_prepositions"]
    for start in range(max(0, k - 2), k):  # "de la Moscova", "from Moscow": a longer phrase that is no place
        if any(p.match_at(tokens, start) == m.token_start for p in targets.candidates(tokens[start])):
            return False
    return _locative_case(m)


IMPERSONAL_REACH = 3  # words between the seat and its verb ("в Москве это решение осудили")
CLAUSE_ENDS = {";", ":", "—", "(", ")", ",", ".", "!", "?"}


def _speaks_from_seat(data: LanguageData, tokens: Sequence[Token], m: ActorMention,
                      others: Sequence[ActorMention]) -> bool:
    """"в Москве это решение осудили", "В Кремле назвали это посягательством": a seat followed by a
    past verb with no subject (roles.yaml `impersonal_endings`: they, in Moscow) stands for its
    government. An actor between the two, or a nominative one after the verb in its clause ("в Москве
    подписали договор Путин и Си"), is the subject, and the seat stays the venue."""
    if not data.impersonal_endings:
        return False
    opens = m.token_start - 1  # the preposition: it opens the sentence or a clause ("…; в Москве")
    if opens > 0 and tokens[opens - 1].text not in CLAUSE_ENDS and not tokens[opens - 1].tags.startswith("CONJ"):
        return False
    for i in range(m.token_end, min(len(tokens), m.token_end + IMPERSONAL_REACH + 1)):
        tok = tokens[i]
        if tok.text in CLAUSE_ENDS or any(o.token_start == i for o in others):
            return False
        if tok.tags.startswith("VERB"):
            if "past" not in tok.tags.split(",") or not tok.text.lower().endswith(data.impersonal_endings):
                return False
            end = next((j for j in range(i, len(tokens)) if tokens[j].text in CLAUSE_ENDS), len(tokens))
            return not any(i < o.token_start < end and "nomn" in o.case.split(",") for o in others)
    return False


def _locative_case(m: ActorMention) -> bool:
    return not m.case or "loct" in m.case.split(",")


def main_pair(mentions: Sequence[ActorMention]) -> tuple[str, str] | None:
    """The two countries a document is mostly about: the most mentioned pair of codes."""
    counts = Counter(m.actor.code for m in mentions if m.kind in ("country", "polity") and not m.location)
    top = [code for code, _ in counts.most_common(2)]
    return (top[0], top[1]) if len(top) == 2 else None


def pair_mentions(doc_text: str, tokens: Sequence[Token], code: str, sentence: int,
                  pair: tuple[str, str]) -> list[ActorMention]:
    """"the two countries", "ambele părți", "обе стороны": both of the document's main pair,
    two mentions on the same words (roles then treat them as coordinated)."""
    data = load_language(code)
    out: list[ActorMention] = []
    taken = -1
    for i, j, _ in data.pair_phrases.find(tokens):
        if i < taken:
            continue
        taken = j
        start, end = tokens[i].start, tokens[j - 1].end
        case = _head_case(data, tokens, i, j)  # "лидеры двух стран обсудили": the leaders' case
        out.extend(ActorMention(start, end, doc_text[start:end], ActorRef(c), "country", sentence, i, j, case)
                   for c in pair)
    return out


class ActorTagger:
    """Pipeline stage: actor mentions of every kept sentence in a language with data; then the
    phrases that name the document's main pair together."""

    name = "actors"

    def __call__(self, doc: Document) -> Document:
        found: dict[int, list[tuple[ActorMention, AliasSpec]]] = {}
        for i, sent in enumerate(doc.sentences):
            if not sent.tokens or doc.paragraphs[sent.paragraph].removed:
                continue
            found[i] = _find(load_language(sent.language), doc.text, sent.tokens, i)
        if any(spec.ambiguous for ms in found.values() for _, spec in ms):
            self._settle_all(doc, found)
        for ms in found.values():
            doc.actors.extend(m for m, _ in ms)
        pair = main_pair(doc.actors)
        if pair:
            for i, sent in enumerate(doc.sentences):
                if sent.tokens and not doc.paragraphs[sent.paragraph].removed:
                    doc.actors.extend(pair_mentions(doc.text, sent.tokens, sent.language, i, pair))
            doc.actors.sort(key=lambda m: (m.sentence, m.token_start))
        doc.count("actors", len(doc.actors))
        return doc

    @staticmethod
    def _settle_all(doc: Document, found: dict[int, list[tuple[ActorMention, AliasSpec]]]) -> None:
        """Ambiguous names, read from their sentence, paragraph, document and the sentence's date."""
        def codes(items: list[tuple[ActorMention, AliasSpec]]) -> Counter[str]:
            return Counter(m.actor.code for m, spec in items if not spec.ambiguous)

        dates = sentence_dates(doc)
        in_doc = codes([f for ms in found.values() for f in ms])
        for i, ms in found.items():
            if not any(spec.ambiguous for _, spec in ms):
                continue
            sent = doc.sentences[i]
            others = [k for k in found if k != i and doc.sentences[k].paragraph == sent.paragraph]
            near = codes([f for k in others for f in found[k]])
            context = Context(sent.tokens, [doc.sentences[k].tokens for k in others],
                              (codes(ms), near, in_doc), dates[i])
            data = load_language(sent.language)
            found[i] = [(m, spec) for m, spec in ms if _settle(data, m, spec, context)]
