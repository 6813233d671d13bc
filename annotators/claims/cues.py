"""Word lists the claim finder looks for, compiled once at import.

Two kinds of lists live here:

* English **lemmas** for the dependency-parse path (the trained pipeline gives
  lemmas, so one entry covers "say/says/said/saying");
* **surface forms** for the lexical path, which runs on blank pipelines
  (Ukrainian, Russian, or English without a model) where there are no lemmas.
  English surface forms are generated from the lemma lists by `english_forms`;
  Ukrainian and Russian verbs are listed in their common past/present forms.

The lists describe how news language works in general (reporting verbs, hedges,
event verbs, evaluative adjectives), not any particular article.
"""

from __future__ import annotations

import re
from typing import Final


def words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


# --------------------------------------------------------------------------- attribution

#: Verbs that introduce what someone said or made known (lemmas).
REPORTING_VERBS: Final = words("""
    say tell state report announce note claim add warn confirm deny emphasize emphasise
    highlight disclose reveal indicate stress insist argue explain acknowledge admit assert
    allege estimate predict write tweet post declare suggest outline reiterate reaffirm
    testify mention inform caution concede contend maintain conclude observe remark recall
    underline affirm comment respond reply answer find show signal specify clarify assure
    notify accuse complain boast urge propose
    """)

#: Reporting verbs that may take a plain object instead of a clause
#: ("The ministry confirmed the deaths", "Cho indicated South Korea's readiness").
REPORTING_WITH_OBJECT: Final = words("""
    announce confirm deny reveal disclose report indicate claim estimate acknowledge
    admit outline specify
    """)

#: Verbs of denial: the claimant says something did not happen.
DENIAL_VERBS: Final = words("deny refute reject dismiss dispute")

#: Nouns for a source that is not named ("Reports indicate", "officials said").
UNNAMED_SOURCE_NOUNS: Final = words("""
    report source official expert analyst observer witness people media resident insider
    diplomat critic commentator study survey data datum statistic figure estimate statement
    document poll
    research researcher investigator authority someone person spokesperson spokesman
    spokeswoman representative
    """)

#: Nouns for a publication whose author is given by "of/from/by X" or "X's"
#: ("Reports from Kyiv", "a statement by the ministry", "the army's figures").
REPORT_NOUNS: Final = words("""
    report statement data datum statistic figure estimate survey study poll document release
    assessment
    analysis bulletin update communique communiqué account message post video footage
    """)

#: Titles kept out of a person's name ("Foreign Minister Cho Tae-yul" -> "Cho Tae-yul").
TITLE_WORDS: Final = words("""
    president minister prime foreign defense defence interior finance secretary general
    chancellor senator governor mayor spokesman spokeswoman spokesperson director chief head
    commander ambassador king queen prince princess pope dr dr. mr mr. mrs mrs. ms ms. prof
    prof. professor sir lord lt lt. col col. gen gen. sgt sgt. judge justice rep rep. sen
    sen. gov gov. deputy vice acting former colonel major captain lieutenant admiral marshal
    sheikh emir crown premier chairman chairwoman chair ceo founder leader envoy official
    """)

PRONOUN_PERSONS: Final = frozenset({"he", "she"})

# --------------------------------------------------------------------------- certainty

#: Speculative modals (tag MD): the claim is presented as possible, not as fact.
HEDGE_MODALS: Final = frozenset({"may", "might", "could"})

#: Adverbs, adjectives and verbs that distance the writer from a claim.
HEDGE_WORDS: Final = words("""
    reportedly allegedly apparently possibly probably likely perhaps presumably supposedly
    purportedly seemingly unconfirmed alleged suspected purported rumoured rumored
    """)

#: Verbs that hedge when they take an infinitive: "is believed to", "appears to",
#: "is expected to" (passive, except appear/seem).
HEDGE_RAISING_VERBS: Final = words(
    "appear seem believe think understand expect say report estimate rumour rumor suspect fear"
)

#: Approximators that weaken a figure: "about 4,000", "nearly 300" ("over", "up to" bound it).
WEAK_APPROXIMATORS: Final = words(
    """
    about around approximately roughly nearly almost some circa estimated
    """
)

# --------------------------------------------------------------------------- content

#: Verbs of concrete, datable happenings (lemmas). A past or present-perfect use of
#: one of these is the core of most checkable news claims.
EVENT_VERBS: Final = words("""
    kill wound injure die lose deploy send approve sign ratify pass veto adopt launch attack
    strike hit shell bomb shoot fire destroy damage capture seize occupy invade withdraw
    retreat advance liberate evacuate arrest detain charge convict sentence jail release free
    execute elect vote appoint dismiss resign sack hire fire ban impose lift sanction fine
    sue acquit indict raid open close build invest buy sell acquire merge pay spend allocate
    transfer deliver supply export import produce raise cut modernize modernise upgrade
    develop test crash collapse burn flood erupt intercept recruit mobilize
    mobilise conscript train donate pledge provide grant award win defeat beat score
    record break meet visit host hold summon expel deport return rescue found establish
    discover infect vaccinate hospitalize hospitalise murder rape kidnap abduct loot
    surrender negotiate agree reach suspend cancel postpone introduce enact amend
    """)

#: Verbs that move a quantity ("rose", "fell by 3%", "doubled").
CHANGE_VERBS: Final = words("""
    rise fall increase decrease drop grow decline double triple halve surge plunge soar
    jump climb slump sink shrink expand cut reduce raise boost slash fluctuate rebound
    """)
#: Change verbs that state the size of the change themselves.
MULTIPLYING_VERBS: Final = frozenset({"double", "triple", "quadruple", "halve"})
CHANGE_NOUNS: Final = words(
    """
    increase decrease rise fall drop growth decline surge plunge jump cut reduction
    """
)

#: Links of cause and effect.
CAUSAL_WORDS: Final = words(
    """
    because due owing thanks caused cause causes causing led lead leads resulted result
    results triggered trigger prompted prompt
    """
)

#: Words that name a vague amount: "thousands of troops".
VAGUE_NUMBER_WORDS: Final = words("dozens hundreds thousands millions billions tens scores")

COMPARISON_MARKERS: Final = frozenset({"than", "compared", "record", "twice"})

#: Verbs that frame or interpret rather than report ("The talks reflect …").
FRAMING_VERBS: Final = words("""
    reflect underscore underline highlight demonstrate illustrate signal showcase symbolize
    symbolise represent embody exemplify epitomize epitomise testify speak mark emphasize
    emphasise reinforce pave shape evolve
    """)

#: Sentence openers of summary and framing paragraphs.
FRAMING_OPENERS: Final = (
    ("in", "summary"),
    ("in", "conclusion"),
    ("in", "short"),
    ("in", "essence"),
    ("overall",),
    ("ultimately",),
    ("all", "in", "all"),
    ("taken", "together"),
    ("to", "sum", "up"),
    ("in", "the", "end"),
    ("it", "is", "clear"),
    ("it", "remains", "to", "be", "seen"),
    ("only", "time", "will", "tell"),
)

#: Evaluative adjectives and adverbs: they judge instead of stating.
OPINION_WORDS: Final = words("""
    significant important crucial vital key essential meaningful profound
    broader complex complicated remarkable notable noteworthy impressive commendable
    welcome troubling alarming worrying concerning disturbing shameful disgraceful outrageous
    unacceptable admirable laudable valuable invaluable pivotal paramount fundamental
    tremendous enormous dire grave stark bold courageous brave wise foolish reckless
    irresponsible ridiculous absurd brilliant excellent terrible awful horrible wonderful
    great unfair clearly undoubtedly surely obviously unfortunately fortunately hopefully
    sadly arguably regrettably thankfully inevitably ironically interestingly truly
    genuinely deeply robust unprecedented multifaceted nuanced intricate
    """)

#: Modals and verbs of obligation or stance: "should", "must", "I believe".
DEONTIC_MODALS: Final = frozenset({"should", "must", "ought", "shall"})
STANCE_VERBS: Final = frozenset({"think", "believe", "feel", "hope", "wish", "guess", "suppose"})
FIRST_PERSON: Final = frozenset({"i", "we"})

#: Suffixes of abstract nouns ("commitment", "cooperation", "dynamics").
ABSTRACT_SUFFIXES: Final = (
    "tion",
    "sion",
    "ment",
    "ity",
    "ness",
    "ance",
    "ence",
    "ship",
    "ism",
    "ics",
    "hood",
    "ure",
    "ization",
    "isation",
)

#: Entity labels that name something (not numbers or dates).
NAME_LABELS: Final = words("PERSON ORG GPE LOC NORP FAC EVENT LAW PRODUCT WORK_OF_ART LANGUAGE")
NUMBER_LABELS: Final = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_LABELS: Final = frozenset({"DATE", "TIME"})

# --------------------------------------------------------------------------- page furniture

#: A line that starts like one of these is page furniture, not article text.
FURNITURE_RE: Final = re.compile(
    r"""^\W*(?:photo|photos|image|picture|video|source|original\s+source|author|authors
        |by|credit|credits|editing\s+by|reporting\s+by|written\s+by|edited\s+by|read\s+more
        |read\s+also|see\s+also|related|tags?|share|follow\s+us|фото|джерело|автор|источник
        |читайте\s+також|читайте\s+также|теги)\b\s*[:|\-–—]""",
    re.IGNORECASE | re.VERBOSE,
)

#: A caption marker inside a line ("… prisoners of war Photo: South Korea …").
CAPTION_RE: Final = re.compile(
    r"\b(?:Photo|Photograph|Image|Фото)\s*:|\((?:Getty\s+Images|Photo|Фото)\b", re.IGNORECASE
)

#: A byline without a colon: "By Jane Doe and John Roe".
BYLINE_RE: Final = re.compile(
    r"^(?:By|Автор)\s+(?:[A-ZА-ЯІЇЄҐ][\w.'’-]*(?:\s+|$)|and\s+){1,6}$"
)

#: Web-page boilerplate that never occurs in article prose.
BOILERPLATE_RE: Final = re.compile(
    r"""leave\s+a\s+(?:reply|comment)|your\s+email\s+address\s+will|required\s+fields\s+are
        |all\s+rights\s+reserved|click\s+here|skip\s+to\s+(?:main\s+)?content|©
        |subscribe\s+to\s+our|sign\s+up\s+for\s+our|follow\s+us\s+on|share\s+this\s+article
        |log\s+in\s+to\s+(?:comment|reply)|cookie\s+(?:policy|settings)""",
    re.IGNORECASE | re.VERBOSE,
)

#: Words that are boilerplate when they make up most of a short line.
SHORT_BOILERPLATE_RE: Final = re.compile(
    r"\b(?:newsletter|advertisement|cookies?|copyright|subscribe|comments?|share|print|"
    r"related\s+articles?|most\s+read|reply)\b",
    re.IGNORECASE,
)

#: Language switchers and similar menus: "ua en ru".
LANGUAGE_CODES: Final = words(
    """
    ua uk en ru de fr es it pl pt ro ko ja zh ar tr nl cs sk hu be kz ka
    """
)

# --------------------------------------------------------------------------- lexical path

MONTHS: Final = words("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    січень січня січні лютий лютого лютому березень березня березні квітень квітня квітні
    травень травня травні червень червня червні липень липня липні серпень серпня серпні
    вересень вересня вересні жовтень жовтня жовтні листопад листопада листопаді грудень
    грудня грудні
    январь января январе февраль февраля феврале март марта марте апрель апреля апреле
    мая мае июнь июня июне июль июля июле август августа августе сентябрь сентября
    сентябре октябрь октября октябре ноябрь ноября ноябре декабрь декабря декабре
    """)
#: Month names that are also common words; only dates when next to a number.
AMBIGUOUS_MONTHS: Final = frozenset({"may", "march", "mar", "dec", "jan", "sep", "aug"})

DAY_WORDS: Final = words("""
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    понеділок понеділка вівторок вівторка середа середу четвер четверга пʼятниця пʼятницю
    п'ятниця п'ятницю субота суботу неділя неділю вчора учора сьогодні позавчора
    понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье
    вчера сегодня позавчера
    """)

YEAR_RE: Final = re.compile(r"^(?:1[89]\d\d|20\d\d)(?:-?(?:го|х|s|'s))?$")
NUMERIC_DATE_RE: Final = re.compile(r"^\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?$")
HAS_DIGIT_RE: Final = re.compile(r"\d")

#: Cue words on the lexical path, by the kind of attribution they signal.
#: Multi-word cues are tuples of lowercase tokens.
LEXICAL_ACCORDING_TO: Final = (
    ("according", "to"),
    ("за", "словами"),
    ("за", "даними"),
    ("за", "інформацією"),
    ("по", "словам"),
    ("по", "данным"),
    ("по", "информации"),
    ("як", "повідомляє"),
    ("як", "повідомив"),
    ("як", "повідомила"),
    ("как", "сообщает"),
    ("как", "сообщил"),
    ("как", "сообщила"),
)
LEXICAL_SPEECH_VERBS: Final = words("""
    заявив заявила заявили заявляє заявило повідомив повідомила повідомили повідомляє
    повідомило сказав сказала сказали зазначив зазначила зазначили наголосив наголосила
    підкреслив підкреслила додав додала розповів розповіла заявив заперечив заперечила
    попередив попередила підтвердив підтвердила пише передає
    заявил заявила заявили заявляет сообщил сообщила сообщили сообщает сказал сказала
    сказали отметил отметила отметили подчеркнул подчеркнула добавил добавила рассказал
    рассказала опроверг опровергла предупредил предупредила подтвердил подтвердила пишет
    передает передаёт
    """)
LEXICAL_DENIAL_VERBS: Final = words(
    """
    заперечив заперечила заперечили опроверг опровергла опровергли denied denies deny
    """
)
LEXICAL_HEDGES: Final = words("""
    можливо ймовірно імовірно нібито начебто мабуть возможно вероятно якобы наверное
    may might could reportedly allegedly possibly probably likely apparently
    """)
#: Approximators: a hedge only right before a number ("about 40", "близько 40").
LEXICAL_APPROXIMATORS: Final = words("""
    приблизно близько орієнтовно майже примерно около порядка ориентировочно почти
    about around approximately roughly nearly almost some
    """)

#: Stems of Ukrainian and Russian event verbs (killed, wounded, destroyed, signed …).
SLAVIC_EVENT_STEMS: Final = (
    "загин", "загибл", "вбил", "вбит", "убил", "убит", "поранен", "ранен", "знищ",
    "уничтож", "атакува", "атаковал", "обстріля", "обстрел", "підписа", "подписа",
    "ухвали", "затверди", "утверди", "запусти", "запустил", "збил", "сбил", "звільни",
    "освободи", "захопи", "захвати", "втрати", "потеря", "розгорну", "развернул",
    "направи", "надісла", "отправи", "арештува", "арестова", "затрима", "задержа",
    "вибух", "взорва", "евакуюва", "эвакуирова", "передал", "переда",
)

#: Opening and closing marks, for repairing sentence boundaries.
OPENING_MARKS: Final = frozenset({"«", "„", "‚", "‹", "(", "[", "{", "“"})
CLOSING_ONLY_MARKS: Final = frozenset({"»", "›", ")", "]", "}"})
TERMINAL_PUNCT: Final = frozenset({".", "!", "?", "…", "...", "?!", "!?", "。"})
QUOTE_CHARS: Final = frozenset('"«»„“”‘’‚‹›')

_IRREGULAR_PAST: Final = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"),
    "find": ("found",), "show": ("showed", "shown"), "lose": ("lost",),
    "send": ("sent",), "strike": ("struck", "stricken"), "hit": ("hit",),
    "shoot": ("shot",), "seize": ("seized",), "sell": ("sold",), "buy": ("bought",),
    "pay": ("paid",), "spend": ("spent",), "win": ("won",), "beat": ("beat", "beaten"),
    "break": ("broke", "broken"), "meet": ("met",), "hold": ("held",), "cut": ("cut",),
    "rise": ("rose", "risen"), "fall": ("fell", "fallen"), "grow": ("grew", "grown"),
    "sink": ("sank", "sunk"), "shrink": ("shrank", "shrunk"), "build": ("built",),
    "lead": ("led",), "die": ("died", "dies", "dying"), "leave": ("left",),
    "bring": ("brought",), "give": ("gave", "given"), "take": ("took", "taken"),
    "think": ("thought",), "feel": ("felt",), "speak": ("spoke", "spoken"),
    "freeze": ("froze", "frozen"), "forbid": ("forbade", "forbidden"),
}


def english_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Common inflected forms of English verb lemmas, for pipelines without a lemmatizer.

    Over-generation is harmless here (an impossible form never matches), so plain
    suffix rules plus a short irregular table are enough.
    """
    forms: set[str] = set()
    for lemma in lemmas:
        forms.add(lemma)
        forms.update(_IRREGULAR_PAST.get(lemma, ()))
        if lemma.endswith("e"):
            forms.update({lemma + "s", lemma + "d", lemma[:-1] + "ing"})
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"})
        elif lemma.endswith(("s", "sh", "ch", "x", "z")):
            forms.update({lemma + "es", lemma + "ed", lemma + "ing"})
        else:
            forms.update({lemma + "s", lemma + "ed", lemma + "ing"})
            if len(lemma) > 2 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou":
                forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return frozenset(forms)


ENGLISH_CHANGE_FORMS: Final = english_forms(CHANGE_VERBS)
ENGLISH_FRAMING_FORMS: Final = english_forms(FRAMING_VERBS)

#: English speech verbs for blank English pipelines (no lemmas, no tags): only
#: forms that are rarely anything but verbs.
LEXICAL_ENGLISH_SPEECH: Final = words("""
    said says told tells stated announced claimed noted added warned confirmed denied
    declared insisted explained wrote reported disclosed revealed emphasized emphasised
    stressed acknowledged admitted alleged
    """)
#: Postposed verbs that tag a news source: "…, передає Укрінформ", "…, Reuters reports".
LEXICAL_SOURCE_TAG_VERBS: Final = words(
    """
    передає пише повідомляє передает передаёт пишет сообщает reports reported writes
    """
)
#: Words that are capitalised only because they start a sentence, or that are pronouns.
LEXICAL_NOT_NAMES: Final = words("""
    the a an it he she they we i this that these those there here also then however
    він вона вони воно ми я це цей ця ці там тут також тоді проте але вчора сьогодні
    он она они оно мы я это этот эта эти там тут также тогда однако но вчера сегодня
    """)
LEXICAL_PRONOUNS: Final = words("he she they it we i він вона вони воно ми я он она они оно мы")
LEXICAL_SKIPPABLE: Final = words(
    """
    also further later earlier then again також також ще теж также ещё еще тоже
    """
)


def english_past_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Past and participle forms only: "-ed" words are verbs far more often than bare stems."""
    forms: set[str] = set()
    for lemma in lemmas:
        irregular = _IRREGULAR_PAST.get(lemma)
        if irregular:
            forms.update(f for f in irregular if not f.endswith(("s", "ing")))
            continue
        if lemma.endswith("e"):
            forms.add(lemma + "d")
        elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.add(lemma[:-1] + "ied")
        else:
            forms.add(lemma + "ed")
            if len(lemma) > 2 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou":
                forms.add(lemma + lemma[-1] + "ed")
    return frozenset(forms)


ENGLISH_EVENT_PAST: Final = english_past_forms(EVENT_VERBS)
