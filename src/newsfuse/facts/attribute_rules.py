"""spaCy's attribute ruler, with its rules looked up by word and tag instead of matched.

The small English pipeline's attribute ruler maps tags to parts of speech and
sets exceptions ("ai n't" → lemma "be"): 179 rules of one or two tokens whose
conditions are equalities, sets ("IN", "NOT_IN") and regular expressions. spaCy runs
them all through its general ``Matcher`` at every token, which tests every
rule's predicates at each token; here each rule is filed under the word or tag
its first token needs, so a token is tested only against the rules that can
match there. The rules are applied in spaCy's order (rule number, then
position), so each token ends with the same attributes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# Name of the spaCy factory that builds the indexed rules from a loaded ruler.
FACTORY = "newsfuse_indexed_attribute_rules"
# Token attributes a rule may test, each read once per token into a column.
_ATTRIBUTES = ("LOWER", "TAG", "DEP", "IS_SPACE")
# Attributes a rule can be filed under, most selective first.
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")

# A test of one attribute's value: the attribute's column number and the predicate.
TokenTest = tuple[int, Callable[[object], bool]]


@dataclass(frozen=True, slots=True)
class _Rule:
    """One pattern of one ruler rule: a test per token, and what it sets where."""

    number: int
    tests: tuple[tuple[TokenTest, ...], ...]
    index: int
    attrs: dict[Any, Any]
    # The index keys of the first token (any one must hold), or None: tested at every token.
    keys: tuple[tuple[str, object], ...] | None
    # The tests flattened: (token offset, column, predicate) each.
    checks: tuple[tuple[int, int, Callable[[object], bool]], ...] = ()
    length: int = 0

    def __post_init__(self) -> None:
        checks = tuple(
            (offset, column, test)
            for offset, tests in enumerate(self.tests)
            for column, test in tests
        )
        object.__setattr__(self, "checks", checks)
        object.__setattr__(self, "length", len(self.tests))


def _test(attribute: str, condition: object) -> TokenTest | None:
    """A test of one token attribute against one pattern condition, or None if unsupported."""
    if attribute not in _ATTRIBUTES:
        return None
    column = _ATTRIBUTES.index(attribute)
    if isinstance(condition, str | bool):
        return column, lambda value: value == condition
    if isinstance(condition, dict) and len(condition) == 1:
        ((operator, operand),) = condition.items()
        if operator == "IN" and isinstance(operand, list):
            members = frozenset(operand)
            return column, lambda value: value in members
        if operator == "NOT_IN" and isinstance(operand, list):
            excluded = frozenset(operand)
            return column, lambda value: value not in excluded
        if operator == "REGEX" and isinstance(operand, str):
            expression = re.compile(operand)  # spaCy's REGEX predicate searches, too
            return column, lambda value: bool(expression.search(str(value)))
    return None


def _keys(pattern_token: dict[str, object]) -> tuple[tuple[str, object], ...] | None:
    """The index keys a rule's first token is filed under (any one must hold), or None."""
    for attribute in _INDEXED:
        condition = pattern_token.get(attribute)
        if isinstance(condition, str | bool):
            return ((attribute, condition),)
        if isinstance(condition, dict) and set(condition) == {"IN"}:
            return tuple((attribute, value) for value in condition["IN"])
    return None


class IndexedAttributeRules:
    """A pipeline component that sets what an ``AttributeRuler`` sets, found by lookup."""

    def __init__(self, rules: Sequence[_Rule]) -> None:
        self.by_key: dict[tuple[str, object], list[_Rule]] = {}
        self.everywhere: list[_Rule] = []
        for rule in rules:
            if rule.keys is None:
                self.everywhere.append(rule)
            for key in rule.keys or ():
                self.by_key.setdefault(key, []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        columns = list(zip(*((t.lower_, t.tag_, t.dep_, t.is_space) for t in doc), strict=True))
        if not columns:
            return doc
        indexed = [(columns[_ATTRIBUTES.index(a)], a) for a in _INDEXED]
        matches: list[tuple[int, int, int, _Rule]] = []
        length = len(doc)
        for start in range(length):
            candidates = [*self.everywhere]
            for values, attribute in indexed:
                candidates.extend(self.by_key.get((attribute, values[start]), ()))
            for rule in candidates:
                end = start + rule.length
                if end > length:
                    continue
                for offset, column, test in rule.checks:
                    if not test(columns[column][start + offset]):
                        break
                else:
                    matches.append((rule.number, start, end, rule))
        # spaCy sorts by rule number, then position: a later rule overrides an earlier one.
        matches.sort(key=lambda match: match[:3])
        applied: set[tuple[int, int, int]] = set()
        for number, start, end, rule in matches:
            if (number, start, end) in applied:
                continue  # two patterns of one rule matching one span set the same thing
            applied.add((number, start, end))
            target = start + rule.index if rule.index >= 0 else end + rule.index
            set_token_attrs(doc[target], rule.attrs)
        return doc


def index_rules(ruler: AttributeRuler) -> list[_Rule] | None:
    """The ruler's rules in spaCy's order, or None if one uses a condition not handled here."""
    rules: list[_Rule] = []
    for number, rule in enumerate(ruler.patterns):
        patterns: Any = rule["patterns"]
        for pattern in patterns:
            if not isinstance(pattern, list) or not pattern:
                return None  # a phrase pattern (a Doc)
            tests: list[tuple[TokenTest, ...]] = []
            for pattern_token in pattern:
                token_tests = [_test(str(a), c) for a, c in pattern_token.items()]
                if any(test is None for test in token_tests) or not token_tests:
                    return None
                tests.append(tuple(t for t in token_tests if t is not None))
            keys = _keys(pattern[0])
            rules.append(
                _Rule(number, tuple(tests), ruler.indices[number], ruler.attrs[number], keys)
            )
    return rules


def replace_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's ``attribute_ruler`` for the indexed rules, under the same name.

    Left as it is when a rule uses a condition the index does not handle.
    """
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or index_rules(ruler) is None:
        return
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_make_indexed_rules)
    nlp.add_pipe(FACTORY, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.rename_pipe(FACTORY, "attribute_ruler")


def _make_indexed_rules(nlp: Language, name: str) -> IndexedAttributeRules:
    """spaCy factory: the indexed form of the pipeline's current attribute ruler."""
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    rules = index_rules(ruler) if isinstance(ruler, AttributeRuler) else None
    if rules is None:
        raise ValueError("the attribute ruler uses a condition the index does not handle")
    return IndexedAttributeRules(rules)
