"""Words the tagger knows, per language, mapped to what they mean.

Only data lives here: the regular expressions in ``patterns.py`` and the rules
are built from these tables, so adding a spelling is a one-line change.
"""

from __future__ import annotations

# ----------------------------------------------------------------- English

MONTHS_EN: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS_EN: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)

WEEKDAYS_EN: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}
WEEKDAY_ABBREVIATIONS_EN: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4,
    "fri": 5, "sat": 6, "sun": 7,
}

NUMBER_WORDS_EN: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS_EN: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
ORDINALS_EN: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21, "last": 4,
}
DECADE_WORDS_EN: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}
VAGUE_QUANTITIES_EN = (
    "a few", "few", "several", "many", "some", "numerous", "countless", "a number of",
    "a couple of", "couple of", "a couple", "multiple",
)

# TIMEX3 duration unit letters; "time" units go after the T in the value.
UNITS_EN: dict[str, str] = {
    "second": "S", "seconds": "S", "minute": "M", "minutes": "M", "hour": "H", "hours": "H",
    "day": "D", "days": "D", "week": "W", "weeks": "W", "fortnight": "2W", "fortnights": "2W",
    "month": "M", "months": "M", "quarter": "Q", "quarters": "Q", "year": "Y", "years": "Y",
    "decade": "DE", "decades": "DE", "century": "E", "centuries": "E",
    "weekend": "WE", "weekends": "WE",
}

SEASONS_EN: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}
DAY_PARTS_EN: dict[str, str] = {
    "morning": "MO", "mornings": "MO", "afternoon": "AF", "afternoons": "AF",
    "evening": "EV", "evenings": "EV", "night": "NI", "nights": "NI",
    "midday": "MI", "noon": "MI",
}
SET_ADVERBS_EN: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P1Q",
    "annually": "P1Y", "yearly": "P1Y",
}

# Words after which a bare month, year or season is read as a date ("in March").
DATE_CONTEXT_WORDS_EN = frozenset({
    "in", "since", "until", "till", "til", "by", "during", "of", "from", "to", "through",
    "throughout", "before", "after", "between", "and", "or", "early", "late", "mid",
    "last", "next", "this", "each", "every", "on", "around", "circa", "about", "for",
    "as", "than", "past", "into", "year", "fiscal", "beginning", "end", "start",
    "middle", "spring", "summer", "autumn", "fall", "winter", "that", "same", "except",
})

# ----------------------------------------------------------------- Ukrainian, Russian
# Month stems; rules_slavic adds the endings of nominative, genitive and locative.

MONTH_STEMS_UK: dict[str, int] = {
    "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "трав": 5, "черв": 6,
    "лип": 7, "серп": 8, "верес": 9, "жовт": 10, "листопад": 11, "груд": 12,
}
MONTH_STEMS_RU: dict[str, int] = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}

WEEKDAYS_UK: dict[str, int] = {
    "понеділок": 1, "понеділка": 1, "вівторок": 2, "вівторка": 2, "середа": 3, "середу": 3,
    "четвер": 4, "четверга": 4, "п'ятниця": 5, "п'ятницю": 5, "субота": 6, "суботу": 6,
    "неділя": 7, "неділю": 7,
}
WEEKDAYS_RU: dict[str, int] = {
    "понедельник": 1, "вторник": 2, "среда": 3, "среду": 3, "четверг": 4,
    "пятница": 5, "пятницу": 5, "суббота": 6, "субботу": 6, "воскресенье": 7,
}

DEICTIC_DAYS_UK: dict[str, int] = {
    "позавчора": -2, "вчора": -1, "учора": -1, "сьогодні": 0, "завтра": 1, "післязавтра": 2,
}
DEICTIC_DAYS_RU: dict[str, int] = {
    "позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2,
}
REFERENCES_UK: dict[str, str] = {
    "зараз": "PRESENT_REF", "тепер": "PRESENT_REF", "нині": "PRESENT_REF",
    "наразі": "PRESENT_REF", "нещодавно": "PAST_REF", "раніше": "PAST_REF",
    "незабаром": "FUTURE_REF", "невдовзі": "FUTURE_REF", "найближчим часом": "FUTURE_REF",
}
REFERENCES_RU: dict[str, str] = {
    "сейчас": "PRESENT_REF", "теперь": "PRESENT_REF", "ныне": "PRESENT_REF",
    "недавно": "PAST_REF", "ранее": "PAST_REF", "скоро": "FUTURE_REF",
    "вскоре": "FUTURE_REF", "в ближайшее время": "FUTURE_REF",
}

# relative word -> offset; unit word (any case form) -> TIMEX unit letter
RELATIVE_WORDS_UK: dict[str, int] = {
    "минулого": -1, "минулому": -1, "минулий": -1, "минулої": -1, "минулій": -1,
    "минулу": -1, "цього": 0, "цьому": 0, "цей": 0, "цієї": 0, "цій": 0, "цю": 0,
    "поточного": 0, "поточному": 0,
    "наступного": 1, "наступному": 1, "наступний": 1, "наступної": 1, "наступній": 1,
    "наступну": 1, "майбутнього": 1,
}
RELATIVE_WORDS_RU: dict[str, int] = {
    "прошлого": -1, "прошлом": -1, "прошлый": -1, "прошлой": -1, "прошлую": -1,
    "этого": 0, "этом": 0, "этот": 0, "этой": 0, "эту": 0, "текущего": 0, "текущем": 0,
    "следующего": 1, "следующем": 1, "следующий": 1, "следующей": 1, "следующую": 1,
    "будущего": 1, "будущем": 1,
}
UNIT_WORDS_UK: dict[str, str] = {
    "рік": "Y", "року": "Y", "році": "Y", "роки": "Y", "років": "Y", "роками": "Y",
    "місяць": "M", "місяця": "M", "місяці": "M", "місяців": "M",
    "тиждень": "W", "тижня": "W", "тижні": "W", "тижнів": "W",
    "день": "D", "дня": "D", "дні": "D", "днів": "D", "доба": "D", "доби": "D", "діб": "D",
    "година": "H", "години": "H", "годин": "H", "хвилина": "MIN", "хвилини": "MIN",
    "хвилин": "MIN", "десятиліття": "DE", "століття": "E",
}
UNIT_WORDS_RU: dict[str, str] = {
    "год": "Y", "года": "Y", "году": "Y", "годы": "Y", "лет": "Y", "годов": "Y",
    "месяц": "M", "месяца": "M", "месяце": "M", "месяцы": "M", "месяцев": "M",
    "неделя": "W", "неделю": "W", "недели": "W", "неделе": "W", "недель": "W",
    "день": "D", "дня": "D", "дней": "D", "сутки": "D", "суток": "D",
    "час": "H", "часа": "H", "часов": "H", "минута": "MIN", "минуты": "MIN",
    "минут": "MIN", "десятилетие": "DE", "десятилетия": "DE", "десятилетий": "DE",
    "век": "E", "века": "E", "веков": "E",
}
NUMBER_WORDS_UK: dict[str, int] = {
    "один": 1, "одна": 1, "одну": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4,
    "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10,
    "кілька": -1, "декілька": -1, "багато": -1,
}
NUMBER_WORDS_RU: dict[str, int] = {
    "один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4,
    "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "несколько": -1, "много": -1,
}

# ----------------------------------------------------------------- German, French (dates only)

MONTHS_DE: dict[str, int] = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
MONTHS_FR: dict[str, int] = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
DEICTIC_DAYS_DE: dict[str, int] = {"vorgestern": -2, "gestern": -1, "heute": 0, "übermorgen": 2}
DEICTIC_DAYS_FR: dict[str, int] = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1}
