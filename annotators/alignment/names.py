"""Names as keys: when do two mentions name the same person, place or organisation?

News rewrites vary names in a few regular ways, and each is handled here:

* possessives and articles: "North Korea's", "the United States" → north korea,
  united states;
* demonyms: "North Korean" meets "North Korea", "Ukrainian" meets "Ukraine" (words
  are compared by their first five letters);
* short forms: "Budanov" meets "Kyrylo Budanov", "Cho" meets "Cho Tae-yul" (one
  name's words are a subset of the other's);
* capitals and seats of power standing for their country ("Pyongyang", "Seoul",
  "Kyiv", "the Kremlin", "Washington") and common country aliases ("the US",
  "Britain", "the DPRK"), from the short table below.

The table is deliberately small: the capitals that stand for a country in
international news, written out here, not a gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CAPITALS = """
kyiv, kiev: ukraine | moscow, kremlin, the kremlin: russia | minsk: belarus
pyongyang, dprk: north korea | seoul: south korea | beijing: china | tokyo: japan
washington, white house, us, u.s., usa, america: united states
united states of america: united states
london, downing street, britain, great britain, uk, u.k.: united kingdom
paris, elysee: france | berlin: germany | warsaw: poland | rome: italy | madrid: spain
ankara: turkey | tehran: iran | jerusalem: israel | damascus: syria | baghdad: iraq
kabul: afghanistan | new delhi: india | islamabad: pakistan | cairo: egypt
riyadh: saudi arabia | brussels: european union | eu: european union
taipei: taiwan | tbilisi: georgia | chisinau: moldova | budapest: hungary
bucharest: romania | vilnius: lithuania | riga: latvia | tallinn: estonia
helsinki: finland | stockholm: sweden | oslo: norway | copenhagen: denmark
the hague: netherlands | ottawa: canada | canberra: australia
"""
_ALIASES: dict[str, str] = {}
for _group in re.split(r"[|\n]", _CAPITALS):
    if ":" not in _group:
        continue
    _names, _country = _group.split(":")
    for _name in _names.split(","):
        if _name.strip():
            _ALIASES[_name.strip()] = _country.strip()

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)(?=\s|$)")
_NON_WORD = re.compile(r"[^\w\s-]")
_FILLERS = frozenset({"the", "of", "and", "for"})
PREFIX = 5


def _words(name: str) -> list[str]:
    """Lower-case words, possessives and punctuation gone, capitals read as countries.

    Short aliases that are also English words ("us") count only in capitals ("US").
    """
    original = _NON_WORD.sub(" ", _POSSESSIVE.sub("", name.replace(".", ""))).split()
    words = [w.lower() for w in original]
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if i + 1 < len(words) and pair in _ALIASES:
            out += _ALIASES[pair].split()
            i += 2
            continue
        word = words[i]
        if word in _ALIASES and (len(word) > 3 or original[i].isupper()):
            out += _ALIASES[word].split()
        else:
            out.append(word)
        i += 1
    return out


def canonical(name: str) -> str:
    """Lower case, no article, no possessive, aliases resolved: "the Kremlin's" → russia."""
    words = _words(name)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def name_key(name: str) -> frozenset[str]:
    """The words of a name by their first letters: "North Korean" → {north, korea}."""
    return frozenset(word[:PREFIX] for word in _words(name) if word not in _FILLERS)


def same_name(a: str, b: str) -> bool:
    """True when the two mentions can name the same thing."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return False
    return key_a <= key_b or key_b <= key_a


def mentioned_in(name: str, words: Iterable[str] | frozenset[str]) -> bool:
    """True when every word of `name` occurs (by its first letters) among `words`.

    `words` are word prefixes of a passage, so a name the entity recogniser missed
    on the other side still counts as said there.
    """
    key = name_key(name)
    pool = words if isinstance(words, frozenset) else frozenset(words)
    return bool(key) and key <= pool


def alias_country(name: str) -> str | None:
    """The country a capital or alias stands for ("pyongyang" → north korea), if any."""
    return _ALIASES.get(name)


def word_keys(text: str) -> frozenset[str]:
    """The word prefixes of a passage, capitals resolved to their countries too."""
    plain = _NON_WORD.sub(" ", _POSSESSIVE.sub("", text.lower())).split()
    return frozenset(w[:PREFIX] for w in plain) | frozenset(w[:PREFIX] for w in _words(text))
