"""Indirect speech the engine missed entirely (s17, issue 17): a report under a predicative
adjective of manner ("was quick to note that C", "was careful to say C") or a compared
"likely" ("voters were more likely to say C", a poll's answers) takes the copula's subject as
its source. A negated copula, an adjective of inability and a bare "likely" (the writer's
forecast) give nothing.

All sentences are written for these tests (fictional names and places).
"""

from __future__ import annotations

import pytest

from test_indirect import indirect
from test_quotes import quotes

spacy = pytest.mark.model


@spacy
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Mayor Ilse Varga was quick to note that the ferry had never once been late.",
            "the ferry had never once been late",
            "Ilse Varga",
        ),
        (
            "Councillor Ida Moss was careful to say the toll plan for Alder was not final.",
            "the toll plan for Alder was not final",
            "Ida Moss",
        ),
        (
            "Voters in Alder were more likely to say that the harbour board had served them well.",
            "the harbour board had served them well",
            "Voters",
        ),
    ],
)
def test_a_manner_adjective_lends_the_copulas_subject(
    text: str, content: str, speaker: str
) -> None:
    found = indirect(quotes(text, "spacy"))
    assert len(found) == 1, found
    assert found[0][0] == content
    assert found[0][1] is not None and speaker in found[0][1]


@spacy
@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ilse Varga was unable to say whether the ferry would run in winter.",
        "Mayor Ilse Varga is likely to say that the ferry will run in winter.",
        "Mayor Ilse Varga was not quick to say that the ferry would run in winter.",
    ],
)
def test_inability_a_forecast_or_a_negation_lends_nothing(text: str) -> None:
    assert indirect(quotes(text, "spacy")) == []
