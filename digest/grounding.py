"""Is a sentence supported by the story's articles? The check behind LLM mode (issue 7).

A generated sentence is kept only if it could have been written from the sources:

* **overlap**: enough of its content words (``digest.text.content_words``) are in one
  source sentence, and in the best two together (a sentence may fuse two facts);
* **quotes**: every quoted phrase occurs word for word in a source;
* **numbers**: every number is in the sources ("1,200" = "1200", "30%" = "30 percent",
  "three" = "3"; "1.2 billion" needs the same scale);
* **names**: every capitalised word is in the sources.

A take is opinion, so ``SourceIndex.check(..., require_overlap=False)`` skips the first
rule and keeps the others.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.text import content_words, split_sentences

__all__ = ["GroundingResult", "SourceIndex", "check_grounding"]

# Grounding thresholds, set on the 100 Multi-News dev clusters (shared/data): each
# human reference sentence was checked against its own cluster's articles and against a
# random other cluster's. "Best" is the share of the sentence's content words found in
# its best source sentence, "pair" the share found in the best two together (a sentence
# may fuse two facts). Numbers are left out of both: they have a check of their own, and
# "57,000" vs "57000" would count as a miss. best >= 0.4 and pair >= 0.6 accepted 0.2%
# of the other-cluster sentences (2 of 968) and 41% of the references, which are
# abstractive newser.com prose with comment of their own; a model told to keep to the
# articles' wording passes far more often. pair >= 0.5 doubled the false accepts for
# +8 points; best >= 0.5 cost 6 points for one false accept fewer.
_BEST_COVERAGE = 0.4
_PAIR_COVERAGE = 0.6
_PAIR_SHORTLIST = 5  # source sentences tried as pairs: the five sharing most words

_QUOTED = re.compile(r"“([^“”]*)”|\"([^\"]*)\"")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_NUMBER = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)*)"
    r"(?:\s*(%|percent|per cent)|\s+(thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "  # noqa: SIM905
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if value >= 2  # "one" is mostly a pronoun ("one of the")
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.]*")
_NAME = re.compile(r"(?<![\w'’])[A-Z][A-Za-z0-9'’.]*")
# Capitalised only because they open a sentence or clause; never names.
_OPENERS = frozenset(
    # A block of words reads better than a list literal (as in digest.text).
    """however meanwhile still yet instead both critics supporters officials analysts
    experts separately earlier later now today yesterday overall while although though
    despite after before since once""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class GroundingResult:
    """Whether a sentence is supported. ``reason`` says why not ("" when ``ok``);
    ``source_sentence`` is the best-matching source sentence ("" if none shares a word)."""

    ok: bool
    reason: str
    source_sentence: str


# Grounding -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _SourceSentence:
    text: str
    bag: frozenset[str]
    doc: int


class SourceIndex:
    """A story's articles (plain texts, in article order), indexed once for many checks."""

    def __init__(self, documents: Sequence[str]) -> None:
        self._sentences: list[_SourceSentence] = []
        joined = []
        for doc, text in enumerate(documents):
            sentences = split_sentences(text)
            joined.append(" ".join(sentences))
            for sentence in sentences:
                bag = _bag(sentence)
                if bag:
                    self._sentences.append(_SourceSentence(sentence, bag, doc))
        whole = "\n".join(joined)
        self._text = _normalise(whole).casefold()
        self._numbers = _numbers(whole)
        self._vocabulary = {_name_key(t) for t in _TOKEN.findall(whole)}
        self._document = {s.text: s.doc for s in reversed(self._sentences)}

    @property
    def has_text(self) -> bool:
        return bool(self._sentences)

    def check(self, sentence: str, *, require_overlap: bool = True) -> GroundingResult:
        """Check ``sentence`` (see ``check_grounding``); without ``require_overlap`` only
        quotes, numbers and names are checked, as for an opinion."""
        best, coverage, pair = self._best_match(sentence)
        source = best.text if best else ""
        reason = self._specifics_problem(sentence)
        if not reason and require_overlap:
            if not _bag(sentence):
                reason = "it has no content words"
            elif coverage < _BEST_COVERAGE or pair < _PAIR_COVERAGE:
                reason = (
                    f"too little of it is in any source sentence "
                    f"({coverage:.0%} in the best one, {pair:.0%} in the best two)"
                )
        return GroundingResult(not reason, reason, source)

    def document_of(self, source_sentence: str) -> int:
        """Index of the first article containing ``source_sentence``; -1 if none."""
        return self._document.get(source_sentence, -1)

    def _best_match(self, sentence: str) -> tuple[_SourceSentence | None, float, float]:
        words = _bag(sentence)
        if not words or not self._sentences:
            return None, 0.0, 0.0
        ranked = sorted(self._sentences, key=lambda s: -len(words & s.bag))
        best = ranked[0]
        if not words & best.bag:
            return None, 0.0, 0.0
        coverage = len(words & best.bag) / len(words)
        pair = max(
            (
                len(words & (a.bag | b.bag)) / len(words)
                for a, b in itertools.combinations(ranked[:_PAIR_SHORTLIST], 2)
            ),
            default=coverage,
        )
        return best, coverage, pair

    def _specifics_problem(self, sentence: str) -> str:
        """Why a quote, number or name in ``sentence`` is not backed, or ""."""
        if (sentence.count('"') % 2) or sentence.count("“") != sentence.count("”"):
            return "its quotation marks do not pair up"
        for match in _QUOTED.finditer(sentence):
            phrase = match.group(1) if match.group(1) is not None else match.group(2)
            for part in _ELLIPSIS.split(_normalise(phrase).strip(" .,;:!?")):
                if part and part.casefold() not in self._text:
                    return f'the quote "{phrase.strip()}" is not word for word in any source'
        # Longest first, so "2 billion" is named rather than the bare "2".
        for number in sorted(_numbers(sentence), key=lambda n: (-len(n), n)):
            if number not in self._numbers:
                return f'the number "{number}" is not in the sources'
        for name in _names(sentence):
            if _name_key(name) not in self._vocabulary:
                return f'the name "{name}" is not in the sources'
        return ""


def check_grounding(sentence: str, sources: Sequence[str]) -> GroundingResult:
    """Whether ``sentence`` is supported by ``sources`` (article texts).

    Supported means: at least 40% of its content words are in one source sentence and
    60% in the best two (thresholds: see ``_BEST_COVERAGE``); every quoted phrase
    ("..." or “...”, ellipses allowed) occurs word for word in a source (ignoring case,
    curly vs straight apostrophes and spacing); every number (1,200 = 1200; 4.6; 30%;
    "three" = 3; "1.2 billion" needs the same scale) and every capitalised word is in
    the sources. The first failing rule is the reason.
    """
    return SourceIndex(sources).check(sentence)


def _bag(text: str) -> frozenset[str]:
    return frozenset(w for w in content_words(text) if any(c.isalpha() for c in w))


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def _numbers(text: str) -> set[str]:
    """Numbers in ``text`` as comparable keys: "1200", "4.6", "1.2 billion"."""
    found = set()
    for match in _NUMBER.finditer(text):
        value = match.group(1)
        # A comma before exactly three digits groups thousands ("1,200"); any other is
        # punctuation between two numbers, which the regex would otherwise glue together.
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", value):
            value = value.replace(",", "")
        parts = [value] if "," not in value else value.split(",")
        for part in parts:
            found.add(part.rstrip("."))
        if match.group(3) and len(parts) == 1:
            found.add(f"{value} {match.group(3).lower()}")
    for match in _NUMBER_WORD.finditer(text):
        found.add(_NUMBER_WORDS[match.group(1).lower()])
    return found


def _names(sentence: str) -> list[str]:
    """Capitalised words, except a sentence opener that is a stop word or connective."""
    names = []
    for match in _NAME.finditer(sentence):
        word = match.group(0)
        key = _name_key(word)
        before = sentence[: match.start()].rstrip()
        opens = not before or before[-1] in "\"“'‘(:—-"
        if opens and (not content_words(word) or key in _OPENERS):
            continue
        names.append(word.rstrip(".'’"))
    return names


def _name_key(word: str) -> str:
    # "U.S." = "US", "Greenland's" = "Greenland", case ignored (a title may be capitalised
    # in one text and not the other).
    word = word.replace("’", "'")
    word = re.sub(r"'s?$", "", word)
    return word.replace(".", "").lower()
