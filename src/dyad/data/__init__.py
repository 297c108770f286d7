"""Load and validate dyad's data files (see README.md beside this file for their formats).

Every loader is cached: resources are read once per worker process and are read-only after.
A malformed file raises `DataError` naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

# re-exported: callers import these from dyad.data
from dyad.data.files import DATA_DIR as DATA_DIR
from dyad.data.files import DataError as DataError
from dyad.data.files import optional_yaml
from dyad.data.files import read_yaml as read_yaml
from dyad.data.time_words import RelativeExpression as RelativeExpression
from dyad.data.time_words import TimeWords as TimeWords
from dyad.data.time_words import load_relative as load_relative
from dyad.data.time_words import load_time_words as load_time_words
from dyad.lang import adapter_for
from dyad.model import Token
from dyad.patterns import Pattern, PatternError, PatternSet, compile_pattern

MODALITIES = ("negated", "not_negation", "refused", "refusal_gap", "planned", "proposed", "conditional", "hypothetical",
              "cancelled", "scheduled", "commemorated", "condition_openers", "alleging")
ALIAS_KINDS = ("name", "adjective", "capital", "organization", "person")
ROLE_KEYS = ("passive_agent", "passive_auxiliary", "between", "conjunction", "clause_break", "subordinators",
             "target_prepositions", "subject_pronouns", "topic_markers", "locative_prepositions",
             "time_prepositions", "document_nouns", "name_links", "alongside",
             "pair_words", "noun_markers", "light_verbs", "relative_pronouns", "reciprocal", "reciprocal_modifiers",
             "joining", "subject_nouns", "auxiliaries", "office_links",
             "acting_documents", "mediators", "state_verbs", "document_heads",
             "setting_prepositions", "description_copulas", "participle_agent", "not_clause_break",
             "complementizers", "repeated", "predicate_adjectives")


@dataclass(frozen=True)
class KindInfo:
    name: str
    plover: str
    plover_mode: str
    cameo: str
    quad_class: int
    intensity: float
    family: str
    symmetric: bool
    context: str
    relationship: bool = False  # also names a lasting relationship ("economic cooperation between …")
    each_party: bool = False  # coordinated parties with no other named each do it to the other ("X and Y ratified")
    reply: bool = False  # an answer: with no other side named, it goes to whoever last addressed the one answering


@dataclass(frozen=True)
class TriggerSpec:
    kind: str  # "" for the words of triggers.yaml `not_events`
    confidence: float = 0.7
    passive: bool = False
    also: tuple[str, ...] = ()  # further kinds the same words state ("signed a peace treaty": END_WAR too)
    mutual: bool = False  # "Russia and Japan fought a war": joined subjects act on each other
    reverse: bool = False  # "Russia is a threat to Japan": the one named after the trigger acts
    negated_kind: str = ""  # "would not renew the pact": negated, the words state this other act, asserted
    recipient: bool = False  # "левый берег Амура отошёл к России": the one after the preposition receives


@dataclass(frozen=True)
class AliasSpec:
    code: str
    kind: str = "name"
    polity: str | None = None
    sector: str | None = None
    person: str | None = None
    cased: bool = False  # a proper name that must be written with a capital (CLDR names, people)
    ambiguous: str | None = None  # a name of common/ambiguous.yaml: context and date pick the actor


@dataclass
class LanguageData:
    code: str
    triggers: PatternSet = field(default_factory=PatternSet)
    modality: dict[str, PatternSet] = field(default_factory=dict)
    modality_window: int = 6
    aliases: PatternSet = field(default_factory=PatternSet)
    acting_nouns: PatternSet = field(default_factory=PatternSet)
    act_nouns: PatternSet = field(default_factory=PatternSet)  # "the Soviet proposal": a demonym names its actor
    compound_prefixes: dict[str, str] = field(default_factory=dict)
    people_suffixes: tuple[str, ...] = ()  # a demonym with such an ending is a people noun ("japonezii")
    nominal_suffixes: tuple[str, ...] = ()  # a lemma with such an ending names an act ("semnare", "signing")
    article_endings: tuple[str, ...] = ()  # an inflected form so ending is a noun with its article ("războiul")
    adjectives_follow: bool = False  # adjectives stand after their noun ("atacul german"), not before
    impersonal_endings: tuple[str, ...] = ()  # a subjectless verb so ending: "в Москве осудили" (they, Moscow)
    people_after: PatternSet = field(default_factory=PatternSet)  # a demonym after these is one ("de japonezi")
    people_article: PatternSet = field(default_factory=PatternSet)  # "the Japanese captured": before a verb
    complement_links: PatternSet = field(default_factory=PatternSet)  # "ofițerul de informații sovietic"
    unknown_org_heads: PatternSet = field(default_factory=PatternSet)  # unresolved actors (actors/ner.py)
    unknown_person_cues: PatternSet = field(default_factory=PatternSet)
    government_nouns: PatternSet = field(default_factory=PatternSet)  # "the government in Tokyo": no venue
    pair_phrases: PatternSet = field(default_factory=PatternSet)  # "the two countries": the document's main pair
    titles: PatternSet = field(default_factory=PatternSet)  # offices ("prime minister") → canonical title
    ambiguity_cues: dict[str, dict[str, PatternSet]] = field(default_factory=dict)  # name → code → cue words
    months: dict[str, int] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    year_suffix: frozenset[str] = frozenset()
    year_prefix: frozenset[str] = frozenset()
    julian_markers: tuple[str, ...] = ()
    decade_words: frozenset[str] = frozenset()
    century_words: frozenset[str] = frozenset()
    range_words: frozenset[str] = frozenset()  # "from May to September": the words between the two ends
    not_after_year: frozenset[str] = frozenset()  # "1945 soldiers", "1850 m": a count, not a year
    not_before_year: frozenset[str] = frozenset()  # "Flight 1904": a number, not a year
    roles: dict[str, PatternSet] = field(default_factory=dict)
    agreements: PatternSet = field(default_factory=PatternSet)
    territories: PatternSet = field(default_factory=PatternSet)


def demonym_noun_at(data: LanguageData, tokens: Sequence[Token], k: int) -> bool:
    """A noun that a demonym beside it makes an actor's: one that acts ("trupele sovietice",
    actors.yaml `acting_nouns`) or an act ("atacul german", `act_nouns`)."""
    return data.acting_nouns.end_at(tokens, k) is not None or data.act_nouns.end_at(tokens, k) is not None


def government_noun_before(data: LanguageData, tokens: Sequence[Token], start: int) -> tuple[int, int] | None:
    """"guvernul de la București", "the government in Tokyo": the span of a government noun
    (actors.yaml `government_nouns`) followed by one or two prepositions and then tokens[start]."""
    for i in range(max(0, start - 5), start - 1):
        end = data.government_nouns.end_at(tokens, i)
        if end is not None and start - 2 <= end < start:
            return i, end
    return None


@cache
def load_kinds() -> dict[str, KindInfo]:
    path = DATA_DIR / "common" / "kinds.yaml"
    kinds = {}
    for name, row in (read_yaml(path) or {}).items():
        try:
            kinds[name] = KindInfo(name=name, **row)
        except TypeError as e:
            raise DataError(f"{path}: kind {name}: {e}") from e
    return kinds


@cache
def load_iso3166() -> dict[str, tuple[str, str]]:
    """alpha-2 → (alpha-3, English short name)."""
    rows = read_yaml(DATA_DIR / "common" / "iso3166.yaml")
    return {a2: (row["alpha3"], row["name"]) for a2, row in rows.items()}


@cache
def load_polities() -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, str]]]:
    """(code → dated polity periods, extra code → {name, kind})."""
    rows = dict(read_yaml(DATA_DIR / "common" / "polities.yaml"))
    extra = rows.pop("extra", {}) or {}
    return rows, extra


@cache
def load_hierarchy(name: str) -> dict[str, dict[str, Any]]:
    """common/territories.yaml or common/agreements.yaml: canonical name → attributes."""
    return dict(read_yaml(DATA_DIR / "common" / f"{name}.yaml") or {})


def _compile_all(entries: Any, where: str, payload: Any = None) -> list[Pattern]:
    if entries is None:
        return []
    if isinstance(entries, str):
        entries = [entries]
    if not isinstance(entries, list):
        raise DataError(f"{where}: expected a list of patterns, got {type(entries).__name__}")
    out = []
    for entry in entries:
        if not isinstance(entry, str):
            raise DataError(f"{where}: expected a pattern string, got {entry!r}")
        try:
            out.append(compile_pattern(entry, payload, where))
        except PatternError as e:
            raise DataError(str(e)) from e
    return out


def _pattern_set(entries: Any, where: str, payload: Any = None) -> PatternSet:
    ps = PatternSet()
    for p in _compile_all(entries, where, payload):
        ps.add(p)
    return ps


NOT_EVENTS = "not_events"  # triggers.yaml: "civil war", "cold war" hold their words and make no event


def _load_triggers(path: Path, data: LanguageData) -> None:
    kinds = load_kinds()
    for kind, entries in (optional_yaml(path) or {}).items():
        if kind == NOT_EVENTS:  # words that look like a trigger and name no act between states
            for p in _compile_all(entries or [], f"{path}: {kind}", TriggerSpec("")):
                data.triggers.add(p)
            continue
        if kind not in kinds:
            raise DataError(f"{path}: unknown kind {kind!r}")
        for entry in entries or []:
            if isinstance(entry, dict):
                also = tuple(entry.get("also") or ())
                if set(also) - set(kinds):
                    raise DataError(f"{path}: {kind}: unknown kind in `also`: {sorted(set(also) - set(kinds))}")
                negated_kind = str(entry.get("negated_kind") or "")
                if negated_kind and negated_kind not in kinds:
                    raise DataError(f"{path}: {kind}: unknown kind in `negated_kind`: {negated_kind!r}")
                spec = TriggerSpec(kind, float(entry.get("confidence", 0.7)), bool(entry.get("passive", False)), also,
                                   bool(entry.get("mutual", False)), bool(entry.get("reverse", False)), negated_kind,
                                   bool(entry.get("recipient", False)))
                source = entry.get("pattern")
            else:
                spec, source = TriggerSpec(kind), entry
            for p in _compile_all(source, f"{path}: {kind}", spec):
                data.triggers.add(p)


def _load_actors(path: Path, data: LanguageData) -> None:
    raw = optional_yaml(path) or {}
    for code, entries in (raw.get("aliases") or {}).items():
        for entry in entries or []:
            if isinstance(entry, dict):
                kind = entry.get("kind", "name")
                if kind not in ALIAS_KINDS:
                    raise DataError(f"{path}: {code}: unknown alias kind {kind!r}")
                spec = AliasSpec(str(code), kind, entry.get("polity"), entry.get("sector"),
                                 cased=bool(entry.get("cased", False)))
                source = entry.get("pattern")
            else:
                spec, source = AliasSpec(str(code)), entry
            for p in _compile_all(source, f"{path}: {code}", spec):
                data.aliases.add(p)
    data.acting_nouns = _pattern_set(raw.get("acting_nouns"), f"{path}: acting_nouns")
    data.act_nouns = _pattern_set(raw.get("act_nouns"), f"{path}: act_nouns")
    data.compound_prefixes = {str(k).lower(): str(v) for k, v in (raw.get("compound_prefixes") or {}).items()}
    data.people_suffixes = tuple(str(x).lower() for x in raw.get("people_suffixes") or [])
    data.people_after = _pattern_set(raw.get("people_after"), f"{path}: people_after")
    data.people_article = _pattern_set(raw.get("people_article"), f"{path}: people_article")
    data.complement_links = _pattern_set(raw.get("complement_links"), f"{path}: complement_links")
    data.unknown_org_heads = _pattern_set(raw.get("unknown_org_heads"), f"{path}: unknown_org_heads")
    data.unknown_person_cues = _pattern_set(raw.get("unknown_person_cues"), f"{path}: unknown_person_cues")
    data.government_nouns = _pattern_set(raw.get("government_nouns"), f"{path}: government_nouns")
    data.pair_phrases = _pattern_set(raw.get("pair_phrases"), f"{path}: pair_phrases")
    add_ambiguous(raw.get("ambiguous"), path, data)


def known_codes() -> frozenset[str]:
    """Every code an actor may have: ISO 3166 alpha-3 and dyad's extra codes (DESIGN §4)."""
    _, extra = load_polities()
    return frozenset(a3 for a3, _ in load_iso3166().values()) | frozenset(extra)


def name_pattern(code: str, text: str) -> str:
    """A name as written ("Ion Popescu") as a lemma pattern of the language: each word by its lemma or
    its own spelling, since a lemmatizer can mistake a foreign name for an inflected word."""
    adapter = adapter_for(code)
    words = [(t.lemma, t.text.lower()) for t in adapter.tokenize(text)] if adapter else \
        [(w.lower(), w.lower()) for w in re.findall(r"[\w'.-]+", text)]
    return " ".join(f"{_escape(lemma)}|={surface.replace('|', '')}" if surface != lemma else _escape(lemma)
                    for lemma, surface in words if surface.strip())


def _add_persons(data: LanguageData) -> None:
    for person in load_persons().values():
        spec = AliasSpec(person.country, "person", None, None, person.id, cased=True)
        for p in _compile_all(list(person.names.get(data.code, ())), f"persons.yaml: {person.id}", spec):
            data.aliases.add(p)


def _add_cldr_names(data: LanguageData) -> None:
    """Country names in this locale from CLDR, as lemma patterns of the language."""
    from babel import Locale  # babel's locale data loads lazily; import here keeps start-up cheap

    adapter = adapter_for(data.code)
    iso = load_iso3166()
    locale = Locale.parse(data.code)
    for a2, name in locale.territories.items():
        if a2 not in iso or adapter is None:
            continue
        lemmas = [t.lemma for t in adapter.tokenize(name) if t.text.isalnum() or "-" in t.text]
        if not lemmas:
            continue
        data.aliases.add(compile_pattern(" ".join(_escape(lem) for lem in lemmas), AliasSpec(iso[a2][0], cased=True),
                                         f"CLDR {data.code} {a2}"))


def _escape(lemma: str) -> str:
    """A lemma as a pattern item that matches it literally."""
    return lemma.replace("|", "").replace("*", "").lstrip("=") or "_"


def _load_time(path: Path, data: LanguageData) -> None:
    raw = optional_yaml(path) or {}
    for month, forms in (raw.get("months") or {}).items():
        if not 1 <= int(month) <= 12:
            raise DataError(f"{path}: month {month} is not 1–12")
        for form in forms or []:
            data.months[str(form).lower().rstrip(".")] = int(month)
    for season, forms in (raw.get("seasons") or {}).items():
        if season not in ("spring", "summer", "autumn", "winter"):
            raise DataError(f"{path}: unknown season {season!r}")
        for form in forms or []:
            data.seasons[str(form).lower()] = season
    data.year_suffix = frozenset(str(w).lower().rstrip(".") for w in raw.get("year_suffix") or [])
    data.year_prefix = frozenset(str(w).lower() for w in raw.get("year_prefix") or [])
    data.julian_markers = tuple(str(w).lower() for w in raw.get("julian_markers") or [])
    data.decade_words = frozenset(str(w).lower() for w in raw.get("decade_words") or [])
    data.century_words = frozenset(str(w).lower() for w in raw.get("century_words") or [])
    for key in ("range_words", "not_after_year", "not_before_year"):
        setattr(data, key, frozenset(str(w).lower() for w in raw.get(key) or []))
    load_time_words(data.code)  # validated with the rest of the language (python -m dyad.data.check)


@cache
def load_boilerplate(key: str = "phrases") -> frozenset[str]:
    """Boilerplate phrases of every language (`<lang>/boilerplate.yaml`: `phrases`, `block_headers`)."""
    phrases: set[str] = set()
    for path in sorted(DATA_DIR.glob("*/boilerplate.yaml")):
        raw = read_yaml(path) or {}
        entries = raw.get(key) or []
        if not isinstance(entries, list) or not all(isinstance(p, str) and p.strip() for p in entries):
            raise DataError(f"{path}: `{key}` must be a list of non-empty strings")
        phrases.update(p.strip().lower() for p in entries)
    return frozenset(phrases)


@cache
def load_language(code: str) -> LanguageData:
    folder = DATA_DIR / code
    data = LanguageData(code)
    _load_triggers(folder / "triggers.yaml", data)
    modality = optional_yaml(folder / "modality.yaml") or {}
    data.modality_window = int(modality.get("window", 6))
    for key in MODALITIES:
        data.modality[key] = _pattern_set(modality.get(key), f"{folder}/modality.yaml: {key}")
    _load_actors(folder / "actors.yaml", data)
    _add_persons(data)
    _add_cldr_names(data)
    _load_time(folder / "time.yaml", data)
    roles = optional_yaml(folder / "roles.yaml") or {}
    for key in ROLE_KEYS:
        data.roles[key] = _pattern_set(roles.get(key), f"{folder}/roles.yaml: {key}")
    data.nominal_suffixes = tuple(str(x).lower() for x in roles.get("nominal_suffixes") or [])
    data.article_endings = tuple(str(x).lower() for x in roles.get("article_endings") or [])
    data.impersonal_endings = tuple(str(x).lower() for x in roles.get("impersonal_endings") or [])
    order = roles.get("adjective_order", "before")
    if order not in ("before", "after"):
        raise DataError(f"{folder}/roles.yaml: adjective_order is 'before' or 'after', not {order!r}")
    data.adjectives_follow = order == "after"
    for title, entries in (optional_yaml(folder / "titles.yaml") or {}).items():
        for p in _compile_all(entries, f"{folder}/titles.yaml: {title}", str(title)):
            data.titles.add(p)
    names = optional_yaml(folder / "names.yaml") or {}
    for table, target in (("agreements", data.agreements), ("territories", data.territories)):
        canonical = load_hierarchy(table)
        for name, entries in (names.get(table) or {}).items():
            if name not in canonical:
                raise DataError(f"{folder}/names.yaml: {table}: {name!r} is not in common/{table}.yaml")
            for p in _compile_all(entries, f"{folder}/names.yaml: {name}", name):
                target.add(p)
    return data


def polity_at(code: str, iso_date: str | None) -> str | None:
    """The polity a code stood for at a date (None when the code has one identity or no date is known)."""
    periods, _ = load_polities()
    if code not in periods or not iso_date:
        return None
    for p in periods[code]:
        if (p["from"] is None or p["from"] <= iso_date) and (p["until"] is None or iso_date < p["until"]):
            return str(p["polity"])
    return None


def holder_at(territory: str, iso_date: str | None) -> str | None:
    """Who held a territory at a date (common/territories.yaml), looking up its wholes if needed."""
    table = load_hierarchy("territories")
    name: str | None = territory
    while name and iso_date:
        for h in table.get(name, {}).get("holders") or []:
            if (h["from"] is None or h["from"] <= iso_date) and (h["until"] is None or iso_date < h["until"]):
                return str(h["code"])
        name = table.get(name, {}).get("part_of")
    return None


def taken_from(territory: str, code: str, iso_date: str | None) -> str | None:
    """Whom `code`, holding a territory at a date, took it from: the holder the day before its
    holding began (common/territories.yaml). "Israel committed itself to withdraw from Sinai" in
    1979, when Israel held it: the withdrawal hands it back to Egypt."""
    table = load_hierarchy("territories")
    name: str | None = territory
    while name and iso_date:
        for h in table.get(name, {}).get("holders") or []:
            if h["code"] == code and h["from"] and h["from"] <= iso_date \
                    and (h["until"] is None or iso_date < h["until"]):
                day_before = (dt.date.fromisoformat(h["from"]) - dt.timedelta(days=1)).isoformat()
                return holder_at(name, day_before)
        name = table.get(name, {}).get("part_of")
    return None


@cache
def load_dependencies() -> frozenset[str]:
    """Codes of territories that are no sovereign state (common/dependencies.yaml)."""
    return frozenset(str(code) for code in read_yaml(DATA_DIR / "common" / "dependencies.yaml") or [])


def held_by_others(territory: str, code: str) -> bool:
    """Whether `code` is a dependency (common/dependencies.yaml) that the territories table lists
    as held by others: "the Falkland Islands" (FLK) named where its holders act is the place, not
    a party. A sovereign state sharing a region's name ("Молдавия") stays a party."""
    if code not in load_dependencies():
        return False
    holders = load_hierarchy("territories").get(territory, {}).get("holders") or []
    return bool(holders) and all(h["code"] != code for h in holders)


def agreement_parties(name: str | None) -> tuple[str, ...]:
    """The parties of a named agreement (common/agreements.yaml), empty for a generic one."""
    row = load_hierarchy("agreements").get(name or "") or {}
    return tuple(row.get("parties") or ())


def actor_kind(code: str) -> str:
    """DESIGN §6 actor kind of a code: country, polity or organization."""
    _, extra = load_polities()
    if code in extra:
        return str(extra[code]["kind"])
    return "country"


# People live in their own module; they are part of this package's interface
from dyad.data.ambiguity import add_ambiguous  # noqa: E402
from dyad.data.persons import Person as Person  # noqa: E402
from dyad.data.persons import Role as Role  # noqa: E402
from dyad.data.persons import holder_of as holder_of  # noqa: E402
from dyad.data.persons import load_persons as load_persons  # noqa: E402
from dyad.data.persons import reload_persons as reload_persons  # noqa: E402
